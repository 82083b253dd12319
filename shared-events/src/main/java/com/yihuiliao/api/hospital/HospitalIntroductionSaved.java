package com.yihuiliao.api.hospital;

/** The hospital's introduction (医院介绍) was replaced; {@code html} is already sanitized. */
public record HospitalIntroductionSaved(String html, String savedBy) implements HospitalEvent {
}
