package org.diasporadesk.chassis.web;

import io.micrometer.tracing.Tracer;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that never reach a controller (a path the firewall refuses, a failure in a filter) answered like
 * every other error: an RFC 9457 problem document instead of Spring Boot's own error body. Not part of the
 * API, so not in its document.
 */
@Hidden
@RestController
public class ProblemErrorController implements ErrorController {

    /** Why the firewall or Tomcat refused a request, and what to do; the same wherever the refusal happened. */
    static final String UNREADABLE_REQUEST = "The request cannot be read: its path or headers hold characters "
            + "that are not allowed (such as an encoded '%', '/', '..' or NUL). Check the ids in the path and send "
            + "it again.";

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    private final CorrelationIds correlationIds;

    public ProblemErrorController(ObjectProvider<Tracer> tracer) {
        this.correlationIds = new CorrelationIds(tracer);
    }

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // Called directly rather than as an error page, the path is simply not one of ours.
        HttpStatus status = code == null ? HttpStatus.NOT_FOUND
                : code instanceof Integer value && HttpStatus.resolve(value) != null ? HttpStatus.valueOf(value)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        ProblemDetail problem;
        if (status.is5xxServerError()) {
            String correlationId = correlationIds.current();
            log.error("Unexpected error on {} [correlationId={}]",
                    request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), correlationId,
                    (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
            problem = ProblemResponses.unexpectedProblem(correlationId);
        }
        else if (status == HttpStatus.BAD_REQUEST) {
            problem = ProblemDetail.forStatusAndDetail(status, UNREADABLE_REQUEST);
        }
        else {
            problem = ProblemDetail.forStatus(status);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
