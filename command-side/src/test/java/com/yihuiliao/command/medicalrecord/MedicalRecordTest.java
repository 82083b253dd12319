package com.yihuiliao.command.medicalrecord;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.medicalrecord.AmendMedicalRecord;
import com.yihuiliao.api.medicalrecord.Diagnosis;
import com.yihuiliao.api.medicalrecord.MedicalRecordAmended;
import com.yihuiliao.api.medicalrecord.MedicalRecordWritten;
import com.yihuiliao.api.medicalrecord.Prescription;
import com.yihuiliao.api.medicalrecord.VisitRecord;
import com.yihuiliao.api.medicalrecord.WriteMedicalRecord;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A visit's record: written once, amended in versions; a doctor's only by the doctor of the visit. */
class MedicalRecordTest {

    static final String RECORD = "MR-1";
    static final String PATIENT = "pat-1";
    static final VisitRecord VISIT = new VisitRecord(LocalDate.of(2026, 12, 1), "dept-1", "呼吸内科", "doc-1", "李医生",
            "咳嗽三天", "三天前受凉后咳嗽", List.of(new Diagnosis("J06.9", "急性上呼吸道感染")), "多饮水",
            List.of(new Prescription("阿莫西林胶囊", "0.25g×24粒", "口服 每次0.5g 每日3次", "1盒")));
    static final MedicalRecordWritten WRITTEN = new MedicalRecordWritten(RECORD, PATIENT, "DOCTOR", "appt-1", "appt-1",
            VISIT, "fp-1", "staff:doc");

    FixtureConfiguration<MedicalRecord> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(MedicalRecord.class);
    }

    static WriteMedicalRecord write(String fingerprint) {
        return new WriteMedicalRecord(RECORD, PATIENT, "DOCTOR", "appt-1", "appt-1", VISIT, fingerprint, "staff:doc");
    }

    /** What a doctor's amendment carries: no visit facts, only what they write. */
    static VisitRecord clinical(String diagnosis) {
        return new VisitRecord(null, null, null, null, null, "咳嗽五天", null,
                List.of(new Diagnosis("J20.9", diagnosis)), null, List.of());
    }

    @Test
    void writtenOnce() {
        fixture.givenNoPriorActivity()
                .when(write("fp-1"))
                .expectResultMessagePayload(true)
                .expectEvents(WRITTEN);
    }

    @Test
    void theSameAgainChangesNothingAndOtherContentIsRefused() {
        fixture.given(WRITTEN).when(write("fp-1")).expectResultMessagePayload(false).expectNoEvents();
        fixture.given(WRITTEN).when(write("fp-2")).expectException(BusinessRuleViolation.class).expectNoEvents();
    }

    @Test
    void theVisitsDoctorAmendsWhatTheyWroteAndTheVisitStaysAsItWas() {
        VisitRecord amended = new VisitRecord(VISIT.visitDate(), "dept-1", "呼吸内科", "doc-1", "李医生", "咳嗽五天", null,
                List.of(new Diagnosis("J20.9", "急性支气管炎")), null, List.of());
        fixture.given(WRITTEN)
                .when(new AmendMedicalRecord(RECORD, clinical("急性支气管炎"), "复诊修正", "DOCTOR", "doc-1", "staff:doc"))
                .expectResultMessagePayload(2)
                .expectEvents(new MedicalRecordAmended(RECORD, PATIENT, 2, amended, "复诊修正", "staff:doc"));
    }

    @Test
    void anotherDoctorDoesNotAmendIt() {
        fixture.given(WRITTEN)
                .when(new AmendMedicalRecord(RECORD, clinical("急性支气管炎"), "复诊修正", "DOCTOR", "doc-2", "staff:x"))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void theHisDoesNotAmendADoctorsRecord() {
        fixture.given(WRITTEN)
                .when(new AmendMedicalRecord(RECORD, VISIT, "更正", "HIS", null, "integration:his"))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void anAmendmentNeedsADiagnosisAndAReason() {
        fixture.given(WRITTEN)
                .when(new AmendMedicalRecord(RECORD, clinical("急性支气管炎"), " ", "DOCTOR", "doc-1", "staff:doc"))
                .expectException(BusinessRuleViolation.class);
    }
}
