package com.yihuiliao.command.appointment;

import java.time.LocalDate;

/** Who saw whom, where and on which day: what an appointment answers {@link DescribeVisit} with. */
public record Visit(String patientId, String doctorId, String departmentId, LocalDate date) {
}
