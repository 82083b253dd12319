package com.yihuiliao.api.hospital;

import com.yihuiliao.api.Query;

/** The hospital's introduction; answered with a {@link HospitalIntroduction} or null before one is written. */
public record FindHospitalIntroduction() implements Query<HospitalIntroduction> {
}
