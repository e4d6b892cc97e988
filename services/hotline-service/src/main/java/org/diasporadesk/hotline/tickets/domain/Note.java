package org.diasporadesk.hotline.tickets.domain;

import java.time.Instant;

/** A line an agent wrote on a ticket. Notes are only ever added, never edited: they are the ticket's record. */
public record Note(String author, Instant at, String text) {
}
