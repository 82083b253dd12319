package com.yihuiliao.command;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Hamcrest matchers for the domain's refusals, for {@code ResultValidator.expectException(Matcher)}. */
public final class Violations {

    private Violations() {
    }

    /** A {@link BusinessRuleViolation} carrying exactly this code. */
    public static Matcher<BusinessRuleViolation> violation(ErrorCode code) {
        return new TypeSafeMatcher<>(BusinessRuleViolation.class) {
            @Override
            protected boolean matchesSafely(BusinessRuleViolation actual) {
                return actual.code() == code;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a BusinessRuleViolation with code ").appendValue(code);
            }

            @Override
            protected void describeMismatchSafely(BusinessRuleViolation actual, Description mismatch) {
                mismatch.appendText("code was ").appendValue(actual.code())
                        .appendText(" (").appendValue(actual.getMessage()).appendText(")");
            }
        };
    }
}
