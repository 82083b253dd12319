package com.yihuiliao.command.text;

import com.yihuiliao.api.ProblemMessage;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.lang.annotation.Annotation;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * Reports the rule's own words as the violation's message, so the answer says what is wrong: the English
 * sentence as the message, and the {@link ProblemMessage} as the violation's dynamic payload, from which the
 * answer is worded in the caller's language.
 */
abstract class TextConstraintValidator<A extends Annotation> implements ConstraintValidator<A, String> {

    protected abstract ProblemMessage problem(String value);

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        ProblemMessage problem = value == null ? null : problem(value);
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.unwrap(HibernateConstraintValidatorContext.class).withDynamicPayload(problem);
        // the sentence quotes no braces or dollars (TextRules names such characters by code point)
        context.buildConstraintViolationWithTemplate(problem.english()).addConstraintViolation();
        return false;
    }
}
