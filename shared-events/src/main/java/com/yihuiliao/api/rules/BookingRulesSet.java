package com.yihuiliao.api.rules;

public record BookingRulesSet(String scope, BookingRules rules) implements RulesEvent {
}
