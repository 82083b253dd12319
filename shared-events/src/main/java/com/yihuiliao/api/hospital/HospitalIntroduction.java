package com.yihuiliao.api.hospital;

import java.time.Instant;

/** The hospital's introduction: sanitized HTML, and when it was last changed. */
public record HospitalIntroduction(String html, Instant updatedAt) {
}
