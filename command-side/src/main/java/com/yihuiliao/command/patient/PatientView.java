package com.yihuiliao.command.patient;

import com.yihuiliao.command.patient.Patient.Relationship;
import com.yihuiliao.command.patient.ResidentIdNumber.Sex;
import java.time.LocalDate;

/**
 * A patient as the account sees it: the document's number and phone only masked ({@code 1101**********1234},
 * {@code E1****678}, {@code 138****5678}); birth date and sex a newborn's own, else derived from the document
 * where its number holds them (resident IDs, residence permits; the 2023 permanent residence card's birth
 * date), else null. {@code nationality} is a passport's; {@code newborn} is null but for a newborn.
 */
public record PatientView(String patientId, String realName, DocumentType documentType, String idNumberMasked,
                          String nationality, String phoneMasked, Relationship relationship, LocalDate birthDate,
                          Sex sex, Newborn newborn, boolean isDefault) {

    public static PatientView of(Patient patient) {
        IdentityDocument document = patient.document();
        Newborn newborn = patient.newborn();
        return new PatientView(patient.getId(), patient.getRealName(), document.type(), document.masked(),
                document.nationality(), patient.getPhoneMasked(), patient.getRelationship(),
                newborn == null ? document.birthDate() : newborn.birthDate(),
                newborn == null ? document.sex() : newborn.sex(), newborn, patient.isDefault());
    }
}
