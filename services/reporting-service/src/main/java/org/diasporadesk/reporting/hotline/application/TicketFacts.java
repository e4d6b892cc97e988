package org.diasporadesk.reporting.hotline.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.diasporadesk.events.hotline.ReferralOutcomeRecorded;
import org.diasporadesk.events.hotline.TicketOpened;
import org.diasporadesk.events.hotline.TicketReferred;
import org.diasporadesk.events.hotline.TicketResponded;
import org.diasporadesk.events.hotline.TicketServiceLevelBreached;
import org.diasporadesk.events.hotline.TicketStatusChanged;

/** Reporting's projection of hotline tickets; each write is applied only if its sequence is newer. */
public interface TicketFacts {

    /** @return false if skipped as a redelivery */
    boolean opened(TicketOpened opened, long sequence);

    /** @return false if skipped as a redelivery */
    boolean statusChanged(TicketStatusChanged changed, long sequence);

    /** @return false if skipped as a redelivery */
    boolean responded(TicketResponded responded, long sequence);

    /** @return false if skipped as a redelivery */
    boolean breached(TicketServiceLevelBreached breached, long sequence);

    /** @return false if skipped as a redelivery */
    boolean referred(TicketReferred referred, long sequence);

    /** @return false if skipped as a redelivery */
    boolean referralOutcome(ReferralOutcomeRecorded outcome, long sequence);

    List<TicketFact> within(Collection<String> municipalityCodes);

    /** Tickets opened from {@code from} up to but not including {@code until}: where and when. */
    List<Opened> openedBetween(Instant from, Instant until);

    record Opened(String municipalityCode, Instant openedAt) {
    }
}
