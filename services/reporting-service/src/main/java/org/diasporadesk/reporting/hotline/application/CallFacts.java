package org.diasporadesk.reporting.hotline.application;

import java.util.Collection;
import java.util.Map;

import org.diasporadesk.events.hotline.CallLogged;

/** Reporting's projection of calls on office lines: answered or missed, per office. */
public interface CallFacts {

    /** @return false if skipped as a redelivery */
    boolean logged(CallLogged call, long sequence);

    record Counts(long answered, long missed) {
    }

    /** Per municipality that has any. */
    Map<String, Counts> byMunicipality(Collection<String> municipalityCodes);
}
