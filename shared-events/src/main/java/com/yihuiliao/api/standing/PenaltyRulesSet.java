package com.yihuiliao.api.standing;

/** The penalty rules from now on; offences weighed before keep the bans the rules then in force gave. */
public record PenaltyRulesSet(String policyId, PenaltyRules rules) implements StandingEvent {
}
