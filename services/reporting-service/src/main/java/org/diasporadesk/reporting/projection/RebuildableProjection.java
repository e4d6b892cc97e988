package org.diasporadesk.reporting.projection;

/**
 * A store that holds nothing but what events put there, so that it can be emptied and filled again from the
 * Kafka history. Sign-offs are not one: they are planners' decisions, not derived from events.
 */
public interface RebuildableProjection {

    /** Forgets everything the events put here; a replay then starts from nothing. */
    void clearForRebuild();
}
