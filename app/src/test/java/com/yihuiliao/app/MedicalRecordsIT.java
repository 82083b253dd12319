package com.yihuiliao.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.yihuiliao.api.Clocks;
import com.yihuiliao.api.medicalrecord.MedicalRecordAmended;
import com.yihuiliao.api.medicalrecord.MedicalRecordWritten;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Medical records (病历): written by the visit's doctor or pushed by the HIS, amended in versions, read by the patient. */
class MedicalRecordsIT extends IntegrationTest {

    static final String CLINICAL = "{\"chiefComplaint\":\"咳嗽三天\",\"presentIllness\":\"三天前受凉后咳嗽，无发热\","
            + "\"diagnoses\":[{\"icd10Code\":\"J06.9\",\"name\":\"急性上呼吸道感染\"}],\"advice\":\"多饮水，注意休息\","
            + "\"prescriptions\":[{\"drug\":\"阿莫西林胶囊\",\"specification\":\"0.25g×24粒\",\"usage\":\"口服 每次0.5g 每日3次\","
            + "\"quantity\":\"1盒\"}]}";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Api admin;
    Api doctor;
    String doctorId;
    Api.Patient patient;
    String appointmentId;

    @BeforeEach
    void aVisit() {
        admin = new Api(port).admin();
        doctorId = admin.doctor(admin.department(), 1_000);
        doctor = admin.newStaff("DOCTOR", doctorId);
        patient = new Api(port).patient();
        String scheduleId = admin.schedule(doctorId, LocalDate.now(Clocks.HOSPITAL_ZONE).plusDays(1), "MORNING", 5);
        appointmentId = Api.expect(patient.book(scheduleId), 201).text("appointmentId");
    }

    String mine() {
        return "/api/me/medical-records?patientId=" + patient.patientId();
    }

