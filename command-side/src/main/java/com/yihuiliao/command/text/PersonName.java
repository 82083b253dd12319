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
 * A person's name ({@link TextRules#nameProblem}). On a request field it also normalises what is read
 * from JSON ({@link TextRules#normaliseName}: NFC, middle dots, outer spaces), so the form checked is the
 * form stored. Refusals answer 400 {@code INVALID_NAME}.
 */
@Documented
@Constraint(validatedBy = PersonName.Validator.class)
@Target({METHOD, FIELD, ANNOTATION_TYPE, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
@JacksonAnnotationsInside
@JsonDeserialize(using = NormalisingDeserializer.Name.class)
public @interface PersonName {

    String message() default "is not a valid name";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator extends TextConstraintValidator<PersonName> {
        @Override
        protected ProblemMessage problem(String value) {
            return TextRules.nameProblem(TextRules.normaliseName(value));
        }
    }
}
