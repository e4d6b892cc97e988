package org.diasporadesk.chassis.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.micrometer.tracing.Tracer;
import jakarta.servlet.http.HttpServletRequest;
import org.diasporadesk.chassis.security.OutOfScopeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.util.DisconnectedClientHelper;

import tools.jackson.core.JacksonException;

/**
 * Every error a client can cause becomes an RFC 9457 problem document. Field errors are listed under
 * {@code errors} as {@code {field, message}} with the field's JSON path, so a form can mark the right input.
 * Ordered first so that it, not a generic handler, answers for the exceptions both know.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemResponses extends ResponseEntityExceptionHandler {

    /** The extension member that lists the offending fields. */
    public static final String ERRORS = "errors";

    /** The extension member of a 500 that names the log entry, for the user to quote. */
    public static final String CORRELATION_ID = "correlationId";

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    private final CorrelationIds correlationIds;

    public ProblemResponses(ObjectProvider<Tracer> tracer) {
        this.correlationIds = new CorrelationIds(tracer);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
            .map(error -> fieldError(error.getField(), messageOf(error)))
            .toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "The request has invalid fields: "
                + errors.stream().map(error -> error.get("field")).distinct().collect(Collectors.joining(", ")), errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = ex.getCause() instanceof JacksonException jackson ? pathOf(jackson) : "";
        String detail = field.isEmpty() ? "The request body is not readable JSON."
                : "The value of '" + field + "' has the wrong type or format.";
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, detail,
                field.isEmpty() ? List.of() : List.of(fieldError(field, "wrong type or format"))));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
        return problem(HttpStatus.BAD_REQUEST, "Parameter '" + ex.getName() + "' has the wrong format.",
                List.of(fieldError(ex.getName(), "wrong format")));
    }

    @ExceptionHandler(InvalidFieldException.class)
    ProblemDetail invalidField(InvalidFieldException ex) {
        return problem(HttpStatus.BAD_REQUEST, ex.getMessage(), List.of(fieldError(ex.field(), ex.getMessage())));
    }

    @ExceptionHandler(OutOfScopeException.class)
    ProblemDetail outOfScope(OutOfScopeException ex) {
        return problem(HttpStatus.FORBIDDEN, ex.getMessage(), List.of(fieldError(ex.field(), ex.getMessage())));
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException ex) {
        return problem(HttpStatus.NOT_FOUND, ex.getMessage(), List.of());
    }

    @ExceptionHandler(StateConflictException.class)
    ProblemDetail stateConflict(StateConflictException ex) {
        return problem(HttpStatus.CONFLICT, ex.getMessage(), List.of(fieldError(ex.field(), ex.getMessage())));
    }

    /** Two people changed the same record at once; the later write was refused rather than silently lost. */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail conflict(OptimisticLockingFailureException ex) {
        return problem(HttpStatus.CONFLICT, "Someone else changed this record while you were working on it. "
                + "Read it again and repeat your change.", List.of());
    }

    /**
     * A refusal decided in a controller (a provider's callback token) goes back to the security chain, which
     * answers 401 to a caller without credentials and 403 to one without the right: not an unexpected error.
     */
    @ExceptionHandler({ AccessDeniedException.class, AuthenticationException.class })
    void leaveToSecurity(RuntimeException ex) {
        throw ex;
    }

    /**
     * What nobody foresaw is still a problem document, never a stack trace: logged with the request's trace id
     * (a fresh id where no trace runs), which the answer gives so that the user can quote it to support.
     */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception ex, HttpServletRequest request) {
        if (DisconnectedClientHelper.isClientDisconnectedException(ex)) {
            return null; // a browser closed a live feed: nobody is left to answer, nothing went wrong
        }
        String correlationId = correlationIds.current();
        log.error("Unexpected error on {} {} [correlationId={}]", request.getMethod(), request.getRequestURI(),
                correlationId, ex);
        return unexpectedProblem(correlationId);
    }

    static ProblemDetail unexpectedProblem(String correlationId) {
        ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side. "
                + "Try again; if it happens again, give support the correlation id " + correlationId + ".", List.of());
        problem.setProperty(CORRELATION_ID, correlationId);
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String detail, List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (!errors.isEmpty()) {
            problem.setProperty(ERRORS, errors);
        }
        return problem;
    }

    private static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    private static String messageOf(FieldError error) {
        return error.getDefaultMessage() == null ? "invalid" : error.getDefaultMessage();
    }

    /** {@code migrants[0].birthYear} from Jackson's reference path. */
    private static String pathOf(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            }
            else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
