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

    /** The sum of a counter over the tags other than this one, where this one has this value. */
    public static double count(MeterRegistry meters, String name, String tag, String value) {
        return meters.find(name).tag(tag, value).counters().stream().mapToDouble(Counter::count).sum();
    }
}
