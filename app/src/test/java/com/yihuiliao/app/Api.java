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

    public record Response(int status, JsonNode body) {
        public String code() {
            return body.path("code").asText(null);
        }

        public String text(String field) {
            return body.path(field).asText(null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Response post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response put(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
            return new Response(response.statusCode(), body);
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
