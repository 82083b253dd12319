package com.yihuiliao.app;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.ProblemMessage;
import com.yihuiliao.command.identity.TooManyRequests;
import com.yihuiliao.command.text.DisplayText;
import com.yihuiliao.command.text.PersonName;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ValidationException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandExecutionException;
import org.hibernate.validator.engine.HibernateConstraintViolation;
import org.axonframework.common.AxonTransientException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.validation.Errors;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error is an RFC 9457 problem detail with a stable {@code code} a client can branch on
 * and a message a person understands. Nothing internal leaks.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    static ProblemDetail problem(ErrorCode code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(code.status()), detail);
        problem.setTitle(code.title());
        problem.setProperty("code", code.name());
        return problem;
    }

    /** Names a parameter of a refusal may not take as a problem property. */
    private static final Set<String> MEMBERS = Set.of("type", "title", "status", "detail", "instance", "code", "errors");

    @ExceptionHandler(BusinessRuleViolation.class)
    ProblemDetail refused(BusinessRuleViolation e) {
        ProblemMessage message = e.problemMessage();
        // a field's refusal is answered like a refused field of bean validation: errors by field, and a detail naming it
        ProblemDetail problem = problem(e.code(), e.field() == null ? e.getMessage() : e.field() + ": " + e.getMessage());
        if (e.field() != null) {
            problem.setProperty("errors", Map.of(e.field(), message != null ? message
                    : new ProblemLanguage.EnglishOnly(e.getMessage())));
        }
        if (message == null) {
            return problem;
        }
        // the specifics, language-neutral, for clients: amounts in fen, instants, limits
        message.parameters().forEach((name, value) -> {
            if (!MEMBERS.contains(name) && value != null && !(value instanceof ProblemMessage)) {
                problem.setProperty(name, value instanceof Enum<?> constant ? constant.name() : value);
            }
        });
        return e.field() == null ? ProblemLanguage.worded(problem, message) : problem;
    }

    @ExceptionHandler(TooManyRequests.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyRequests e) {
        return ResponseEntity.status(e.code().status())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .body(problem(e.code(), e.getMessage()));
    }

    @ExceptionHandler(CommandExecutionException.class)
    ProblemDetail commandFailed(CommandExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof BusinessRuleViolation violation) {
            return refused(violation);
        }
        return unexpected(e);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException e) {
        return problem(ErrorCode.NOT_FOUND, "No such resource: " + e.getAggregateIdentifier());
    }

    @ExceptionHandler(AxonTransientException.class)
    ProblemDetail busy(AxonTransientException e) {
        log.warn("Command still conflicting after retries: {}", e.toString());
        return problem(ErrorCode.SERVICE_BUSY, "Too many people are booking this right now; please try again.");
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail invalidParameter(ConstraintViolationException e) {
        ProblemDetail problem = problem(ErrorCode.VALIDATION_FAILED, "Some parameters are not valid.");
        Map<String, Object> errors = new LinkedHashMap<>();
        e.getConstraintViolations().forEach(v -> errors.put(v.getPropertyPath().toString(), message(v)));
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(ErrorCode.VALIDATION_FAILED, "Parameter '" + e.getName() + "' has a value of the wrong type.");
    }

    @ExceptionHandler(RuntimeException.class)
    ProblemDetail unexpected(RuntimeException e) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof BusinessRuleViolation violation) {
                return refused(violation);
            }
            cause = cause.getCause();
        }
        log.error("Unexpected failure", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side; nothing was changed by this request.");
        problem.setProperty("code", "INTERNAL_ERROR");
        return problem;
    }

    /**
     * One refused field or parameter: its name, the constraint that refused it, and why — bean validation's
     * message (already in the caller's language) or our own constraints' {@link ProblemMessage}.
     */
    private record Invalid(String field, String constraint, Object message) {
    }

    /** Our constraints (command.text) carry their message as the violation's dynamic payload. */
    private static Object message(ConstraintViolation<?> violation) {
        try {
            ProblemMessage message = ((HibernateConstraintViolation<?>) violation.unwrap(HibernateConstraintViolation.class))
                    .getDynamicPayload(ProblemMessage.class);
            return message != null ? message : violation.getMessage();
        } catch (ValidationException notHibernate) {
            return violation.getMessage();
        }
    }

    private static Object message(org.springframework.validation.ObjectError error) {
        return error.contains(ConstraintViolation.class) ? message(error.unwrap(ConstraintViolation.class))
                : error.getDefaultMessage();
    }

    private static String english(Object message) {
        return message instanceof ProblemMessage worded ? worded.english() : String.valueOf(message);
    }

    private static List<Invalid> invalidFields(Errors errors) {
        return errors.getFieldErrors().stream()
                .map(error -> new Invalid(error.getField(), error.getCode(), message(error))).toList();
    }

    /** A body validated together with constrained path variables is reported here rather than as the exception above. */
    private static List<Invalid> invalidParameters(HandlerMethodValidationException e) {
        List<Invalid> invalid = new ArrayList<>();
        for (ParameterValidationResult result : e.getAllValidationResults()) {
            if (result instanceof ParameterErrors errors) {
                invalid.addAll(invalidFields(errors));
                continue;
            }
            String parameter = result.getMethodParameter().getParameterName();
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                String[] codes = error.getCodes();
                Object message;
                try {
                    message = message(result.unwrap(error, ConstraintViolation.class));
                } catch (IllegalArgumentException notAViolation) {
                    message = error.getDefaultMessage();
                }
                invalid.add(new Invalid(parameter == null ? "parameter" : parameter,
                        codes == null || codes.length == 0 ? null : codes[codes.length - 1], message));
            }
        }
        return invalid;
    }

    /**
     * A request refused only for its names or text says so with its own code (the mini-program shows a
     * hint for it); anything else wrong as well makes it a plain VALIDATION_FAILED.
     */
    private static ErrorCode textCode(List<Invalid> invalid) {
        Set<String> constraints = invalid.stream().map(i -> String.valueOf(i.constraint())).collect(Collectors.toSet());
        if (constraints.isEmpty()) {
            return ErrorCode.VALIDATION_FAILED;
        }
        if (constraints.equals(Set.of(PersonName.class.getSimpleName()))) {
            return ErrorCode.INVALID_NAME;
        }
        return Set.of(PersonName.class.getSimpleName(), DisplayText.class.getSimpleName()).containsAll(constraints)
                ? ErrorCode.INVALID_TEXT : ErrorCode.VALIDATION_FAILED;
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            ErrorCode code = statusCode.value() == 404 ? ErrorCode.NOT_FOUND
                    : ex instanceof HttpMessageNotReadableException
                    ? ErrorCode.MALFORMED_REQUEST : ErrorCode.VALIDATION_FAILED;
            if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
                problem.setProperty("code", statusCode.is4xxClientError() ? code.name() : "INTERNAL_ERROR");
            }
            List<Invalid> invalid = ex instanceof MethodArgumentNotValidException e ? invalidFields(e.getBindingResult())
                    : ex instanceof HandlerMethodValidationException e ? invalidParameters(e) : null;
            if (invalid != null) {
                Map<String, Object> errors = new LinkedHashMap<>();
                invalid.forEach(i -> errors.putIfAbsent(i.field(), i.message()));
                if (ex instanceof MethodArgumentNotValidException || !errors.isEmpty()) {
                    problem.setProperty("errors", errors);
                }
                ErrorCode fieldCode = textCode(invalid);
                problem.setProperty("code", fieldCode.name());
                if (fieldCode != ErrorCode.VALIDATION_FAILED) {
                    problem.setTitle(fieldCode.title());
                }
                String what = ex instanceof MethodArgumentNotValidException ? "Some fields are not valid"
                        : "Some parameters are not valid";
                // the detail names the fields, so a person reading only it knows what to fix
                problem.setDetail(errors.isEmpty() ? what + "." : what + ": " + errors.entrySet().stream()
                        .map(e -> e.getKey() + ": " + english(e.getValue())).collect(Collectors.joining("; ")));
            }
            if (ex instanceof HttpMessageNotReadableException unreadable) {
                describeUnreadable(problem, unreadable);
            }
        }
        return response;
    }

    /** A body that cannot be read says which field and what was expected, or where the JSON breaks. */
    private static void describeUnreadable(ProblemDetail problem, HttpMessageNotReadableException ex) {
        problem.setTitle(ErrorCode.MALFORMED_REQUEST.title());
        Throwable cause = ex.getCause();
        while (cause != null && !(cause instanceof JsonParseException) && !(cause instanceof MismatchedInputException)) {
            cause = cause.getCause();
        }
        if (cause instanceof JsonParseException parse) {
            problem.setDetail("The body is not valid JSON (line " + parse.getLocation().getLineNr() + ", column "
                    + parse.getLocation().getColumnNr() + ").");
        } else if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream().map(ref -> ref.getFieldName() != null ? ref.getFieldName()
                    : "[" + ref.getIndex() + "]").collect(Collectors.joining(".")).replace(".[", "[");
            ProblemMessage expected = mismatch instanceof InvalidFormatException invalid
                    ? ProblemMessage.of("body.expected-got", "expected", expectation(mismatch.getTargetType()),
                            "value", invalid.getValue())
                    : ProblemMessage.of("body.expected", "expected", expectation(mismatch.getTargetType()));
            problem.setDetail("Field '" + field + "': " + expected.english() + ".");
            problem.setProperty("errors", Map.of(field, expected));
        } else if (cause instanceof MismatchedInputException) {
            problem.setDetail("The body must be a JSON object.");
        } else {
            problem.setDetail("The body could not be read: send a JSON object with Content-Type application/json.");
        }
    }

    private static ProblemMessage expectation(@Nullable Class<?> type) {
        if (type == null) {
            return ProblemMessage.of("expected.other");
        }
        if (type.isEnum()) {
            return ProblemMessage.of("expected.enum", "values",
                    Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList());
        }
        if (type == LocalDate.class) {
            return ProblemMessage.of("expected.date");
        }
        if (type == LocalTime.class) {
            return ProblemMessage.of("expected.time");
        }
        if (type == Instant.class || type == OffsetDateTime.class) {
            return ProblemMessage.of("expected.instant");
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return ProblemMessage.of("expected.whole-number");
        }
        if (type == Boolean.class || type == boolean.class) {
            return ProblemMessage.of("expected.boolean");
        }
        if (type == String.class) {
            return ProblemMessage.of("expected.text");
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return ProblemMessage.of("expected.list");
        }
        return ProblemMessage.of("expected.object");
    }
}
