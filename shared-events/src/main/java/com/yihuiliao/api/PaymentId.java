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
 * Our order or refund number (WeChat Pay's {@code out_trade_no} / {@code out_refund_no}): 6–32 of
 * {@code [A-Za-z0-9_-]}. Composed like {@link ResourceId}, so a refusal reads as the pattern's.
 */
@Documented
@Constraint(validatedBy = {})
@Pattern(regexp = PaymentId.PATTERN)
@Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface PaymentId {

    String PATTERN = "^[A-Za-z0-9_-]{6,32}$";

    String message() default "{jakarta.validation.constraints.Pattern.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
