package com.yihuiliao.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

/** A small HTTP client for the tests: the API as a client sees it, JSON in and out. */
public final class Api {

    public record Response(int status, JsonNode body, java.net.http.HttpHeaders headers) {
        public String code() {
            return body.path("code").asText(null);
        }

        public String text(String field) {
            return body.path(field).asText(null);
        }

        /** A list's items (every list answers the same envelope). */
        public JsonNode items() {
            return body.path("items");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The super admin's password in tests (see IntegrationTest / TestEnvironment). */
    public static final String ADMIN_PASSWORD = "Admin-Test-2026";
    private static final java.util.concurrent.atomic.AtomicInteger IDS = new java.util.concurrent.atomic.AtomicInteger();

    private final String base;
    private final String token;

    /** An anonymous client. */
    public Api(int port) {
        this("http://127.0.0.1:" + port, null);
    }

    /** An anonymous client as it reaches us through nginx: the proxy names it in X-Forwarded-For. */
    public static Api behindProxy(String clientIp, int port) {
        return new Api("http://127.0.0.1:" + port, null, clientIp);
    }

    private final String clientIp;

    private Api(String base, String token) {
        this(base, token, null);
    }

    private Api(String base, String token, String clientIp) {
        this.base = base;
        this.token = token;
        this.clientIp = clientIp;
    }

    /** The same server, calling with this bearer token. */
    public Api withToken(String accessToken) {
        return new Api(base, accessToken, clientIp);
    }

    public String token() {
        return token;
    }

    /** A staff member's client: logs in with username and password. */
    public Api staff(String username, String password) {
        Response login = expect(post("/api/auth/staff/login",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"), 200);
        return withToken(login.text("accessToken"));
    }

    /** Called on the super admin's client: a new staff account with this role, logged in. */
    public Api newStaff(String role, String doctorId) {
        String username = unique(role.toLowerCase()).replace("-", "_");
        Response created = expect(post("/api/admin/staff", "{\"username\":\"" + username + "\",\"displayName\":\""
                + role.replace('_', ' ') + "\",\"roles\":[\"" + role + "\"]" + (doctorId == null ? "" : ",\"doctorId\":\"" + doctorId + "\"")
                + "}"), 201);
        String oneTime = created.text("oneTimePassword");
        Api staff = new Api(base, null, clientIp).staff(username, oneTime);
        // a one-time password only lets its holder change it: do so, as the member would, to get to work
        expect(staff.post("/api/staff/me/password", "{\"oldPassword\":\"" + oneTime + "\",\"newPassword\":\""
                + STAFF_PASSWORD + "\"}"), 204);
        return staff;
    }

    /** The password {@link #newStaff} sets in place of the one-time password. */
    public static final String STAFF_PASSWORD = "Staff-Test-2026";

    /** The super admin created on first start. */
    public Api admin() {
        return staff("admin", ADMIN_PASSWORD);
    }

    /** A patient's WeChat account (a new one per call) with one patient (就诊人) added. */
    public record Patient(Api api, String patientId, String refreshToken) {
        public Response book(String scheduleId) {
            return api.book(scheduleId, patientId);
        }

        public Response payWithBalance(String appointmentId) {
            return api.post("/api/appointments/" + appointmentId + "/pay-with-balance",
                    "{\"patientId\":\"" + patientId + "\"}");
        }
    }

    /** As finance staff: credit a patient's outpatient balance with cash taken at the counter (a new receipt). */
    public Response counterTopUp(String patientId, long amountFen) {
        return post("/api/admin/accounts/" + patientId + "/OUTPATIENT/counter-top-ups",
                "{\"amountFen\":" + amountFen + ",\"receiptNo\":\"" + unique("rcpt") + "\"}");
    }

    /** This patient's outpatient balance as the read model shows it; -1 until it shows one. */
    public long outpatientBalanceFen(String patientId) {
        Response response = get("/api/me/accounts?patientId=" + patientId);
        if (response.status() != 200) {
            return -1;
        }
        for (JsonNode account : response.items()) {
            if (account.path("kind").asText().equals("OUTPATIENT")) {
                return account.path("balanceFen").asLong();
            }
        }
        return -1;
    }

    public Patient patient() {
        Response login = expect(post("/api/auth/wechat/login", "{\"code\":\"" + unique("user") + ":1\"}"), 200);
        Api account = withToken(login.text("accessToken"));
        Response added = expect(account.post("/api/me/patients", "{\"realName\":\"张三\",\"idNumber\":\""
                + residentId(IDS.incrementAndGet()) + "\",\"phone\":\"13812345678\",\"relationship\":\"SELF\"}"), 201);
        return new Patient(account, added.text("patientId"), login.text("refreshToken"));
    }

    /** A valid 18-digit resident ID number (GB 11643 check digit), different for each n. */
    public static String residentId(int n) {
        String body = "110101" + "1990" + String.format("%02d%02d", 1 + n % 12, 1 + n % 28) + String.format("%03d", n % 1000);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** Every item of a list, page by page through its cursors (200 a page). */
    public JsonNode all(String path) {
        com.fasterxml.jackson.databind.node.ArrayNode items = JSON.createArrayNode();
        String cursor = null;
        do {
            String page = path + (path.contains("?") ? "&" : "?") + "size=200"
                    + (cursor == null ? "" : "&cursor=" + cursor);
            Response response = expect(get(page), 200);
            response.items().forEach(items::add);
            cursor = response.body().path("nextCursor").asText(null);
        } while (cursor != null);
        return items;
    }

    /** A GET whose answer is not JSON (e.g. Prometheus' text format): status and body as text. */
    public record Text(int status, String body) {
    }

    public Text getText(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Text(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    public Response post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response put(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response patch(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    private Response send(HttpRequest.Builder request) {
        try {
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (clientIp != null) {
                request.header("X-Forwarded-For", clientIp);
            }
            // the tests read the English texts; Chinese, the default, is LanguageIT's
            request.header("Accept-Language", "en");
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
            return new Response(response.statusCode(), body, response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- a hospital to test with: every call makes new, unique ids ----

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public String department() {
        String id = unique("dept");
        expect(put("/api/admin/departments/" + id, "{\"name\":\"测试科\",\"sortOrder\":1}"), 200);
        return id;
    }

    public String doctor(String departmentId, long feeFen) {
        String id = unique("doc");
        expect(put("/api/admin/doctors/" + id, "{\"departmentId\":\"" + departmentId
                + "\",\"name\":\"测试医生\",\"title\":\"主任医师\",\"feeFen\":" + feeFen + "}"), 200);
        return id;
    }

    /** A schedule of a new doctor in a new department, open for booking under the default rules. */
    public String openSchedule(int capacity, long feeFen) {
        return schedule(doctor(department(), feeFen), LocalDate.now(com.yihuiliao.api.Clocks.HOSPITAL_ZONE).plusDays(2),
                "MORNING", capacity);
    }

    public String schedule(String doctorId, LocalDate date, String period, int capacity) {
        Response published = expect(post("/api/admin/schedules", "{\"doctorId\":\"" + doctorId + "\",\"date\":\"" + date
                + "\",\"period\":\"" + period + "\",\"capacity\":" + capacity + "}"), 201);
        return published.text("scheduleId");
    }

    public Response book(String scheduleId, String patientId) {
        return post("/api/appointments", "{\"scheduleId\":\"" + scheduleId + "\",\"patientId\":\"" + patientId + "\"}");
    }

    public static Response expect(Response response, int status) {
        if (response.status() != status) {
            throw new AssertionError("Expected HTTP " + status + " but got " + response.status() + ": " + response.body());
        }
        return response;
    }
}
