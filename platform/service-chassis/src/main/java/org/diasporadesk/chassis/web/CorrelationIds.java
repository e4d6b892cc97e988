package org.diasporadesk.chassis.web;

import java.util.Optional;
import java.util.UUID;

import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;

/** The id a user quotes to support for an error: the request's trace id, which every log line carries. */
final class CorrelationIds {

    private final ObjectProvider<Tracer> tracer;

    CorrelationIds(ObjectProvider<Tracer> tracer) {
        this.tracer = tracer;
    }

    /** The current trace id, or a fresh id where no trace runs (it is then logged with the error). */
    String current() {
        return Optional.ofNullable(tracer.getIfAvailable())
            .map(Tracer::currentSpan)
            .map(span -> span.context().traceId())
            .orElseGet(() -> UUID.randomUUID().toString());
    }
}