    long recordEvents() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE payload_type IN (?, ?)", Long.class,
                MedicalRecordWritten.class.getName(), MedicalRecordAmended.class.getName());
    }

    JsonNode awaitRecord(String recordId, int version) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Api.Response one = patient.api().get("/api/me/medical-records/" + recordId);
            return one.status() == 200 && one.body().path("current").path("version").asInt() == version;
        });
        return Api.expect(patient.api().get("/api/me/medical-records/" + recordId), 200).body();
    }

    @Test
    void theVisitsDoctorWritesItOnceAmendsItAndThePatientReadsEveryVersion() {
        String write = "{\"appointmentId\":\"" + appointmentId + "\",\"record\":" + CLINICAL + "}";
        String recordId = Api.expect(doctor.post("/api/admin/medical-records", write), 201).text("recordId");
        assertThat(Api.expect(doctor.post("/api/admin/medical-records", write), 200).text("recordId")).isEqualTo(recordId);

        JsonNode first = awaitRecord(recordId, 1).path("current").path("content");
        assertThat(first.path("doctorId").asText()).isEqualTo(doctorId);
        assertThat(first.path("doctorName").asText()).isEqualTo("测试医生");
        assertThat(first.path("departmentName").asText()).isEqualTo("测试科");
        assertThat(first.path("diagnoses").get(0).path("icd10Code").asText()).isEqualTo("J06.9");
        assertThat(first.path("prescriptions").get(0).path("usage").asText()).isEqualTo("口服 每次0.5g 每日3次");

        Api.Response amended = Api.expect(doctor.put("/api/admin/medical-records/" + recordId, "{\"record\":"
                + CLINICAL.replace("J06.9", "J20.9").replace("急性上呼吸道感染", "急性支气管炎")
                + ",\"reason\":\"复诊修正诊断\"}"), 200);
        assertThat(amended.body().path("version").asInt()).isEqualTo(2);

        JsonNode detail = awaitRecord(recordId, 2);
        assertThat(detail.path("current").path("content").path("diagnoses").get(0).path("name").asText())
                .isEqualTo("急性支气管炎");
        assertThat(detail.path("versions")).hasSize(2);
        assertThat(detail.path("versions").get(0).path("reason").asText()).isEqualTo("复诊修正诊断");
        JsonNode v1 = Api.expect(patient.api().get("/api/me/medical-records/" + recordId + "/versions/1"), 200).body();
        assertThat(v1.path("content").path("diagnoses").get(0).path("name").asText()).isEqualTo("急性上呼吸道感染");
        JsonNode list = Api.expect(patient.api().get(mine()), 200).items();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).path("diagnosis").asText()).isEqualTo("急性支气管炎");
        assertThat(list.get(0).path("version").asInt()).isEqualTo(2);
        assertThat(detail.path("versions").get(0).path("recordedBy").isNull()).isTrue();
        assertThat(detail.path("provenance").isNull()).isTrue();

        JsonNode staffView = Api.expect(doctor.get("/api/admin/medical-records/" + recordId), 200).body();
        assertThat(staffView.path("provenance").path("source").asText()).isEqualTo("DOCTOR");
        assertThat(staffView.path("provenance").path("externalNo").asText()).isEqualTo(appointmentId);
        assertThat(staffView.path("versions").get(1).path("recordedBy").asText()).startsWith("staff:");
        assertThat(Api.expect(doctor.get("/api/admin/medical-records?patientId=" + patient.patientId()), 200)
                .items()).hasSize(1);
    }

    @Test
    void anotherAccountNeverSeesIt() {
        String recordId = Api.expect(doctor.post("/api/admin/medical-records", "{\"appointmentId\":\"" + appointmentId
                + "\",\"record\":" + CLINICAL + "}"), 201).text("recordId");
        awaitRecord(recordId, 1);
        Api other = new Api(port).patient().api();

        assertThat(other.get(mine()).status()).isEqualTo(404);
        assertThat(other.get("/api/me/medical-records/" + recordId).code()).isEqualTo("MEDICAL_RECORD_NOT_FOUND");
        assertThat(other.get("/api/me/medical-records/" + recordId + "/versions/1").code())
                .isEqualTo("MEDICAL_RECORD_NOT_FOUND");
    }

    @Test
    void onlyTheVisitsDoctorWritesAndAmendsIt() {
        String write = "{\"appointmentId\":\"" + appointmentId + "\",\"record\":" + CLINICAL + "}";
        Api otherDoctor = admin.newStaff("DOCTOR", admin.doctor(admin.department(), 1_000));
        Api scheduler = admin.newStaff("SCHEDULER", null);
        long before = recordEvents();

        assertThat(otherDoctor.post("/api/admin/medical-records", write).status()).isEqualTo(403);
        assertThat(scheduler.post("/api/admin/medical-records", write).status()).isEqualTo(403);
        assertThat(admin.post("/api/admin/medical-records", write).status()).isEqualTo(403);
        assertThat(scheduler.get("/api/admin/medical-records?patientId=" + patient.patientId()).status())
                .isEqualTo(403);
        assertThat(patient.api().get("/api/admin/medical-records?patientId=" + patient.patientId()).status())
                .isEqualTo(403);
        assertThat(recordEvents()).isEqualTo(before);

        String recordId = Api.expect(doctor.post("/api/admin/medical-records", write), 201).text("recordId");
        assertThat(otherDoctor.put("/api/admin/medical-records/" + recordId, "{\"record\":" + CLINICAL
                + ",\"reason\":\"改\"}").status()).isEqualTo(403);
        assertThat(recordEvents()).isEqualTo(before + 1);
    }

    @Test
    void theHisPushesAVisitOnceAndAmendsIt() {
        IntegrationSigner his = new IntegrationSigner(port, "his-test");
        String visitNo = Api.unique("V");
        String visit = "{\"visitDate\":\"" + LocalDate.now(Clocks.HOSPITAL_ZONE).minusDays(1)
                + "\",\"departmentName\":\"急诊科\",\"doctorName\":\"王医生\"}";
        String push = "{\"visitNo\":\"" + visitNo + "\",\"patientId\":\"" + patient.patientId() + "\",\"visit\":" + visit
                + ",\"record\":" + CLINICAL + "}";

        String recordId = Api.expect(his.post("/api/integration/medical-records", push), 201).text("recordId");
        assertThat(Api.expect(his.post("/api/integration/medical-records", push), 200).text("recordId"))
                .isEqualTo(recordId);
        assertThat(his.post("/api/integration/medical-records", push.replace("咳嗽三天", "咳嗽五天")).code())
                .isEqualTo("IDEMPOTENCY_CONFLICT");
        assertThat(new IntegrationSigner(port, "lis-test").post("/api/integration/medical-records", push).status())
                .isEqualTo(403);
        assertThat(awaitRecord(recordId, 1).path("current").path("content").path("doctorName").asText())
                .isEqualTo("王医生");

        Api.expect(his.send(his.sign("PUT", "/api/integration/medical-records/" + visitNo, "{\"visit\":" + visit
                + ",\"record\":" + CLINICAL.replace("咳嗽三天", "咳嗽五天") + ",\"reason\":\"HIS 更正\"}",
                java.time.Instant.now())), 200);
        assertThat(awaitRecord(recordId, 2).path("current").path("content").path("chiefComplaint").asText())
                .isEqualTo("咳嗽五天");
    }

    @Test
    void badInputIsRefusedAndWritesNothing() {
        long before = recordEvents();

        Api.Response badIcd = doctor.post("/api/admin/medical-records", "{\"appointmentId\":\"" + appointmentId
                + "\",\"record\":" + CLINICAL.replace("J06.9", "cold") + "}");
        Api.Response noDiagnosis = doctor.post("/api/admin/medical-records", "{\"appointmentId\":\"" + appointmentId
                + "\",\"record\":" + CLINICAL.replaceFirst("\\[\\{\"icd10Code\"[^]]+]", "[]") + "}");
        Api.Response unknownVisit = doctor.post("/api/admin/medical-records", "{\"appointmentId\":\"no-such-visit\","
                + "\"record\":" + CLINICAL + "}");
        Api.Response unknownRecord = doctor.put("/api/admin/medical-records/MRNOSUCH", "{\"record\":" + CLINICAL
                + ",\"reason\":\"改\"}");
        Api.Response unknownPatient = new IntegrationSigner(port, "his-test").post("/api/integration/medical-records",
                "{\"visitNo\":\"" + Api.unique("V") + "\",\"patientId\":\"nobody\",\"visit\":{\"visitDate\":\"2026-01-05\","
                        + "\"departmentName\":\"急诊科\",\"doctorName\":\"王医生\"},\"record\":" + CLINICAL + "}");

        assertThat(badIcd.status()).isEqualTo(400);
        assertThat(noDiagnosis.status()).isEqualTo(400);
        assertThat(unknownVisit.code()).isEqualTo("APPOINTMENT_NOT_FOUND");
        assertThat(unknownRecord.code()).isEqualTo("MEDICAL_RECORD_NOT_FOUND");
        assertThat(unknownPatient.code()).isEqualTo("PATIENT_NOT_FOUND");
        assertThat(recordEvents()).isEqualTo(before);
    }
}
