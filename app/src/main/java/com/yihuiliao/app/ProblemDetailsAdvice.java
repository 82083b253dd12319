package com.yihuiliao.app;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.command.identity.TooManyRequests;
import jakarta.validation.ConstraintViolationException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.AxonTransientException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.validation.FieldError;
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

    @ExceptionHandler(BusinessRuleViolation.class)
    ProblemDetail refused(BusinessRuleViolation e) {
        return problem(e.code(), e.getMessage());
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
        Map<String, String> errors = new LinkedHashMap<>();
        e.getConstraintViolations().forEach(v -> errors.put(v.getPropertyPath().toString(), v.getMessage()));
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

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            ErrorCode code = statusCode.value() == 404 ? ErrorCode.NOT_FOUND
                    : ex instanceof org.springframework.http.converter.HttpMessageNotReadableException
                    ? ErrorCode.MALFORMED_REQUEST : ErrorCode.VALIDATION_FAILED;
            if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
                problem.setProperty("code", statusCode.is4xxClientError() ? code.name() : "INTERNAL_ERROR");
            }
            if (ex instanceof MethodArgumentNotValidException invalid) {
                Map<String, String> errors = new LinkedHashMap<>();
                for (FieldError error : invalid.getBindingResult().getFieldErrors()) {
                    errors.put(error.getField(), error.getDefaultMessage());
                }
                problem.setProperty("errors", errors);
                problem.setDetail("Some fields are not valid.");
            }
            if (ex instanceof HandlerMethodValidationException) {
                problem.setDetail("Some parameters are not valid.");
            }
        }
        return response;
    }
}
