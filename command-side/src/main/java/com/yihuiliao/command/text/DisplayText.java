package com.yihuiliao.command.text;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.yihuiliao.api.ProblemMessage;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Free text a person or a document shows (titles, descriptions, reasons, item names): no controls, bidi
 * or zero-width characters, lone surrogates ({@link TextRules#textProblem}). On a request field it also
 * normalises what is read from JSON to NFC, the form checked and stored. Refusals answer 400
 * {@code INVALID_TEXT}.
 */
@Documented
@Constraint(validatedBy = DisplayText.Validator.class)
@Target({METHOD, FIELD, ANNOTATION_TYPE, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
@JacksonAnnotationsInside
@JsonDeserialize(using = NormalisingDeserializer.Text.class)
public @interface DisplayText {

    /** Long text (bodies, introductions) may have line breaks and tabs. */
    boolean multiline() default false;

    String message() default "is not valid text";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator extends TextConstraintValidator<DisplayText> {
        private boolean multiline;

        @Override
        public void initialize(DisplayText annotation) {
            multiline = annotation.multiline();
        }

        @Override
        protected ProblemMessage problem(String value) {
            return TextRules.textProblem(TextRules.normalise(value), multiline);
        }
    }
}
