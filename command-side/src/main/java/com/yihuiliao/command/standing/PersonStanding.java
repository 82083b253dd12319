package com.yihuiliao.command.standing;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.Clocks;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.standing.BanLifted;
import com.yihuiliao.api.standing.LiftBan;
import com.yihuiliao.api.standing.OffenceKind;
import com.yihuiliao.api.standing.OffenceRecorded;
import com.yihuiliao.api.standing.PenaltyRule;
import com.yihuiliao.api.standing.PersonBanned;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One real person's standing (信用), by their standing key: the offences counted against them and their ban. Each
 * offence is weighed by the rules given with it (those in force then), so the bans it gave stay what they were
 * whatever the rules become; a lifted ban ends, its offences still count.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class PersonStanding {

    record Offence(OffenceKind kind, String subjectId, Instant at) {
    }

    @AggregateIdentifier
    private String standingKey;
    private final List<Offence> offences = new ArrayList<>();
    private final Set<String> subjects = new HashSet<>();
    private final Set<String> bans = new HashSet<>();
    private String banId;
    private Instant bannedUntil;

    protected PersonStanding() {
        // for Axon
    }

    /** Answers whether the offence was counted now (false: that subject was counted already, or is no offence). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(RecordOffenceUnderRules cmd) {
        if (subjects.contains(subject(cmd.kind(), cmd.subjectId()))) {
            return false;
        }
        apply(new OffenceRecorded(cmd.standingKey(), cmd.patientId(), cmd.kind(), cmd.subjectId(), cmd.occurredAt()));
        PersonBanned ban = null;
        for (PenaltyRule rule : cmd.rules().rules()) {
            if (!rule.counts().contains(cmd.kind())) {
                continue;
            }
            // one appointment may be two offences (a late cancellation and a same-day refund): a rule counting both
            // counts it once, and has weighed it already
            if (offences.stream().anyMatch(o -> o.kind() != cmd.kind() && rule.counts().contains(o.kind())
                    && Objects.equals(o.subjectId(), cmd.subjectId()))) {
                continue;
            }
            PenaltyRule.Span span = rule.spanAt(cmd.occurredAt());
            int counted = (int) offences.stream()
                    .filter(o -> rule.counts().contains(o.kind()) && span.contains(o.at()))
                    .map(Offence::subjectId).distinct().count();
            if (counted < rule.count() || counted % rule.count() != 0) {
                continue;
            }
            Instant until = rule.untilWindowEnds() ? span.end()
                    : cmd.occurredAt().atZone(Clocks.HOSPITAL_ZONE).plusDays(rule.banDays(counted / rule.count())).toInstant();
            if (ban == null || until.isAfter(ban.until())) {
                ban = new PersonBanned(standingKey, standingKey.substring(0, Math.min(24, standingKey.length())) + "-"
                        + (bans.size() + 1), cmd.patientId(), cmd.kind(), rule.name(), counted, cmd.occurredAt(), until);
            }
        }
        Instant now = GenericEventMessage.clock.instant();
        if (ban != null && ban.until().isAfter(now) && (bannedUntil == null || ban.until().isAfter(bannedUntil))) {
            apply(ban);
        }
        return true;
    }

    @CommandHandler
    public void handle(LiftBan cmd) {
        if (!bans.contains(cmd.banId())) {
            throw new BusinessRuleViolation(ErrorCode.BAN_NOT_FOUND);
        }
        if (!cmd.banId().equals(banId)) {
            return; // lifted already, or replaced by a later ban: a repeat changes nothing
        }
        apply(new BanLifted(standingKey, banId, cmd.liftedBy(), cmd.reason()));
    }

    private static String subject(OffenceKind kind, String subjectId) {
        return kind + ":" + subjectId;
    }

    @EventSourcingHandler
    void on(OffenceRecorded event) {
        standingKey = event.standingKey();
        offences.add(new Offence(event.kind(), event.subjectId(), event.occurredAt()));
        subjects.add(subject(event.kind(), event.subjectId()));
    }

    @EventSourcingHandler
    void on(PersonBanned event) {
        bans.add(event.banId());
        banId = event.banId();
        bannedUntil = event.until();
    }

    @EventSourcingHandler
    void on(BanLifted event) {
        banId = null;
        bannedUntil = null;
    }

    /** The current ban's end, or null. */
    public Instant bannedUntil() {
        return bannedUntil;
    }
}
