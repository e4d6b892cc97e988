package org.diasporadesk.testsupport;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Reads the service's own counters, for tests that wait until a consumer has seen something. */
public final class TestMetrics {

    private TestMetrics() {
    }

    /** The sum of a counter over all its tags; 0 before it was first incremented. */
    public static double count(MeterRegistry meters, String name) {
        return meters.find(name).counters().stream().mapToDouble(Counter::count).sum();
    }
}
