package org.diasporadesk.events.registry;

/** Where a migrant stands in the migration cycle. */
public enum LifecycleStage {
    PROSPECTIVE,
    ABROAD,
    RETURNING,
    RETURNED
}
