package com.yihuiliao.api.catalogue;

import com.yihuiliao.api.Query;
import java.util.List;

/** The doctors of one department, or of all when departmentId is null. */
public record FindDoctors(String departmentId) implements Query<List<DoctorProfile>> {
}
