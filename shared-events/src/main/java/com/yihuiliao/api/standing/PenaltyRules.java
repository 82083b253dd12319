package com.yihuiliao.api.standing;

import java.util.EnumSet;
import java.util.List;

/**
 * The penalty rules in force: every rule is weighed on each offence, and the longest ban it gives wins.
 *
 * @param rules                 the rules
 * @param lateCancellationHours a patient's cancellation this many hours or fewer before the period starts is late
 */
public record PenaltyRules(List<PenaltyRule> rules, int lateCancellationHours) {

    /**
     * Beijing 114's no-shows (each in a calendar year bans 30, then 60, then 90 days), three no-shows in a year ban
     * 180 days, three late cancellations in a month ban for the rest of that month; late is within 24 hours.
     */
    public static PenaltyRules defaults() {
        return new PenaltyRules(List.of(
                new PenaltyRule("no-show", EnumSet.of(OffenceKind.NO_SHOW), PenaltyWindow.CALENDAR_YEAR, 0, 1,
                        List.of(30, 60, 90), false),
                new PenaltyRule("three-no-shows-a-year", EnumSet.of(OffenceKind.NO_SHOW), PenaltyWindow.CALENDAR_YEAR,
                        0, 3, List.of(180), false),
                new PenaltyRule("three-late-cancellations-a-month", EnumSet.of(OffenceKind.LATE_CANCELLATION),
                        PenaltyWindow.CALENDAR_MONTH, 0, 3, List.of(), true)),
                24);
    }

    public boolean isValid() {
        return rules != null && rules.size() <= 20 && rules.stream().allMatch(r -> r != null && r.isValid())
                && rules.stream().map(PenaltyRule::name).distinct().count() == rules.size()
                && lateCancellationHours >= 0 && lateCancellationHours <= 7 * 24;
    }
}
