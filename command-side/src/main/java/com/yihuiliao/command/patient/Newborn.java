package com.yihuiliao.command.patient;

import com.yihuiliao.command.patient.ResidentIdNumber.Sex;
import java.time.LocalDate;

/**
 * A newborn registered under a guardian's document, before it has a document of its own: its own birth date
 * and sex (the document's are the guardian's) and the guardian's name.
 */
public record Newborn(LocalDate birthDate, Sex sex, String guardianName) {
}
