package com.yihuiliao.api.finance;

import java.math.BigDecimal;

/**
 * How full a department's (or a doctor's) schedules are: the slots of its schedules that are not suspended, the
 * slots taken (held or confirmed), and taken ÷ slots as a percentage with one decimal (null without slots).
 */
public record SlotFill(String departmentId, String departmentName, long slots, long taken, BigDecimal fillPercent) {
}
