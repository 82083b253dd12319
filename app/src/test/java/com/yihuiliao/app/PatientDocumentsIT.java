package com.yihuiliao.app;

import static com.yihuiliao.app.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.yihuiliao.api.patient.PatientRegistered;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Patients with documents other than the mainland resident ID, and newborns under a guardian's document:
 * each accepted by its own rule, masked by its own rule, refused with 400 and nothing written otherwise.
 */
@ExtendWith(OutputCaptureExtension.class)
class PatientDocumentsIT extends IntegrationTest {

    private static final LocalDate TODAY = LocalDate.now(com.yihuiliao.api.Clocks.HOSPITAL_ZONE);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Api.Patient account;

    @BeforeEach
    void login() {
        account = new Api(port).patient();
    }

    static Stream<Arguments> documents() {
        return Stream.of(
                Arguments.of("RESIDENT_ID", "110101199003071233", null, "1101**********1233", "1990-03-07"),
                Arguments.of("PASSPORT", "e12345678", "GBR", "E1****678", null),
                Arguments.of("HK_MACAO_TAIWAN_RESIDENCE_PERMIT", "810000199408230021", null, "8100**********0021", "1994-08-23"),
                Arguments.of("HK_MACAO_TAIWAN_RESIDENCE_PERMIT", "830000199201300022", null, "8300**********0022", "1992-01-30"),
                Arguments.of("HK_MACAO_PASS", "H12345678", null, "H1****678", null),
                Arguments.of("HK_MACAO_PASS", "M8765432101", null, "M8******101", null),
                Arguments.of("TAIWAN_PASS", "31415926", null, "31***926", null),
                Arguments.of("TAIWAN_PASS", "0561682001(D)", null, "05********(D)", null),
                Arguments.of("FOREIGN_PERMANENT_RESIDENCE", "KAZ110090123105", null, "KAZ********3105", null),
                Arguments.of("FOREIGN_PERMANENT_RESIDENCE", "932682198501010017", null, "9326**********0017", "1985-01-01"));
    }

    @ParameterizedTest(name = "{0} {3}")
    @MethodSource("documents")
    void eachTypeIsAcceptedAndMaskedInTheAnswerTheListAndTheLog(String type, String number, String nationality,
                                                                 String masked, String birthDate, CapturedOutput log) {
        Api.Response added = expect(account.api().post("/api/me/patients", body("李四", type, number, nationality, null)), 201);
        assertThat(added.text("documentType")).isEqualTo(type);
        assertThat(added.text("idNumberMasked")).isEqualTo(masked);
        assertThat(added.text("nationality")).isEqualTo(nationality);
        assertThat(added.text("birthDate")).isEqualTo(birthDate);
        String full = number.toUpperCase();
        assertThat(added.body().toString()).doesNotContain(full);

        JsonNode listed = listed(added.text("patientId"));
        assertThat(listed.path("documentType").asText()).isEqualTo(type);
        assertThat(listed.path("idNumberMasked").asText()).isEqualTo(masked);
        assertThat(account.api().get("/api/me/patients").items().toString()).doesNotContain(full);
        assertThat(log.getAll()).contains(masked).doesNotContain(full);

        // the event says only that the account added a patient
        assertThat(registrations(added.text("patientId"))).hasSize(1)
                .allSatisfy(payload -> assertThat(payload).doesNotContain(full).doesNotContain("李四"));
        assertThat(jdbc.queryForObject("SELECT document_type FROM patient WHERE id = ?", String.class,
                added.text("patientId"))).isEqualTo(type);
    }

    @Test
    void aRequestWithoutATypeIsAResidentIdAsBefore() {
        JsonNode listed = listed(account.patientId());
        assertThat(listed.path("documentType").asText()).isEqualTo("RESIDENT_ID");
        assertThat(listed.path("birthDate").asText()).startsWith("1990-");
        assertThat(listed.path("newborn").isNull() || listed.path("newborn").isMissingNode()).isTrue();
    }

