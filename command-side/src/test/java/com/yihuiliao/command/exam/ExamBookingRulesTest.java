package com.yihuiliao.command.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.command.exam.ExamPackages.ExamPackage;
import com.yihuiliao.command.patient.PatientView;
import com.yihuiliao.command.patient.ResidentIdNumber.Sex;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whom a package suits, as far as the patient's document tells; and the booking number. */
class ExamBookingRulesTest {

    static final LocalDate EXAM = LocalDate.of(2026, 12, 10);
    static final ExamPackage WOMEN_40_TO_60 = new ExamPackage("pkg", "女性中年套餐", List.of("乳腺彩超"), 100, "空腹",
            Sex.FEMALE, 40, 60, true);

    static PatientView patient(LocalDate born, Sex sex) {
        return new PatientView("p1", "张三", null, null, null, null, null, born, sex, null, false);
    }

    @Test
    void aPackageForAnotherSexOrAgeIsRefused() {
        assertThatThrownBy(() -> ExamBookingHandler.checkSuits(WOMEN_40_TO_60, patient(LocalDate.of(1980, 1, 1), Sex.MALE), EXAM))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        v -> assertThat(v.code()).isEqualTo(ErrorCode.EXAM_PACKAGE_NOT_SUITABLE));
        // 39 on the exam date: one day short of 40
        assertThatThrownBy(() -> ExamBookingHandler.checkSuits(WOMEN_40_TO_60, patient(LocalDate.of(1986, 12, 11), Sex.FEMALE), EXAM))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        v -> assertThat(v.code()).isEqualTo(ErrorCode.EXAM_PACKAGE_NOT_SUITABLE));
    }

    @Test
    void aSuitablePatientOrOneWhoseDocumentTellsNothingIsAccepted() {
        ExamBookingHandler.checkSuits(WOMEN_40_TO_60, patient(LocalDate.of(1986, 12, 10), Sex.FEMALE), EXAM);
        ExamBookingHandler.checkSuits(WOMEN_40_TO_60, patient(null, null), EXAM); // a passport: checked at the desk
    }

    @Test
    void theBookingNumberFollowsFromTheBookingId() {
        assertThat(ExamBookingHandler.bookingNumber("b1", EXAM)).startsWith("TJ20261210").hasSize(20)
                .isEqualTo(ExamBookingHandler.bookingNumber("b1", EXAM))
                .isNotEqualTo(ExamBookingHandler.bookingNumber("b2", EXAM));
    }
}
