package com.yihuiliao.command.text;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.lang.annotation.Annotation;

/** Reports the rule's own sentence as the violation's message, so the answer says what is wrong. */
abstract class TextConstraintValidator<A extends Annotation> implements ConstraintValidator<A, String> {

    protected abstract String problem(String value);

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        String problem = value == null ? null : problem(value);
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        // the sentence quotes no braces or dollars (TextRules names such characters by code point)
        context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
        return false;
    }
}
