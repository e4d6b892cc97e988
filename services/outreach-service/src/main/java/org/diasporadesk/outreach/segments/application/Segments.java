package org.diasporadesk.outreach.segments.application;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The saved segments. */
public interface Segments {

    void insert(Segment segment);

    Optional<Segment> find(String id);

    /** Segments whose area is one of these, newest first. */
    List<Segment> inAreas(Collection<String> areaCodes);
}
