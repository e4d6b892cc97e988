package org.diasporadesk.chassis.territory;

/**
 * One unit of a country's territorial hierarchy (a municipality, a region, the nation, or a barangay or
 * province elsewhere). {@code parent} is {@code null} only for the top unit.
 */
public record TerritorialUnit(String code, String name, String localName, String level, String parent) {
}
