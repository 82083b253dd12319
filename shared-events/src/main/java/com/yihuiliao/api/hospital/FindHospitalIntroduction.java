package com.yihuiliao.api.hospital;

/** The hospital's introduction; answered with a {@link HospitalIntroduction} or null before one is written. */
public record FindHospitalIntroduction() {
}
