package com.yihuiliao.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.yihuiliao.api.invoice.InvoiceIssued;
import com.yihuiliao.api.payment.PaymentSucceeded;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** E-invoices: a paid appointment's invoice, listed, linked, downloaded from the OSS sandbox over HTTP. */
class InvoiceIT extends IntegrationTest {

    static final long FEE = 3_000;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;

    Api admin;
    Api finance;

    @BeforeEach
    void staff() {
        admin = new Api(port).admin();
        finance = admin.newStaff("FINANCE", null);
    }

    /** A patient with money who books and pays an appointment from the balance; answers the outTradeNo. */
    String paidAppointment(Api.Patient patient) {
        String scheduleId = admin.openSchedule(5, FEE);
        Api.expect(finance.counterTopUp(patient.patientId(), 5_000), 200);
        String appointmentId = Api.expect(patient.book(scheduleId), 201).text("appointmentId");
        return Api.expect(patient.payWithBalance(appointmentId), 200).text("outTradeNo");
    }

    /** Waits until the patient's invoice list shows the payment's invoice, and answers it. */
    JsonNode awaitInvoice(Api.Patient patient, String outTradeNo) {
        String path = "/api/me/invoices?patientId=" + patient.patientId();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Api.Response list = patient.api().get(path);
            return list.status() == 200 && list.items().size() > 0;
        });
        JsonNode invoices = Api.expect(patient.api().get(path), 200).items();
        assertThat(invoices).hasSize(1);
        assertThat(invoices.get(0).path("outTradeNo").asText()).isEqualTo(outTradeNo);
        return invoices.get(0);
    }

    static HttpResponse<byte[]> download(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aBalancePaymentGetsAnInvoiceThePatientDownloadsAsPdf() throws Exception {
        Api.Patient patient = new Api(port).patient();
        String outTradeNo = paidAppointment(patient);

        JsonNode invoice = awaitInvoice(patient, outTradeNo);
        String invoiceNo = invoice.path("invoiceNo").asText();
        assertThat(invoiceNo).matches("^YHL\\d{8}\\d{8}$");
        assertThat(invoice.path("amountFen").asLong()).isEqualTo(FEE);
        assertThat(invoice.path("purpose").asText()).isEqualTo("REGISTRATION");
        assertThat(invoice.path("channel").asText()).isEqualTo("BALANCE");

        Api.Response link = Api.expect(patient.api().get("/api/me/invoices/" + invoiceNo + "/download-link"), 200);
        String url = link.text("url");
        assertThat(url).startsWith("http://127.0.0.1:").contains("/invoices/", invoiceNo + ".pdf?", "Signature=");
        assertThat(Instant.parse(link.text("expiresAt")))
                .isBetween(Instant.now().plusSeconds(540), Instant.now().plusSeconds(601));

        HttpResponse<byte[]> pdf = download(url);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains(invoiceNo, "30.00", "叁拾元整", "张三", "挂号费", outTradeNo);
        }

        // the link is signed: changing what it names is refused by the storage
        HttpResponse<byte[]> tampered = download(url.replace(invoiceNo + ".pdf", invoiceNo + "0.pdf"));
        assertThat(tampered.statusCode()).isEqualTo(403);
        assertThat(new String(tampered.body(), StandardCharsets.UTF_8)).contains("SignatureDoesNotMatch");

        // staff with FINANCE read it in the invoice list; a scheduler may not
        JsonNode staffList = Api.expect(finance.get("/api/admin/invoices?patientId=" + patient.patientId()), 200).items();
        assertThat(staffList).hasSize(1);
        assertThat(staffList.get(0).path("invoiceNo").asText()).isEqualTo(invoiceNo);
        Api auditor = admin.newStaff("AUDITOR", null);
        Api.expect(auditor.get("/api/admin/invoices?from=2026-01-01&to=2099-12-31"), 200);
        Api.expect(admin.newStaff("SCHEDULER", null).get("/api/admin/invoices"), 403);
        Api.expect(auditor.get("/api/admin/invoices?from=2026-02-01&to=2026-01-01"), 400);
    }

    @Test
    void aBillsInvoice_listsItsLines() throws Exception {
        Api.Patient patient = new Api(port).patient();
        Api.expect(finance.counterTopUp(patient.patientId(), 10_000), 200);
        String billId = Api.expect(finance.post("/api/admin/bills", "{\"patientId\":\"" + patient.patientId()
                + "\",\"items\":[{\"code\":\"LAB001\",\"name\":\"血常规\",\"category\":\"LAB\",\"quantity\":1,"
                + "\"unitPriceFen\":2500},{\"code\":\"RX017\",\"name\":\"阿莫西林胶囊\",\"category\":\"PRESCRIPTION\","
                + "\"quantity\":2,\"unitPriceFen\":1850}]}"), 201).text("billId");
        String outTradeNo = Api.expect(patient.api().post("/api/me/bills/" + billId + "/pay-with-balance",
                "{\"patientId\":\"" + patient.patientId() + "\"}"), 200).text("outTradeNo");

        String invoiceNo = awaitInvoice(patient, outTradeNo).path("invoiceNo").asText();
        String url = Api.expect(patient.api().get("/api/me/invoices/" + invoiceNo + "/download-link"), 200).text("url");
        try (PDDocument document = Loader.loadPDF(download(url).body())) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            assertThat(new PDFTextStripper().getText(document)).contains("门诊缴费", "62.00", "陆拾贰元整",
                    "收费明细清单", "血常规", "阿莫西林胶囊", "18.50", "37.00");
        }
    }

    @Test
    void aRefund_getsARedLetterInvoiceAgainstThePaymentsInvoice() throws Exception {
        Api.Patient patient = new Api(port).patient();
        String outTradeNo = paidAppointment(patient);
        String invoiceNo = awaitInvoice(patient, outTradeNo).path("invoiceNo").asText();
        String outRefundNo = Api.expect(finance.post("/api/admin/payments/" + outTradeNo + "/refunds",
                "{\"amountFen\":1000,\"reason\":\"部分退费\"}"), 200).text("outRefundNo");

        String path = "/api/me/invoices?patientId=" + patient.patientId();
        await().atMost(Duration.ofSeconds(30)).until(() -> Api.expect(patient.api().get(path), 200).items().size() == 2);
        JsonNode credit = Api.expect(patient.api().get(path), 200).items().findParents("kind").stream()
                .filter(document -> document.path("kind").asText().equals("CREDIT_NOTE")).findFirst().orElseThrow();
        assertThat(credit.path("originalInvoiceNo").asText()).isEqualTo(invoiceNo);
        assertThat(credit.path("outRefundNo").asText()).isEqualTo(outRefundNo);
        assertThat(credit.path("outTradeNo").asText()).isEqualTo(outTradeNo);
        assertThat(credit.path("amountFen").asLong()).isEqualTo(1_000);
        String creditNo = credit.path("invoiceNo").asText();
        assertThat(creditNo).matches("^YHL\\d{16}$").isNotEqualTo(invoiceNo);

        String url = Api.expect(patient.api().get("/api/me/invoices/" + creditNo + "/download-link"), 200).text("url");
        try (PDDocument document = Loader.loadPDF(download(url).body())) {
            assertThat(new PDFTextStripper().getText(document)).contains("（红字）", creditNo, invoiceNo, outRefundNo,
                    "-10.00", "负壹拾元整");
        }
        // an invoice and its credit note were numbered at the same moment: the numbers still have no gaps
        assertThat(jdbc.queryForObject("SELECT MAX(seq) - COUNT(*) FROM invoice_number", Long.class)).isZero();
    }

    @Test
    void anotherAccountsPatientsInvoicesAreNotFound() {
        Api.Patient patient = new Api(port).patient();
        String invoiceNo = awaitInvoice(patient, paidAppointment(patient)).path("invoiceNo").asText();
        Api.Patient stranger = new Api(port).patient();

        Api.Response link = stranger.api().get("/api/me/invoices/" + invoiceNo + "/download-link");
        Api.Response list = stranger.api().get("/api/me/invoices?patientId=" + patient.patientId());
        Api.Response unknown = stranger.api().get("/api/me/invoices/YHL2026010199999999/download-link");

        assertThat(link.status()).isEqualTo(404);
        assertThat(link.code()).isEqualTo("INVOICE_NOT_FOUND");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("INVOICE_NOT_FOUND");
        assertThat(list.status()).isEqualTo(404);
        assertThat(list.code()).isEqualTo("PATIENT_NOT_FOUND");
    }

    @Test
    void aRedeliveredPaymentEventMakesNoSecondInvoice() {
        Api.Patient patient = new Api(port).patient();
        String outTradeNo = paidAppointment(patient);
        String invoiceNo = awaitInvoice(patient, outTradeNo).path("invoiceNo").asText();

        // the same PaymentSucceeded once more, with its original time, as a redelivery would bring it
        DomainEventMessage<?> original = eventStore.readEvents(outTradeNo).asStream()
                .filter(e -> e.getPayload() instanceof PaymentSucceeded).findFirst().orElseThrow();
        eventStore.publish(new GenericEventMessage<>(UUID.randomUUID().toString(), (PaymentSucceeded) original.getPayload(),
                Map.of(), original.getTimestamp()));
        awaitInvoiceProcessAtHead();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type = ?", Long.class, "INV-" + outTradeNo, InvoiceIssued.class.getName())).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM invoice_number WHERE out_trade_no = ?", Long.class,
                outTradeNo)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dead_letter_entry WHERE processing_group = ?", Long.class,
                "invoice-process")).isZero();
        JsonNode invoices = Api.expect(patient.api().get("/api/me/invoices?patientId=" + patient.patientId()), 200)
                .items();
        assertThat(invoices).hasSize(1);
        assertThat(invoices.get(0).path("invoiceNo").asText()).isEqualTo(invoiceNo);
    }

    /** Every segment of the invoice process has handled everything stored so far. */
    void awaitInvoiceProcessAtHead() {
        Processors.awaitAtHead(processing, eventStore, "invoice-process");
    }
}
