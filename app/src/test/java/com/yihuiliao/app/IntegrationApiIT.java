package com.yihuiliao.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.yihuiliao.api.report.ReportRecorded;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The integration API's signature check: only a configured client's fresh, unreplayed signature over exactly
 * this request is accepted; anything else is 401 with its reason and writes nothing.
 */
class IntegrationApiIT extends IntegrationTest {

    static final String PATH = "/api/integration/reports";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    IntegrationSigner lis;
    Api.Patient patient;

    @BeforeEach
    void systems() {
        lis = new IntegrationSigner(port, "lis-test");
        patient = new Api(port).patient();
    }

    static String labReport(String patientId, String externalNo) {
        return "{\"externalNo\":\"" + externalNo + "\",\"patientId\":\"" + patientId + "\",\"type\":\"LAB\","
                + "\"title\":\"血常规\",\"reportedAt\":\"" + Instant.now().minusSeconds(600) + "\",\"items\":["
                + "{\"name\":\"白细胞计数\",\"value\":\"11.2\",\"unit\":\"10^9/L\",\"referenceRange\":\"3.5-9.5\",\"flag\":\"HIGH\"},"
                + "{\"name\":\"血红蛋白\",\"value\":\"135\",\"unit\":\"g/L\",\"referenceRange\":\"130-175\"}],"
                + "\"conclusion\":\"白细胞偏高\",\"release\":true}";
    }

    long reportsRecorded() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE payload_type = ?", Long.class,
                ReportRecorded.class.getName());
    }

    @Test
    void aSignedPushIsRecordedOnceAndTheSameNumberAgainChangesNothing() {
        String body = labReport(patient.patientId(), Api.unique("LIS"));
        long before = reportsRecorded();

        Api.Response first = Api.expect(lis.post(PATH, body), 201);
        Api.Response again = Api.expect(lis.post(PATH, body), 200);

        assertThat(again.text("reportId")).isEqualTo(first.text("reportId"));
        assertThat(again.body().path("repeated").asBoolean()).isTrue();
        assertThat(reportsRecorded()).isEqualTo(before + 1);
    }

    @Test
    void theSameNumberWithOtherContentIsAConflictAndChangesNothing() {
        String externalNo = Api.unique("LIS");
        Api.expect(lis.post(PATH, labReport(patient.patientId(), externalNo)), 201);
        long before = reportsRecorded();

        Api.Response other = lis.post(PATH, labReport(patient.patientId(), externalNo).replace("11.2", "12.0"));

        assertThat(other.status()).isEqualTo(409);
        assertThat(other.code()).isEqualTo("IDEMPOTENCY_CONFLICT");
        assertThat(reportsRecorded()).isEqualTo(before);
    }

    @Test
    void anUnsignedPushIsRefusedAndWritesNothing() {
        long before = reportsRecorded();

        Api.Response unsigned = lis.unsigned("POST", PATH, labReport(patient.patientId(), Api.unique("LIS")));

        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(unsigned.code()).isEqualTo("INTEGRATION_SIGNATURE_INVALID");
        assertThat(reportsRecorded()).isEqualTo(before);
    }

    @Test
    void aForgedSignatureAnUnknownClientAndATamperedBodyAreRefusedAndWriteNothing() {
        String body = labReport(patient.patientId(), Api.unique("LIS"));
        long before = reportsRecorded();

        Api.Response forged = new IntegrationSigner(port, "lis-test", "a-guessed-secret-that-is-32-bytes-long")
                .post(PATH, body);
        Api.Response stranger = new IntegrationSigner(port, "nobody", IntegrationSigner.secretOf("nobody"))
                .post(PATH, body);
        Api.Response tampered = lis.send(lis.sign("POST", PATH, body, Instant.now())
                .withBody(body.replace("11.2", "1.2")));

        for (Api.Response refused : new Api.Response[]{forged, stranger, tampered}) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.code()).isEqualTo("INTEGRATION_SIGNATURE_INVALID");
        }
        assertThat(reportsRecorded()).isEqualTo(before);
    }

    @Test
    void aReplayedRequestIsRefusedEvenForANewNumber() {
        IntegrationSigner.Signed signed = lis.sign("POST", PATH, labReport(patient.patientId(), Api.unique("LIS")),
                Instant.now());
        Api.expect(lis.send(signed), 201);
        long before = reportsRecorded();

        Api.Response replayed = lis.send(signed);

        assertThat(replayed.status()).isEqualTo(401);
        assertThat(replayed.code()).isEqualTo("INTEGRATION_REPLAYED");
        assertThat(reportsRecorded()).isEqualTo(before);
    }

    @Test
    void aRequestOutsideTheTimeWindowIsRefused() {
        String body = labReport(patient.patientId(), Api.unique("LIS"));
        long before = reportsRecorded();

        Api.Response stale = lis.send(lis.sign("POST", PATH, body, Instant.now().minusSeconds(6 * 60)));
        Api.Response early = lis.send(lis.sign("POST", PATH, body, Instant.now().plusSeconds(6 * 60)));

        assertThat(stale.status()).isEqualTo(401);
        assertThat(stale.code()).isEqualTo("INTEGRATION_REQUEST_EXPIRED");
        assertThat(early.code()).isEqualTo("INTEGRATION_REQUEST_EXPIRED");
        assertThat(reportsRecorded()).isEqualTo(before);
    }

    @Test
    void aStaffOrPatientTokenDoesNotOpenTheIntegrationApi() {
        Api admin = new Api(port).admin();

        Api.Response asAdmin = admin.post(PATH, labReport(patient.patientId(), Api.unique("LIS")));
        Api.Response asPatient = patient.api().post(PATH, labReport(patient.patientId(), Api.unique("LIS")));

        assertThat(asAdmin.status()).isEqualTo(403);
        assertThat(asPatient.status()).isEqualTo(403);
    }

    @Test
    void aPushForAnUnknownPatientIsRefusedClearly() {
        long before = reportsRecorded();

        Api.Response unknown = lis.post(PATH, labReport("no-such-patient", Api.unique("LIS")));

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("PATIENT_NOT_FOUND");
        assertThat(reportsRecorded()).isEqualTo(before);
    }

    @Test
    void aSystemPushesOnlyItsOwnKindOfReport() {
        Api.Response lisImaging = lis.post(PATH, labReport(patient.patientId(), Api.unique("LIS"))
                .replace("\"LAB\"", "\"IMAGING\""));
        Api.Response hisReport = new IntegrationSigner(port, "his-test").post(PATH,
                labReport(patient.patientId(), Api.unique("HIS")));

        assertThat(lisImaging.status()).isEqualTo(403);
        assertThat(hisReport.status()).isEqualTo(403);
    }

    @Test
    void badInputIsA400AndWritesNothing() {
        long before = reportsRecorded();

        Api.Response noTitle = lis.post(PATH, labReport(patient.patientId(), Api.unique("LIS"))
                .replace("\"title\":\"血常规\",", ""));
        Api.Response badFlag = lis.post(PATH, labReport(patient.patientId(), Api.unique("LIS"))
                .replace("\"HIGH\"", "\"UP\""));
        Api.Response notPdf = lis.post(PATH, labReport(patient.patientId(), Api.unique("LIS"))
                .replace("\"release\":true", "\"pdfBase64\":\"aGVsbG8=\",\"release\":true"));

        assertThat(noTitle.status()).isEqualTo(400);
        assertThat(badFlag.status()).isEqualTo(400);
        assertThat(notPdf.status()).isEqualTo(400);
        assertThat(reportsRecorded()).isEqualTo(before);
    }
}