    static Stream<Arguments> badDocuments() {
        return Stream.of(
                Arguments.of("DRIVING_LICENCE", "110101199003071233", null, "INVALID_DOCUMENT", "documentType"),
                Arguments.of("RESIDENT_ID", "110101199003071234", null, "INVALID_RESIDENT_ID", "idNumber"),
                Arguments.of("RESIDENT_ID", "810000199408230021", null, "INVALID_RESIDENT_ID", "idNumber"),
                Arguments.of("RESIDENT_ID", "110101199003071233", "CHN", "INVALID_DOCUMENT", "nationality"),
                Arguments.of("PASSPORT", "E123", "CHN", "INVALID_DOCUMENT", "idNumber"),
                Arguments.of("PASSPORT", "E1234 5678", "CHN", "INVALID_DOCUMENT", "idNumber"),
                Arguments.of("PASSPORT", "E12345678", null, "INVALID_DOCUMENT", "nationality"),
                Arguments.of("PASSPORT", "E12345678", "ZZZ", "INVALID_DOCUMENT", "nationality"),
                Arguments.of("HK_MACAO_TAIWAN_RESIDENCE_PERMIT", "810000199408230022", null, "INVALID_DOCUMENT", "idNumber"),
                Arguments.of("HK_MACAO_TAIWAN_RESIDENCE_PERMIT", "110101199003071233", null, "INVALID_DOCUMENT", "idNumber"),
                Arguments.of("HK_MACAO_PASS", "X12345678", null, "INVALID_DOCUMENT", "idNumber"),
                Arguments.of("HK_MACAO_PASS", "H123456789", null, "INVALID_DOCUMENT", "idNumber"),
                Arguments.of("TAIWAN_PASS", "1234567", null, "INVALID_DOCUMENT", "idNumber"),
                Arguments.of("FOREIGN_PERMANENT_RESIDENCE", "932682198501010018", null, "INVALID_DOCUMENT", "idNumber"),
                Arguments.of("FOREIGN_PERMANENT_RESIDENCE", "ZZZ110090123105", null, "INVALID_DOCUMENT", "idNumber"));
    }

    @ParameterizedTest(name = "{0} {1} {2} → {3} on {4}")
    @MethodSource("badDocuments")
    void aBadDocumentIsRefusedNamingTheFieldAndWritesNothing(String type, String number, String nationality,
                                                             String code, String field) {
        String before = stored();
        long eventsBefore = allRegistrations();
        Api.Response refused = account.api().post("/api/me/patients", body("李四", type, number, nationality, null));
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo(code);
        assertThat(refused.text("title")).isNotBlank();
        assertThat(refused.body().path("errors").has(field)).as(refused.body().toString()).isTrue();
        assertThat(refused.text("detail")).contains(field).doesNotContain(number);
        // an edit is refused alike
        Api.Response edit = account.api().put("/api/me/patients/" + account.patientId(),
                body("李四", type, number, nationality, null));
        assertThat(edit.status()).isEqualTo(400);
        assertThat(edit.code()).isEqualTo(code);
        assertThat(stored()).isEqualTo(before);
        assertThat(allRegistrations()).isEqualTo(eventsBefore);
    }

