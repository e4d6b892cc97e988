package org.diasporadesk.events;

/**
 * The payload of an event: an immutable record, named as a fact in the past tense. Each producing context
 * has a sealed sub-interface in its own package ({@code registry.RegistryEvent}); this root cannot be sealed
 * across packages outside a named module.
 */
public interface EventPayload {
}
