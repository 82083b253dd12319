package com.yihuiliao.app;

import static com.yihuiliao.app.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.yihuiliao.query.finance.FinanceExports;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.axonframework.common.Registration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import com.yihuiliao.api.finance.FindDailySummaries;
import com.yihuiliao.command.appointment.MarkAppointmentMissed;
import org.axonframework.commandhandling.gateway.CommandGateway;
import com.yihuiliao.query.finance.CachedFinanceReports;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Finance's reports through the HTTP API, over a small realistic history: registration fees paid from the balance
 * and by WeChat Pay, a cancellation refunded, a bill paid from the balance with one line partly refunded. Every
 * check is scoped to this test's own departments and patients (the context is shared with other tests).
 */
class FinanceReportsIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    FinanceExports exports;
    @Autowired
    Scheduler scheduler;
    @Autowired
    QueryGateway queries;
    @Autowired
    CommandGateway commands;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    EventStore eventStore;
    @Value("${spring.cache.redis.key-prefix}")
    String cachePrefix;
    Api admin;
    Api finance;
    Api auditor;

    @BeforeEach
    void staff() {
        admin = new Api(port).admin();
        finance = admin.newStaff("FINANCE", null);
        auditor = admin.newStaff("AUDITOR", null);
    }

    /** One department's history; every amount in fen. */
    record History(String department, String doctor, String otherDepartment, Api.Patient patient, String name,
                   String balanceOrder, String weChatOrder, String billOrder, LocalDate paidOn) {
    }

    private static final String[] SURNAMES = {"钱", "孙", "周", "吴", "郑", "冯", "陈", "卫"};

    /** A patient of a name of their own (Api.patient's are all 张三), so a name fragment finds them. */
    Api.Patient namedPatient(String name) {
        Api.Response login = expect(new Api(port).post("/api/auth/wechat/login",
                "{\"code\":\"" + Api.unique("fin") + ":1\"}"), 200);
        Api account = new Api(port).withToken(login.text("accessToken"));
        int n = (int) (Math.random() * 900_000) + 1000;
        Api.Response added = expect(account.post("/api/me/patients", "{\"realName\":\"" + name + "\",\"idNumber\":\""
                + Api.residentId(n) + "\",\"phone\":\"13912345678\",\"relationship\":\"SELF\"}"), 201);
        return new Api.Patient(account, added.text("patientId"), login.text("refreshToken"));
    }

    History history() {
        String department = admin.department();
        String doctor = admin.doctor(department, 3_000);
        String otherDepartment = admin.department();
        String otherDoctor = admin.doctor(otherDepartment, 2_000);
        LocalDate visit = LocalDate.now(com.yihuiliao.api.Clocks.HOSPITAL_ZONE).plusDays(2);
        String name = SURNAMES[(int) (Math.random() * SURNAMES.length)] + "财务" + "甲乙丙丁戊己庚辛".charAt((int) (Math.random() * 8));
        Api.Patient patient = namedPatient(name);
        expect(finance.counterTopUp(patient.patientId(), 10_000), 200);

        // a registration fee from the balance, then cancelled: refunded to the balance in full
        String first = expect(patient.book(admin.schedule(doctor, visit, "MORNING", 5)), 201).text("appointmentId");
        String balanceOrder = expect(patient.payWithBalance(first), 200).text("outTradeNo");
        expect(patient.api().post("/api/appointments/" + first + "/cancel",
                "{\"patientId\":\"" + patient.patientId() + "\"}"), 200);

        // a registration fee in the other department by WeChat Pay
        String second = expect(patient.book(admin.schedule(otherDoctor, visit, "AFTERNOON", 5)), 201)
                .text("appointmentId");
        String weChatOrder = expect(patient.api().post("/api/appointments/" + second + "/pay-with-wechat",
                "{\"patientId\":\"" + patient.patientId() + "\"}"), 200).text("outTradeNo");
        expect(new Api(port).post("/sandbox/wechatpay/simulate/pay", "{\"outTradeNo\":\"" + weChatOrder + "\"}"), 200);

        // a bill of the first department: 2,500 + 2 x 1,850, from the balance; one of line 2 refunded
        String billId = expect(finance.post("/api/admin/bills", "{\"patientId\":\"" + patient.patientId()
                + "\",\"departmentId\":\"" + department + "\",\"doctorId\":\"" + doctor + "\",\"items\":["
                + "{\"line\":1,\"code\":\"LAB001\",\"name\":\"血常规\",\"category\":\"LAB\",\"quantity\":1,\"unitPriceFen\":2500},"
                + "{\"line\":2,\"code\":\"RX017\",\"name\":\"阿莫西林胶囊\",\"category\":\"PRESCRIPTION\",\"quantity\":2,"
                + "\"unitPriceFen\":1850}]}"), 201).text("billId");
        String billOrder = expect(patient.api().post("/api/me/bills/" + billId + "/pay-with-balance",
                "{\"patientId\":\"" + patient.patientId() + "\"}"), 200).text("outTradeNo");
        expect(finance.post("/api/admin/bills/" + billId + "/items/2/refunds",
                "{\"quantity\":1,\"reason\":\"退药\"}"), 200);

        JsonNode rows = awaitRead(finance, "/api/admin/finance/consumption?departmentId=" + department,
                r -> r.path("total").asLong() == 3 && r.path("sums").path("refundedSumFen").asLong() == 4_850);
        LocalDate paidOn = LocalDate.parse(rows.path("items").get(0).path("businessDate").asText());
        awaitRead(finance, "/api/admin/finance/consumption?departmentId=" + otherDepartment,
                r -> r.path("total").asLong() == 1);
        return new History(department, doctor, otherDepartment, patient, name, balanceOrder, weChatOrder, billOrder,
                paidOn);
    }

    static JsonNode awaitRead(Api reader, String path, Predicate<JsonNode> until) {
        await().atMost(Duration.ofSeconds(40)).until(() -> {
            Api.Response response = reader.get(path);
            return response.status() == 200 && until.test(response.body());
        });
        return expect(reader.get(path), 200).body();
    }

    static long total(Api reader, String path) {
        return expect(reader.get(path), 200).body().path("total").asLong();
    }

    // --- 门诊消费记录 --------------------------------------------------------------------------------

    @Test
    void consumptionRecords_rowsAndTotalsToTheFen_filtersSortingAndKeysetPaging() {
        History h = history();
        String dept = "/api/admin/finance/consumption?departmentId=" + h.department();

        // every row with its invoice number (issued by the invoice process, after the payment)
        JsonNode all = awaitRead(auditor, dept + "&sort=amount&direction=asc", r -> {
            for (JsonNode item : r.path("items")) {
                if (item.path("invoiceNo").isNull() || item.path("invoiceNo").isMissingNode()) {
                    return false;
                }
            }
            return true;
        });
        assertThat(all.path("total").asLong()).isEqualTo(3);
        assertThat(all.path("sums").path("amountSumFen").asLong()).isEqualTo(3_000 + 2_500 + 3_700);
        assertThat(all.path("sums").path("refundedSumFen").asLong()).isEqualTo(3_000 + 1_850);
        assertThat(all.path("sums").path("netSumFen").asLong()).isEqualTo(2_500 + 1_850);
        List<String> rows = new ArrayList<>();
        all.path("items").forEach(r -> rows.add(r.path("itemName").asText() + " " + r.path("channel").asText() + " "
                + r.path("amountFen").asLong() + " " + r.path("refundedFen").asLong() + " " + r.path("netFen").asLong()
                + " " + r.path("status").asText()));
        assertThat(rows).containsExactly("血常规 BALANCE 2500 0 2500 PAID",
                "Registration fee BALANCE 3000 3000 0 REFUNDED",
                "阿莫西林胶囊 BALANCE 3700 1850 1850 PARTLY_REFUNDED");
        JsonNode registration = all.path("items").get(1);
        assertThat(registration.path("outTradeNo").asText()).isEqualTo(h.balanceOrder());
        assertThat(registration.path("patientName").asText()).isEqualTo(h.name());
        assertThat(registration.path("idNumberMasked").asText()).matches("\\d{4}\\*{10}\\d{3}[\\dX]");
        assertThat(registration.path("departmentName").asText()).isEqualTo("测试科");
        assertThat(registration.path("doctorName").asText()).isEqualTo("测试医生");
        assertThat(registration.path("doctorId").asText()).isEqualTo(h.doctor());
        assertThat(registration.path("invoiceNo").asText()).startsWith("YHL");
        assertThat(registration.path("paidAt").asText()).endsWith("+08:00");
        assertThat(all.path("items").get(0).path("outTradeNo").asText()).isEqualTo(h.billOrder());

        // filters
        assertThat(total(finance, dept + "&purpose=BILL")).isEqualTo(2);
        assertThat(total(finance, dept + "&purpose=REGISTRATION&status=REFUNDED")).isEqualTo(1);
        assertThat(total(finance, dept + "&status=PARTLY_REFUNDED")).isEqualTo(1);
        assertThat(total(finance, dept + "&channel=WECHAT")).isZero();
        assertThat(total(finance, dept + "&doctorId=" + h.doctor())).isEqualTo(3);
        assertThat(total(finance, dept + "&from=" + h.paidOn() + "&to=" + h.paidOn())).isEqualTo(3);
        assertThat(total(finance, dept + "&from=" + h.paidOn().plusDays(1))).isZero();
        assertThat(total(finance, dept + "&to=" + h.paidOn().minusDays(1))).isZero();
        JsonNode other = expect(finance.get("/api/admin/finance/consumption?departmentId=" + h.otherDepartment()
                + "&channel=WECHAT"), 200).body();
        assertThat(other.path("total").asLong()).isEqualTo(1);
        assertThat(other.path("items").get(0).path("outTradeNo").asText()).isEqualTo(h.weChatOrder());
        assertThat(other.path("sums").path("netSumFen").asLong()).isEqualTo(2_000);
        // the patient by a fragment of the name, by the masked number's visible digits, by id; across departments
        String byName = "/api/admin/finance/consumption?patient=" + urlEncode(h.name().substring(1));
        assertThat(expect(finance.get(byName + "&departmentId=" + h.department()), 200).body().path("total").asLong())
                .isEqualTo(3);
        assertThat(total(finance, "/api/admin/finance/consumption?patient=" + h.patient().patientId())).isEqualTo(4);
        String masked = registration.path("idNumberMasked").asText();
        assertThat(total(finance, dept + "&patient=" + masked.substring(masked.length() - 4))).isEqualTo(3);
        assertThat(total(finance, dept + "&patient=" + urlEncode("无此人"))).isZero();
        assertThat(total(finance, dept + "&patient=" + urlEncode("%"))).isZero();

        // keyset pages of one, by net descending, then by department; totals alike on every page
        List<Long> nets = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = expect(finance.get(dept + "&sort=net&size=1" + (cursor == null ? "" : "&cursor=" + cursor)),
                    200).body();
            assertThat(page.path("items")).hasSize(1);
            assertThat(page.path("total").asLong()).isEqualTo(3);
            assertThat(page.path("sums").path("netSumFen").asLong()).isEqualTo(4_350);
            nets.add(page.path("items").get(0).path("netFen").asLong());
            cursor = page.path("nextCursor").asText(null);
            pages++;
        } while (cursor != null && pages < 5);
        assertThat(nets).containsExactly(2_500L, 1_850L, 0L);
        assertThat(pages).isEqualTo(3);
        JsonNode firstByNet = expect(finance.get(dept + "&sort=net&size=1"), 200).body();
        Api.Response otherOrder = finance.get(dept + "&sort=amount&size=1&cursor=" + firstByNet.path("nextCursor").asText());
        assertThat(otherOrder.status()).isEqualTo(400);
        assertThat(otherOrder.code()).isEqualTo("INVALID_CURSOR");
        for (String sort : List.of("paidAt", "amount", "refunded", "department", "doctor", "patient", "channel")) {
            assertThat(finance.getText(dept + "&sort=" + sort + "&direction=asc").status()).as(sort).isEqualTo(200);
        }
        List<Long> amountsDesc = new ArrayList<>();
        expect(finance.get(dept + "&sort=amount"), 200).body().path("items")
                .forEach(r -> amountsDesc.add(r.path("amountFen").asLong()));
        assertThat(amountsDesc).containsExactly(3_700L, 3_000L, 2_500L);
        List<String> byPatient = new ArrayList<>();
        expect(finance.get("/api/admin/finance/consumption?patient=" + h.patient().patientId() + "&sort=department"
                + "&direction=asc&size=2"), 200).body().path("items").forEach(r -> byPatient.add(r.path("departmentId").asText()));
        assertThat(byPatient).hasSize(2);
    }

    // --- exports -------------------------------------------------------------------------------------

    @Test
    void exports_holdTheFilteredRowsAndATotalsRow_csvWithABom_xlsxThatPoiOpens() throws IOException {
        History h = history();
        String filter = "departmentId=" + h.department() + "&sort=amount&direction=asc";
        JsonNode list = expect(finance.get("/api/admin/finance/consumption?" + filter), 200).body();

        byte[] csv = download(finance, "/api/admin/finance/consumption/export?format=csv&" + filter, "text/csv");
        assertThat(csv[0] & 0xff).isEqualTo(0xEF);
        assertThat(csv[1] & 0xff).isEqualTo(0xBB);
        assertThat(csv[2] & 0xff).isEqualTo(0xBF);
        String[] lines = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines).hasSize(1 + 3 + 1);
        assertThat(lines[0]).startsWith("患者,证件号,科室,医生,项目,支付方式,金额（元）,已退（元）,净额（元）");
        assertThat(lines[1]).contains(h.name()).contains("血常规").contains("门诊余额").contains(",25.00,0.00,25.00,");
        assertThat(lines[2]).contains("挂号费").contains(",30.00,30.00,0.00,");
        BigDecimal amounts = BigDecimal.ZERO;
        BigDecimal nets = BigDecimal.ZERO;
        for (int i = 1; i <= 3; i++) {
            String[] fields = lines[i].split(",", -1);
            amounts = amounts.add(new BigDecimal(fields[6]));
            nets = nets.add(new BigDecimal(fields[8]));
        }
        assertThat(amounts).isEqualByComparingTo(ReportsMoney.yuan(list.path("sums").path("amountSumFen").asLong()));
        assertThat(nets).isEqualByComparingTo(ReportsMoney.yuan(list.path("sums").path("netSumFen").asLong()));
        String[] totals = lines[4].split(",", -1);
        assertThat(totals[0]).isEqualTo("合计 3 条");
        assertThat(totals[6] + " " + totals[7] + " " + totals[8]).isEqualTo("92.00 48.50 43.50");

        byte[] xlsx = download(auditor, "/api/admin/finance/consumption/export?format=xlsx&" + filter,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(4);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("患者");
            List<String> items = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                Row row = sheet.getRow(i);
                items.add(row.getCell(4).getStringCellValue() + " " + money(row, 6) + " " + money(row, 7) + " "
                        + money(row, 8));
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo(h.name());
                assertThat(row.getCell(10).getStringCellValue()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
            }
            assertThat(items).containsExactly("血常规 25.00 0.00 25.00", "挂号费 30.00 30.00 0.00",
                    "阿莫西林胶囊 37.00 18.50 18.50");
            Row last = sheet.getRow(4);
            assertThat(last.getCell(0).getStringCellValue()).isEqualTo("合计 3 条");
            assertThat(money(last, 6) + " " + money(last, 7) + " " + money(last, 8)).isEqualTo("92.00 48.50 43.50");
        }

        // a filter that selects nothing: the header and a totals row of zeros
        String[] empty = new String(download(finance, "/api/admin/finance/consumption/export?format=csv&departmentId="
                + h.department() + "&channel=WECHAT", "text/csv"), StandardCharsets.UTF_8).split("\r\n");
        assertThat(empty).hasSize(2);
        assertThat(empty[1]).startsWith("合计 0 条").contains("0.00");
    }

    /** A set larger than the threshold is made by a job: 202, progress, then a presigned link to the file. */
    @Test
    void aLargeExport_runsAsAJob_onlyItsRequesterSeesIt_andItsFileHoldsTheRowsAndTotals() throws IOException {
        History h = history();
        String filter = "departmentId=" + h.department() + "&sort=amount&direction=asc";
        JsonNode list = expect(finance.get("/api/admin/finance/consumption?" + filter), 200).body();
        Api otherFinance = admin.newStaff("FINANCE", null);
        long threshold = exports.syncMaxRows();
        exports.syncMaxRows(2);
        // paused, so the job is still queued while the request is repeated and others ask for it
        scheduler.pause();
        String xlsxJob;
        String csvJob;
        try {
            Api.Response accepted = expect(finance.get("/api/admin/finance/consumption/export?format=xlsx&" + filter), 202);
            xlsxJob = accepted.text("exportId");
            assertThat(accepted.headers().firstValue("Location")).hasValue("/api/admin/finance/exports/" + xlsxJob);
            assertThat(accepted.text("state")).isEqualTo("QUEUED");
            assertThat(accepted.text("fileName")).isEqualTo("门诊消费记录.xlsx");
            // the same request again while it is queued: the same job, not a second
            assertThat(expect(finance.get("/api/admin/finance/consumption/export?format=xlsx&" + filter), 202)
                    .text("exportId")).isEqualTo(xlsxJob);
            csvJob = expect(finance.get("/api/admin/finance/consumption/export?format=csv&" + filter), 202)
                    .text("exportId");
            assertThat(csvJob).isNotEqualTo(xlsxJob);

            Api.Response stranger = otherFinance.get("/api/admin/finance/exports/" + xlsxJob);
            assertThat(stranger.status()).isEqualTo(404);
            assertThat(stranger.code()).isEqualTo("EXPORT_NOT_FOUND");
            assertThat(auditor.get("/api/admin/finance/exports/" + xlsxJob).status()).isEqualTo(404);
            assertThat(expect(admin.get("/api/admin/finance/exports/" + xlsxJob), 200).text("state")).isEqualTo("QUEUED");
            assertThat(finance.get("/api/admin/finance/exports/EX0000000000000000000000").code())
                    .isEqualTo("EXPORT_NOT_FOUND");
            assertThat(finance.get("/api/admin/finance/exports/" + urlEncode("a b")).status()).isEqualTo(400);
        } finally {
            exports.syncMaxRows(threshold);
            scheduler.resume();
        }
        scheduler.triggerCheckForDueExecutions();

        JsonNode done = awaitRead(finance, "/api/admin/finance/exports/" + xlsxJob,
                job -> job.path("state").asText().equals("DONE"));
        assertThat(done.path("rowsDone").asLong()).isEqualTo(3);
        assertThat(done.path("rowsTotal").asLong()).isEqualTo(3);
        assertThat(done.path("downloadUrl").asText()).startsWith("http");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(fetch(done.path("downloadUrl").asText())))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(4);
            List<String> items = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                Row row = sheet.getRow(i);
                items.add(row.getCell(4).getStringCellValue() + " " + money(row, 6) + " " + money(row, 7) + " "
                        + money(row, 8));
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo(h.name());
            }
            assertThat(items).containsExactly("血常规 25.00 0.00 25.00", "挂号费 30.00 30.00 0.00",
                    "阿莫西林胶囊 37.00 18.50 18.50");
            Row last = sheet.getRow(4);
            assertThat(last.getCell(0).getStringCellValue()).isEqualTo("合计 3 条");
            assertThat(money(last, 6) + " " + money(last, 7) + " " + money(last, 8)).isEqualTo("92.00 48.50 43.50");
        }

        JsonNode csvDone = awaitRead(finance, "/api/admin/finance/exports/" + csvJob,
                job -> job.path("state").asText().equals("DONE"));
        byte[] csv = fetch(csvDone.path("downloadUrl").asText());
        assertThat(csv[0] & 0xff).isEqualTo(0xEF);
        String[] lines = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines).hasSize(1 + 3 + 1);
        BigDecimal amounts = BigDecimal.ZERO;
        BigDecimal refunded = BigDecimal.ZERO;
        BigDecimal nets = BigDecimal.ZERO;
        for (int i = 1; i <= 3; i++) {
            String[] fields = lines[i].split(",", -1);
            amounts = amounts.add(new BigDecimal(fields[6]));
            refunded = refunded.add(new BigDecimal(fields[7]));
            nets = nets.add(new BigDecimal(fields[8]));
        }
        assertThat(amounts).isEqualByComparingTo(ReportsMoney.yuan(list.path("sums").path("amountSumFen").asLong()));
        assertThat(refunded).isEqualByComparingTo(ReportsMoney.yuan(list.path("sums").path("refundedSumFen").asLong()));
        assertThat(nets).isEqualByComparingTo(ReportsMoney.yuan(list.path("sums").path("netSumFen").asLong()));
        assertThat(lines[4]).startsWith("合计 3 条,").contains(",92.00,48.50,43.50,");

        assertThat(otherFinance.get("/api/admin/finance/exports/" + csvJob).status()).isEqualTo(404);
        // under the threshold again, the same export is answered at once
        assertThat(finance.getText("/api/admin/finance/consumption/export?format=csv&" + filter).status())
                .isEqualTo(200);
    }

    /** A presigned link, fetched as a browser would: no token, straight from storage. */
    static byte[] fetch(String url) {
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String money(Row row, int cell) {
        return BigDecimal.valueOf(row.getCell(cell).getNumericCellValue()).setScale(2, java.math.RoundingMode.HALF_UP)
                .toPlainString();
    }

    /** Money in the exports: yuan from fen, exact. */
    static final class ReportsMoney {
        static BigDecimal yuan(long fen) {
            return BigDecimal.valueOf(fen, 2);
        }
    }

    byte[] download(Api reader, String path, String contentType) {
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Bearer " + reader.token())
                    .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith(contentType);
            assertThat(response.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
            return response.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String urlEncode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    // --- 门诊 / 住院充值记录 and 退款记录 ---------------------------------------------------------------

    @Test
    void topUpAndRefundReports_byKindChannelAndReason_withTotalsAndExports() throws IOException {
        History h = history();
        Api.Patient patient = namedPatient("王充值");
        String receipt = Api.unique("rcpt");
        expect(finance.post("/api/admin/accounts/" + patient.patientId() + "/OUTPATIENT/counter-top-ups",
                "{\"amountFen\":5000,\"receiptNo\":\"" + receipt + "\"}"), 200);
        String outpatientOrder = weChatTopUp(patient, "OUTPATIENT", 8_000);
        weChatTopUp(patient, "INPATIENT", 20_000);
        await().atMost(Duration.ofSeconds(40)).until(() -> patient.api().outpatientBalanceFen(patient.patientId()) == 13_000);
        Api.Response withdrawn = expect(patient.api().post("/api/me/accounts/OUTPATIENT/withdrawals",
                "{\"patientId\":\"" + patient.patientId() + "\",\"amountFen\":3000}"), 200);
        String withdrawalRefund = withdrawn.body().path("refunds").get(0).path("outRefundNo").asText();
        await().atMost(Duration.ofSeconds(40)).until(() -> new Api(port).post("/sandbox/wechatpay/simulate/refund",
                "{\"outRefundNo\":\"" + withdrawalRefund + "\",\"outcome\":\"SUCCESS\"}").status() == 200);

        // 门诊充值记录: the counter top-up and the WeChat one, of which the withdrawal took 3,000
        String outpatient = "/api/admin/finance/top-ups?kind=OUTPATIENT&patient=" + patient.patientId();
        JsonNode topUps = awaitRead(finance, outpatient + "&sort=amount&direction=asc",
                r -> r.path("total").asLong() == 2 && r.path("sums").path("refundedSumFen").asLong() == 3_000);
        assertThat(topUps.path("sums").path("amountSumFen").asLong()).isEqualTo(13_000);
        assertThat(topUps.path("sums").path("netSumFen").asLong()).isEqualTo(10_000);
        JsonNode counter = topUps.path("items").get(0);
        assertThat(counter.path("channel").asText()).isEqualTo("COUNTER");
        assertThat(counter.path("receiptNo").asText()).isEqualTo(receipt);
        assertThat(counter.path("operator").asText()).isNotBlank();
        assertThat(counter.path("status").asText()).isEqualTo("PAID");
        assertThat(counter.path("patientName").asText()).isEqualTo("王充值");
        JsonNode weChat = topUps.path("items").get(1);
        assertThat(weChat.path("outTradeNo").asText()).isEqualTo(outpatientOrder);
        assertThat(weChat.path("refundedFen").asLong()).isEqualTo(3_000);
        assertThat(weChat.path("netFen").asLong()).isEqualTo(5_000);
        assertThat(weChat.path("status").asText()).isEqualTo("PARTLY_REFUNDED");
        assertThat(weChat.path("creditedAt").asText()).endsWith("+08:00");
        // 住院充值记录, and the filters
        JsonNode inpatient = awaitRead(auditor, "/api/admin/finance/top-ups?kind=INPATIENT&patient="
                + patient.patientId(), r -> r.path("total").asLong() == 1);
        assertThat(inpatient.path("sums").path("amountSumFen").asLong()).isEqualTo(20_000);
        assertThat(total(finance, "/api/admin/finance/top-ups?patient=" + patient.patientId())).isEqualTo(3);
        assertThat(total(finance, outpatient + "&channel=COUNTER")).isEqualTo(1);
        assertThat(total(finance, outpatient + "&status=PARTLY_REFUNDED")).isEqualTo(1);
        LocalDate today = LocalDate.parse(weChat.path("businessDate").asText());
        assertThat(total(finance, outpatient + "&from=" + today + "&to=" + today)).isEqualTo(2);
        assertThat(total(finance, outpatient + "&from=" + today.plusDays(1))).isZero();
        JsonNode firstPage = expect(finance.get(outpatient + "&sort=amount&direction=asc&size=1"), 200).body();
        JsonNode secondPage = expect(finance.get(outpatient + "&sort=amount&direction=asc&size=1&cursor="
                + firstPage.path("nextCursor").asText()), 200).body();
        assertThat(firstPage.path("items").get(0).path("amountFen").asLong()).isEqualTo(5_000);
        assertThat(secondPage.path("items").get(0).path("amountFen").asLong()).isEqualTo(8_000);
        assertThat(secondPage.path("nextCursor").isNull()).isTrue();
        String[] csv = new String(download(finance, "/api/admin/finance/top-ups/export?format=csv&kind=OUTPATIENT&patient="
                + patient.patientId(), "text/csv"), StandardCharsets.UTF_8).split("\r\n");
        assertThat(csv).hasSize(1 + 2 + 1);
        assertThat(csv[3]).startsWith("合计 2 条").contains(",130.00,30.00,100.00,");

        // 退款记录: the withdrawal's WeChat refund, with WeChat Pay's refund id and where the money went
        JsonNode withdrawal = awaitRead(finance, "/api/admin/finance/refunds?patient=" + patient.patientId(),
                r -> r.path("total").asLong() == 1 && r.path("items").get(0).path("status").asText().equals("SUCCEEDED"));
        JsonNode refund = withdrawal.path("items").get(0);
        assertThat(refund.path("outRefundNo").asText()).isEqualTo(withdrawalRefund);
        assertThat(refund.path("reasonCode").asText()).isEqualTo("WITHDRAWAL");
        assertThat(refund.path("reason").asText()).isNotBlank();
        assertThat(refund.path("purpose").asText()).isEqualTo("TOPUP");
        assertThat(refund.path("channel").asText()).isEqualTo("WECHAT");
        assertThat(refund.path("weChatRefundId").asText()).isNotBlank();
        assertThat(refund.path("receivedBy").asText()).isNotBlank();
        assertThat(withdrawal.path("sums").path("succeededSumFen").asLong()).isEqualTo(3_000);
        // the cancellation's refund and the bill line's, each with what and why
        String mine = "/api/admin/finance/refunds?patient=" + h.patient().patientId();
        JsonNode two = awaitRead(auditor, mine + "&sort=amount&direction=asc",
                r -> r.path("sums").path("succeededSumFen").asLong() == 4_850);
        assertThat(two.path("total").asLong()).isEqualTo(2);
        assertThat(two.path("items").get(0).path("itemName").asText()).isEqualTo("阿莫西林胶囊");
        assertThat(two.path("items").get(0).path("reasonCode").asText()).isEqualTo("STAFF_REFUND");
        assertThat(two.path("items").get(0).path("reasonNote").asText()).isEqualTo("退药");
        assertThat(two.path("items").get(0).path("purpose").asText()).isEqualTo("BILL");
        assertThat(two.path("items").get(1).path("reasonCode").asText()).isEqualTo("APPOINTMENT_CANCELLED");
        assertThat(two.path("items").get(1).path("outTradeNo").asText()).isEqualTo(h.balanceOrder());
        assertThat(two.path("items").get(1).path("balanceAfterFen").isNumber()).isTrue();
        assertThat(total(finance, mine + "&reason=STAFF_REFUND")).isEqualTo(1);
        assertThat(total(finance, mine + "&purpose=REGISTRATION&status=SUCCEEDED&channel=BALANCE")).isEqualTo(1);
        assertThat(total(finance, mine + "&status=FAILED")).isZero();
        byte[] xlsx = download(finance, "/api/admin/finance/refunds/export?" + mine.substring(mine.indexOf('?') + 1)
                + "&sort=amount&direction=asc", ReportExportType.XLSX);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("阿莫西林胶囊");
            assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).isEqualTo("挂号费");
            assertThat(money(sheet.getRow(1), 5) + " " + money(sheet.getRow(2), 5)).isEqualTo("18.50 30.00");
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("合计 2 条");
            assertThat(money(sheet.getRow(3), 5)).isEqualTo("48.50");
        }
        for (String bad : List.of("/api/admin/finance/refunds?reason=BORED", "/api/admin/finance/refunds?status=DONE",
                "/api/admin/finance/top-ups?kind=SAVINGS", "/api/admin/finance/top-ups?sort=receipt")) {
            assertThat(finance.get(bad).status()).as(bad).isEqualTo(400);
        }
    }

    static final class ReportExportType {
        static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    }

    /** A top-up the patient paid with WeChat Pay (through the sandbox); answers its order. */
    String weChatTopUp(Api.Patient patient, String kind, long amountFen) {
        String order = expect(patient.api().post("/api/me/top-ups", "{\"patientId\":\"" + patient.patientId()
                + "\",\"kind\":\"" + kind + "\",\"amountFen\":" + amountFen + "}"), 200).text("outTradeNo");
        expect(new Api(port).post("/sandbox/wechatpay/simulate/pay", "{\"outTradeNo\":\"" + order + "\"}"), 200);
        return order;
    }

    // --- daily summaries ----------------------------------------------------------------------------

    @Test
    void dailySummaries_equalTheSumOfTheDetailRows() throws IOException {
        History h = history();
        String day = "from=" + h.paidOn() + "&to=" + h.paidOn();
        JsonNode mine = expect(finance.get("/api/admin/finance/daily-summaries?" + day + "&departmentId="
                + h.department()), 200).body();
        List<String> rows = new ArrayList<>();
        mine.path("items").forEach(r -> rows.add(r.path("channel").asText() + " " + r.path("purpose").asText() + " "
                + r.path("count").asLong() + " " + r.path("grossFen").asLong() + " " + r.path("refundedFen").asLong()
                + " " + r.path("netFen").asLong()));
        assertThat(rows).containsExactly("BALANCE BILL 2 6200 1850 4350", "BALANCE REGISTRATION 1 3000 3000 0");
        assertThat(mine.path("items").get(0).path("departmentName").asText()).isEqualTo("测试科");
        assertThat(mine.path("sums").path("netSumFen").asLong()).isEqualTo(4_350);
        // each summary row is the sum of the detail rows it stands for
        for (JsonNode summary : mine.path("items")) {
            JsonNode detail = expect(finance.get("/api/admin/finance/consumption?" + day + "&departmentId="
                    + h.department() + "&channel=" + summary.path("channel").asText() + "&purpose="
                    + summary.path("purpose").asText()), 200).body();
            assertThat(detail.path("total").asLong()).isEqualTo(summary.path("count").asLong());
            assertThat(detail.path("sums").path("amountSumFen").asLong()).isEqualTo(summary.path("grossFen").asLong());
            assertThat(detail.path("sums").path("refundedSumFen").asLong()).isEqualTo(summary.path("refundedFen").asLong());
            assertThat(detail.path("sums").path("netSumFen").asLong()).isEqualTo(summary.path("netFen").asLong());
        }
        // and the whole day's summaries, every department's, the whole day's detail (other tests' too)
        await().atMost(Duration.ofSeconds(40)).until(() -> {
            JsonNode summaries = expect(finance.get("/api/admin/finance/daily-summaries?" + day + "&size=200"), 200).body();
            JsonNode detail = expect(finance.get("/api/admin/finance/consumption?" + day + "&size=1"), 200).body();
            return summaries.path("sums").path("recordCount").asLong() == detail.path("total").asLong()
                    && summaries.path("sums").path("grossSumFen").asLong() == detail.path("sums").path("amountSumFen").asLong()
                    && summaries.path("sums").path("refundedSumFen").asLong() == detail.path("sums").path("refundedSumFen").asLong()
                    && summaries.path("sums").path("netSumFen").asLong() == detail.path("sums").path("netSumFen").asLong();
        });

        String[] csv = new String(download(auditor, "/api/admin/finance/daily-summaries/export?format=csv&" + day
                + "&departmentId=" + h.department(), "text/csv"), StandardCharsets.UTF_8).split("\r\n");
        assertThat(csv).hasSize(1 + 2 + 1);
        assertThat(csv[3]).startsWith("合计 2 条").endsWith(",92.00,48.50,43.50");
        assertThat(finance.get("/api/admin/finance/daily-summaries?from=" + h.paidOn()).status()).isEqualTo(400);
        assertThat(finance.get("/api/admin/finance/daily-summaries?from=2025-01-01&to=2026-12-31").code())
                .isEqualTo("VALIDATION_FAILED");
    }

    // --- dashboard and operating figures ---------------------------------------------------------------

    /** Cached in Redis under the version of the dates read: after the projection applied a change, the next read shows it. */
    @Test
    void dailySummaries_areServedFromRedis_andNeverStaleOnceTheProjectionAppliedAChange() {
        History h = history();
        String path = "/api/admin/finance/daily-summaries?from=" + h.paidOn() + "&to=" + h.paidOn().plusDays(1)
                + "&departmentId=" + h.department();
        JsonNode before = expect(finance.get(path), 200).body().path("sums");
        assertThat(before.path("recordCount").asLong()).isEqualTo(3);
        assertThat(redis.keys(cachePrefix + CachedFinanceReports.DAILY_SUMMARIES + "::*")).isNotEmpty();

        AtomicInteger asked = new AtomicInteger();
        Registration counting = queries.registerDispatchInterceptor(messages -> (i, query) -> {
            if (query.getPayload() instanceof FindDailySummaries) {
                asked.incrementAndGet();
            }
            return query;
        });
        try {
            assertThat(expect(auditor.get(path), 200).body().path("sums")).isEqualTo(before);
            assertThat(asked).hasValue(0);

            // a registration fee paid in the department: once finance-view applied it, the very next read has it
            LocalDate visit = LocalDate.now(com.yihuiliao.api.Clocks.HOSPITAL_ZONE).plusDays(3);
            String appointment = expect(h.patient().book(admin.schedule(h.doctor(), visit, "MORNING", 5)), 201)
                    .text("appointmentId");
            expect(h.patient().payWithBalance(appointment), 200);
            Processors.awaitAtHead(processing, eventStore, "finance-view");
            JsonNode paid = expect(finance.get(path), 200).body().path("sums");
            assertThat(asked).hasValue(1);
            assertThat(paid.path("recordCount").asLong()).isEqualTo(4);
            assertThat(paid.path("grossSumFen").asLong()).isEqualTo(before.path("grossSumFen").asLong() + 3_000);

            // and its refund, once applied
            expect(h.patient().api().post("/api/appointments/" + appointment + "/cancel",
                    "{\"patientId\":\"" + h.patient().patientId() + "\"}"), 200);
            awaitRead(finance, "/api/admin/finance/consumption?departmentId=" + h.department(),
                    r -> r.path("sums").path("refundedSumFen").asLong() == 4_850 + 3_000);
            Processors.awaitAtHead(processing, eventStore, "finance-view");
            JsonNode refunded = expect(finance.get(path), 200).body().path("sums");
            assertThat(refunded.path("refundedSumFen").asLong())
                    .isEqualTo(before.path("refundedSumFen").asLong() + 3_000);
            assertThat(refunded.path("netSumFen").asLong()).isEqualTo(before.path("netSumFen").asLong());
        } finally {
            counting.cancel();
        }
    }

    @Test
    void dashboardAndOperatingFigures() {
        History h = history();
        LocalDate visit = LocalDate.now(com.yihuiliao.api.Clocks.HOSPITAL_ZONE).plusDays(2);

        // the visit day's slot fill: the cancelled appointment gave its slot back; the other department has 1 of 5
        List<String> fill = new ArrayList<>();
        await().atMost(Duration.ofSeconds(40)).until(() -> {
            fill.clear();
            expect(finance.get("/api/admin/finance/dashboard?date=" + visit), 200).body().path("slotFill").forEach(f -> {
                if (f.path("departmentId").asText().equals(h.department())
                        || f.path("departmentId").asText().equals(h.otherDepartment())) {
                    fill.add((f.path("departmentId").asText().equals(h.department()) ? "mine" : "other") + " "
                            + f.path("slots").asLong() + " " + f.path("taken").asLong() + " "
                            + f.path("fillPercent").decimalValue().toPlainString());
                }
            });
            return fill.contains("mine 5 0 0.0");
        });
        assertThat(fill).containsExactlyInAnyOrder("mine 5 0 0.0", "other 5 1 20.0");

        // today: what was booked and paid today, the revenue equal to the day's summaries
        await().atMost(Duration.ofSeconds(40)).until(() -> {
            JsonNode today = expect(finance.get("/api/admin/finance/dashboard"), 200).body();
            JsonNode summaries = expect(finance.get("/api/admin/finance/daily-summaries?from=" + h.paidOn() + "&to="
                    + h.paidOn()), 200).body();
            return today.path("businessDate").asText().equals(h.paidOn().toString())
                    && today.path("booked").asLong() >= 2 && today.path("cancelled").asLong() >= 1
                    && today.path("confirmed").asLong() >= 2 && today.path("refundsFen").asLong() >= 4_850
                    && today.path("revenueFen").asLong() == summaries.path("sums").path("grossSumFen").asLong();
        });

        JsonNode mine = awaitRead(auditor, "/api/admin/finance/operating-figures?from=" + visit + "&to=" + visit
                + "&departmentId=" + h.department(), r -> r.path("items").path(0).path("cancelled").asLong() == 1);
        assertThat(mine.path("items")).hasSize(1);
        JsonNode figure = mine.path("items").get(0);
        assertThat(figure.path("doctorId").asText()).isEqualTo(h.doctor());
        assertThat(figure.path("doctorName").asText()).isEqualTo("测试医生");
        assertThat(figure.path("slots").asLong()).isEqualTo(5);
        assertThat(figure.path("taken").asLong()).isZero();
        assertThat(figure.path("utilisationPercent").decimalValue()).isEqualByComparingTo("0");
        assertThat(figure.path("appointments").asLong()).isEqualTo(1);
        assertThat(figure.path("cancelled").asLong()).isEqualTo(1);
        assertThat(figure.path("leadTimeDays").decimalValue()).isEqualByComparingTo("2.0");
        assertThat(figure.path("noShowPercent").isNull()).isTrue();
        JsonNode other = expect(auditor.get("/api/admin/finance/operating-figures?from=" + visit + "&to=" + visit
                + "&departmentId=" + h.otherDepartment()), 200).body().path("items").get(0);
        assertThat(other.path("utilisationPercent").decimalValue()).isEqualByComparingTo("20.0");
        assertThat(other.path("appointments").asLong()).isEqualTo(1);
        assertThat(finance.get("/api/admin/finance/operating-figures?from=" + visit).status()).isEqualTo(400);
        assertThat(finance.get("/api/admin/finance/dashboard?date=tomorrow").status()).isEqualTo(400);
    }

    /**
     * 爽约率: of one doctor's free appointments on the visit day, two check in, one is marked missed (the command the
     * sweep sends, sent to this appointment alone: the sweep itself would mark every other test's too), one stays
     * confirmed (outcome not known yet) and one is cancelled; only the known outcomes count.
     */
    @Test
    void operatingFigures_noShowPercent_isMissedOverCheckedInAndMissed() {
        String department = admin.department();
        String doctor = admin.doctor(department, 0);
        LocalDate visit = QueueIT.visitDay();
        String schedule = admin.schedule(doctor, visit, "MORNING", 10);
        List<Api.Patient> patients = new ArrayList<>();
        List<String> appointments = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Api.Patient patient = new Api(port).patient();
            patients.add(patient);
            appointments.add(expect(patient.book(schedule), 201).text("appointmentId")); // free: confirmed at once
        }
        String path = "/api/admin/finance/operating-figures?from=" + visit + "&to=" + visit + "&departmentId=" + department;
        JsonNode before = awaitRead(finance, path, r -> r.path("items").path(0).path("appointments").asLong() == 5)
                .path("items").get(0);
        assertThat(before.path("checkedIn").asLong()).isZero();
        assertThat(before.path("missed").asLong()).isZero();
        assertThat(before.path("noShowPercent").isNull()).isTrue(); // no outcome known: no rate, not 0

        QueueIT.atNineOnVisitDay(() -> {
            expect(QueueIT.checkIn(patients.get(0), appointments.get(0)), 200);
            expect(QueueIT.checkIn(patients.get(1), appointments.get(1)), 200);
            return null;
        });
        assertThat(commands.<Boolean>sendAndWait(new MarkAppointmentMissed(appointments.get(2)))).isTrue();
        expect(patients.get(4).api().post("/api/appointments/" + appointments.get(4) + "/cancel",
                "{\"patientId\":\"" + patients.get(4).patientId() + "\"}"), 200);

        JsonNode figure = awaitRead(auditor, path, r -> r.path("items").path(0).path("missed").asLong() == 1
                && r.path("items").path(0).path("checkedIn").asLong() == 2
                && r.path("items").path(0).path("cancelled").asLong() == 1).path("items").get(0);
        assertThat(figure.path("doctorId").asText()).isEqualTo(doctor);
        assertThat(figure.path("appointments").asLong()).isEqualTo(5);
        assertThat(figure.path("noShowPercent").decimalValue()).isEqualByComparingTo("33.3"); // 1 ÷ (2 + 1)
    }

    /**
     * 体检费: a paid exam booking is one consumption row (purpose EXAM, no department or doctor), its refund in the
     * refunded column once the booking is cancelled. (An inpatient settlement is never a row: it is charged against
     * the deposit, no payment; only its shortfall, a normal bill, is, as that bill's lines once paid.)
     */
    @Test
    void consumptionRecords_holdAPaidExamFee_andItsRefund() {
        Api.Patient patient = namedPatient("蒋体检");
        expect(finance.counterTopUp(patient.patientId(), 30_000), 200);
        LocalDate day = LocalDate.now(com.yihuiliao.api.Clocks.HOSPITAL_ZONE).plusDays(4);
        String packageId = Api.unique("pkg");
        expect(admin.put("/api/admin/exam-packages/" + packageId,
                ExamIT.packageJson("入职体检", 19_900, null, 0, 150, true)), 200);
        expect(admin.put("/api/admin/exam-packages/" + packageId + "/days/" + day, "{\"capacity\":2}"), 200);
        String bookingId = ExamPaymentIT.booked(patient, packageId, day);
        String outTradeNo = expect(ExamPaymentIT.pay(patient, bookingId, "balance"), 200).text("outTradeNo");

        String path = "/api/admin/finance/consumption?purpose=EXAM&patient=" + patient.patientId();
        JsonNode paid = awaitRead(finance, path, r -> r.path("total").asLong() == 1);
        JsonNode row = paid.path("items").get(0);
        assertThat(row.path("outTradeNo").asText()).isEqualTo(outTradeNo);
        assertThat(row.path("purpose").asText()).isEqualTo("EXAM");
        assertThat(row.path("referenceId").asText()).isEqualTo(bookingId);
        assertThat(row.path("itemName").asText()).isEqualTo("Physical exam fee"); // the API client asks in English
        assertThat(row.path("channel").asText()).isEqualTo("BALANCE");
        assertThat(row.path("amountFen").asLong()).isEqualTo(19_900);
        assertThat(row.path("refundedFen").asLong()).isZero();
        assertThat(row.path("patientName").asText()).isEqualTo("蒋体检");

        expect(ExamPaymentIT.cancel(patient, bookingId), 200);
        JsonNode refunded = awaitRead(auditor, path, r -> r.path("sums").path("refundedSumFen").asLong() == 19_900);
        assertThat(refunded.path("total").asLong()).isEqualTo(1); // still one row: the refund is a column of it
        assertThat(refunded.path("items").get(0).path("netFen").asLong()).isZero();
        assertThat(refunded.path("items").get(0).path("status").asText()).isEqualTo("REFUNDED");
        byte[] csv = download(finance, "/api/admin/finance/consumption/export?format=csv&purpose=EXAM&patient="
                + patient.patientId(), "text/csv");
        String[] lines = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines).hasSize(1 + 1 + 1);
        assertThat(lines[1]).contains("蒋体检").contains("体检费").contains(",199.00,199.00,0.00,");
        // every consumption row of this patient is that exam fee: the patient had nothing else
        assertThat(expect(finance.get("/api/admin/finance/consumption?patient=" + patient.patientId()), 200).body()
                .path("total").asLong()).isEqualTo(1);
    }

    // --- who may read, and bad input ---------------------------------------------------------------------

    @Test
    void rolesAndBadFilters() {
        Api.Patient patient = new Api(port).patient();
        String department = admin.department();
        Api scheduler = admin.newStaff("SCHEDULER", null);
        Api doctor = admin.newStaff("DOCTOR", admin.doctor(department, 1_000));
        for (String path : List.of("/api/admin/finance/consumption", "/api/admin/finance/consumption/export?format=csv",
                "/api/admin/finance/top-ups", "/api/admin/finance/refunds/export?format=csv",
                "/api/admin/finance/dashboard", "/api/admin/finance/operating-figures?from=2026-12-01&to=2026-12-31",
                "/api/admin/finance/daily-summaries?from=2026-12-01&to=2026-12-31")) {
            for (Api allowed : List.of(finance, auditor, admin)) {
                assertThat(allowed.getText(path).status()).as(path).isEqualTo(200);
            }
            for (Api refused : List.of(scheduler, doctor, patient.api())) {
                assertThat(refused.get(path).status()).as(path).isEqualTo(403);
            }
            assertThat(new Api(port).get(path).status()).as(path).isEqualTo(401);
        }

        String base = "/api/admin/finance/consumption?";
        for (String bad : List.of("status=PAYED", "channel=CASH", "purpose=LUNCH", "from=2026-12-02&to=2026-12-01",
                "from=12/01/2026", "sort=colour", "direction=up", "size=0", "size=201", "cursor=abc",
                "patient=" + "x".repeat(65), "departmentId=" + urlEncode("a b"))) {
            Api.Response refused = finance.get(base + bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.code()).as(bad).isIn("VALIDATION_FAILED", "INVALID_CURSOR");
        }
        assertThat(finance.get(base + "page=2").code()).isEqualTo("UNKNOWN_PARAMETER");
        Api.Response sortNamed = finance.get(base + "sort=colour");
        assertThat(sortNamed.body().path("detail").asText()).contains("paidAt");
        Api.Response format = finance.get("/api/admin/finance/consumption/export?format=pdf");
        assertThat(format.status()).isEqualTo(400);
        assertThat(format.code()).isEqualTo("VALIDATION_FAILED");
    }
}