    @Test
    void twinsAreRegisteredUnderOneGuardiansDocument() {
        String guardian = Api.residentId(4242);
        expect(account.api().post("/api/me/patients", body("王芳", "RESIDENT_ID", guardian, null, null)), 201);
        String born = TODAY.minusDays(3).toString();
        Api.Response first = expect(account.api().post("/api/me/patients", body("王芳之子一", "RESIDENT_ID", guardian, null,
                newborn(born, "MALE", "王芳"))), 201);
        Api.Response second = expect(account.api().post("/api/me/patients", body("王芳之女二", "RESIDENT_ID", guardian, null,
                newborn(born, "FEMALE", "王芳"))), 201);

        for (Api.Response twin : List.of(first, second)) {
            // the child's own birth date and sex, not the guardian's
            assertThat(twin.text("birthDate")).isEqualTo(born);
            assertThat(twin.body().path("newborn").path("birthDate").asText()).isEqualTo(born);
            assertThat(twin.body().path("newborn").path("guardianName").asText()).isEqualTo("王芳");
            assertThat(twin.text("idNumberMasked")).isEqualTo(guardian.substring(0, 4) + "**********" + guardian.substring(14));
            assertThat(twin.body().toString()).doesNotContain(guardian);
        }
        assertThat(first.text("sex")).isEqualTo("MALE");
        assertThat(second.text("sex")).isEqualTo("FEMALE");
        assertThat(listed(second.text("patientId")).path("newborn").path("sex").asText()).isEqualTo("FEMALE");

        // the same child twice is still a duplicate
        String before = stored();
        Api.Response again = account.api().post("/api/me/patients", body("王芳之子一", "RESIDENT_ID", guardian, null,
                newborn(born, "MALE", "王芳")));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("PATIENT_ALREADY_ADDED");
        assertThat(again.text("detail")).doesNotContain(guardian);
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aNewbornIsAtMostAYearOldAndBornAlready() {
        String guardian = Api.residentId(4343);
        String before = stored();
        for (String birthDate : List.of(TODAY.plusDays(1).toString(), TODAY.minusYears(1).minusDays(1).toString())) {
            Api.Response refused = account.api().post("/api/me/patients", body("赵宝宝", "RESIDENT_ID", guardian, null,
                    newborn(birthDate, "MALE", "赵六")));
            assertThat(refused.status()).as(refused.body().toString()).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(refused.body().path("errors").has("newborn.birthDate")).as(refused.body().toString()).isTrue();
        }
        Api.Response noGuardian = account.api().post("/api/me/patients", body("赵宝宝", "RESIDENT_ID", guardian, null,
                "{\"birthDate\":\"" + TODAY + "\",\"sex\":\"MALE\"}"));
        assertThat(noGuardian.status()).isEqualTo(400);
        assertThat(noGuardian.body().path("errors").has("newborn.guardianName")).as(noGuardian.body().toString()).isTrue();
        Api.Response badGuardian = account.api().post("/api/me/patients", body("赵宝宝", "RESIDENT_ID", guardian, null,
                newborn(TODAY.toString(), "MALE", "赵\\u202e六")));
        assertThat(badGuardian.status()).isEqualTo(400);
        assertThat(badGuardian.code()).isEqualTo("INVALID_NAME");
        assertThat(stored()).isEqualTo(before);

        // a year old today is still a newborn here, as is one born today; under a passport too
        expect(account.api().post("/api/me/patients", body("赵宝宝", "RESIDENT_ID", guardian, null,
                newborn(TODAY.minusYears(1).toString(), "MALE", "赵六"))), 201);
        Api.Response passport = expect(account.api().post("/api/me/patients", body("Baby Smith", "PASSPORT", "123456789",
                "USA", newborn(TODAY.toString(), "FEMALE", "Jane Smith"))), 201);
        assertThat(passport.text("idNumberMasked")).isEqualTo("12****789");
        assertThat(passport.text("birthDate")).isEqualTo(TODAY.toString());
    }

    @Test
    void aDocumentIsStillUsedOncePerAccount() {
        expect(account.api().post("/api/me/patients", body("Li Si", "PASSPORT", "E99887766", "CHN", null)), 201);
        expect(account.api().post("/api/me/patients", body("Wang Wu", "HK_MACAO_PASS", "H1234567800", null, null)), 201);
        String before = stored();
        for (String duplicate : List.of(body("Li Si", "PASSPORT", "e99887766", "chn", null),
                // the newer card of the same holder: the first nine characters are the holder's for life
                body("Wang Wu", "HK_MACAO_PASS", "H12345678", null, null))) {
            Api.Response refused = account.api().post("/api/me/patients", duplicate);
            assertThat(refused.status()).as(refused.body().toString()).isEqualTo(409);
            assertThat(refused.code()).isEqualTo("PATIENT_ALREADY_ADDED");
        }
        assertThat(stored()).isEqualTo(before);
        // another country's passport of the same number is another document
        expect(account.api().post("/api/me/patients", body("Li Si", "PASSPORT", "E99887766", "SGP", null)), 201);
    }

    private static String body(String name, String type, String number, String nationality, String newborn) {
        return "{\"realName\":\"" + name + "\",\"documentType\":\"" + type + "\",\"idNumber\":\"" + number + "\""
                + (nationality == null ? "" : ",\"nationality\":\"" + nationality + "\"")
                + (newborn == null ? "" : ",\"newborn\":" + newborn)
                + ",\"relationship\":\"" + (newborn == null ? "OTHER" : "CHILD") + "\"}";
    }

    private static String newborn(String birthDate, String sex, String guardianName) {
        return "{\"birthDate\":\"" + birthDate + "\",\"sex\":\"" + sex + "\",\"guardianName\":\"" + guardianName + "\"}";
    }

    private JsonNode listed(String patientId) {
        for (JsonNode patient : expect(account.api().get("/api/me/patients"), 200).items()) {
            if (patient.path("patientId").asText().equals(patientId)) {
                return patient;
            }
        }
        throw new AssertionError("patient " + patientId + " is not listed");
    }

    /** The account's patients as stored, every column that a refused request must leave alone. */
    private String stored() {
        return jdbc.queryForList("SELECT * FROM patient WHERE account_id = (SELECT account_id FROM patient WHERE id = ?) "
                + "ORDER BY id", account.patientId()).toString();
    }

    private List<String> registrations(String patientId) {
        return jdbc.queryForList("SELECT payload FROM domain_event_entry WHERE payload_type = ?", byte[].class,
                        PatientRegistered.class.getName()).stream()
                .map(payload -> new String(payload, StandardCharsets.UTF_8))
                .filter(payload -> payload.contains(patientId)).toList();
    }

    private long allRegistrations() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE payload_type = ?", Long.class,
                PatientRegistered.class.getName());
    }
}
