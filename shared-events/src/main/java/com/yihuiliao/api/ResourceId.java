package com.yihuiliao.api;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.CONSTRUCTOR;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The id of a resource in a path, parameter or request field (a patient, schedule, bill, department, a client's
 * request id, …): 1–64 of {@code [A-Za-z0-9_-]}. Composed of {@link Pattern} and not reported as a violation of
 * its own, so a refusal reads as the pattern's ({@code must match "…"}, in the caller's language).
 */
@Documented
@Constraint(validatedBy = {})
@Pattern(regexp = ResourceId.PATTERN)
@Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface ResourceId {

    String PATTERN = "^[A-Za-z0-9_-]{1,64}$";

    String message() default "{jakarta.validation.constraints.Pattern.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
