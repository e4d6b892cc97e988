package org.diasporadesk.reporting.replay;

import java.time.Instant;

/**
 * Where a rebuild of the projections stands.
 *
 * @param events         the events in the topics when the replay started: what it will read
 * @param applied        events read and handed to the projections (redeliveries among them change nothing)
 * @param unreadable     events that could not be read (they went to a dead-letter topic when they first came)
 * @param eventsPerSecond the rate so far
 * @param message        for a FAILED replay, what went wrong and what to do next
 */
public record ReplayProgress(String id, State state, Instant startedAt, Instant finishedAt, long events,
        long applied, long unreadable, double percentDone, long eventsPerSecond, String message) {

    public enum State {
        RUNNING, COMPLETED, FAILED
    }
}
