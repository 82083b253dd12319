package com.yihuiliao.command.patient;

import com.yihuiliao.command.patient.Patient.Relationship;
import com.yihuiliao.command.patient.ResidentIdNumber.Sex;
import java.time.LocalDate;

/**
 * A patient as the account sees it: the ID number and phone only masked ({@code 1101**********1234},
 * {@code 138****5678}); birth date and sex derived from the ID number.
 */
public record PatientView(String patientId, String realName, String idNumberMasked, String phoneMasked,
                          Relationship relationship, LocalDate birthDate, Sex sex, boolean isDefault) {

    public static PatientView of(Patient patient) {
        ResidentIdNumber id = patient.residentIdNumber();
        return new PatientView(patient.getId(), patient.getRealName(), id.masked(), patient.getPhoneMasked(),
                patient.getRelationship(), id.birthDate(), id.sex(), patient.isDefault());
    }
}
