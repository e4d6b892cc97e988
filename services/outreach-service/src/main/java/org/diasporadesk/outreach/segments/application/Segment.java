package org.diasporadesk.outreach.segments.application;

import java.time.Instant;

/**
 * A saved, named selection of recipients: everyone in {@code area} (a municipality, a region or the nation)
 * who meets the criteria. Only people who consented to outreach are recipients at all.
 */
public record Segment(String id, String name, String area, SegmentCriteria criteria, String createdBy,
        Instant createdAt) {
}
