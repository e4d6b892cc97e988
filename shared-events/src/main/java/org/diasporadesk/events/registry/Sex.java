package org.diasporadesk.events.registry;

public enum Sex {
    FEMALE,
    MALE,
    OTHER,
    UNKNOWN
}
