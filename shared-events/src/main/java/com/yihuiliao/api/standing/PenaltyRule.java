package com.yihuiliao.api.standing;

import com.yihuiliao.api.Clocks;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * One penalty rule: when {@code count} offences of the kinds it {@code counts} fall in one window, the person is
 * banned from booking online; each further {@code count} in the same window bans again, for the next length.
 *
 * @param name            how staff and the ban name the rule
 * @param counts          the offences it counts
 * @param window          which offences count together
 * @param rollingDays     the window's length in days, for {@link PenaltyWindow#ROLLING_DAYS} only
 * @param count           offences in one window that ban
 * @param banDays         the ban's length in days: the first time the rule bans in a window, the second, …; the
 *                        last repeats
 * @param untilWindowEnds the ban lasts until the window ends (then {@code banDays} is not used)
 */
public record PenaltyRule(String name, Set<OffenceKind> counts, PenaltyWindow window, int rollingDays, int count,
                          List<Integer> banDays, boolean untilWindowEnds) {

    /** The window an offence at {@code at} counts in: [start, end). */
    public record Span(Instant start, Instant end) {
        public boolean contains(Instant at) {
            return !at.isBefore(start) && at.isBefore(end);
        }
    }

    public Span spanAt(Instant at) {
        ZonedDateTime local = at.atZone(Clocks.HOSPITAL_ZONE);
        return switch (window) {
            case CALENDAR_YEAR -> {
                ZonedDateTime start = local.toLocalDate().withDayOfYear(1).atStartOfDay(Clocks.HOSPITAL_ZONE);
                yield new Span(start.toInstant(), start.plusYears(1).toInstant());
            }
            case CALENDAR_MONTH -> {
                ZonedDateTime start = local.toLocalDate().withDayOfMonth(1).atStartOfDay(Clocks.HOSPITAL_ZONE);
                yield new Span(start.toInstant(), start.plusMonths(1).toInstant());
            }
            case ROLLING_DAYS -> new Span(at.minus(rollingDays, ChronoUnit.DAYS), at.plusMillis(1));
        };
    }

    /** The length of the {@code nth} ban (1, 2, …) of this rule in one window, in days. */
    public int banDays(int nth) {
        return banDays.get(Math.min(nth, banDays.size()) - 1);
    }

    public boolean isValid() {
        return name != null && !name.isBlank() && name.length() <= 64 && counts != null && !counts.isEmpty()
                && window != null && (window != PenaltyWindow.ROLLING_DAYS || (rollingDays >= 1 && rollingDays <= 3660))
                && count >= 1 && count <= 100
                && (untilWindowEnds || (banDays != null && !banDays.isEmpty() && banDays.size() <= 20
                && banDays.stream().allMatch(days -> days != null && days >= 1 && days <= 3660)));
    }
}
