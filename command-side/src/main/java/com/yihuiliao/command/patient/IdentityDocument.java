package com.yihuiliao.command.patient;

import com.yihuiliao.command.patient.ResidentIdNumber.Sex;
import java.time.LocalDate;

/**
 * A checked identity document: its type, its number in stored form, the nationality (passports only), and the
 * birth date and sex when the number carries them (GB 11643 numbers), else null.
 *
 * <p>{@link #toString()} is masked: a logged document never shows its number.
 */
public record IdentityDocument(DocumentType type, String number, String nationality, LocalDate birthDate, Sex sex) {

    /** The number as every response and log line shows it, by its type's rule. */
    public String masked() {
        return Masking.document(type, number);
    }

    /** What makes two documents the same one (see {@link DocumentType#key}). */
    String key() {
        return type.key(number, nationality);
    }

    @Override
    public String toString() {
        return type + " " + masked() + (nationality == null ? "" : " (" + nationality + ")");
    }
}
