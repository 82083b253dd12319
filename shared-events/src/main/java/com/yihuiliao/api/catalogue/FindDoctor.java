package com.yihuiliao.api.catalogue;

import com.yihuiliao.api.Query;

public record FindDoctor(String doctorId) implements Query<DoctorProfile> {
}
