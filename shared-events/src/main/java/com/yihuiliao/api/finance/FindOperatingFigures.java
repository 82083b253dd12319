package com.yihuiliao.api.finance;

import com.yihuiliao.api.Query;
import java.time.LocalDate;
import java.util.List;

/** Operating figures per department and doctor over visit dates {@code from}–{@code to} (inclusive). */
public record FindOperatingFigures(LocalDate from, LocalDate to, String departmentId)
        implements Query<List<OperatingFigure>> {
}
