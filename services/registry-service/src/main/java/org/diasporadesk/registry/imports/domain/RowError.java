package org.diasporadesk.registry.imports.domain;

/** Why a row was not imported: its line in the file (the header is line 1), the column, the value. */
public record RowError(long line, String column, String value, String reason) {
}
