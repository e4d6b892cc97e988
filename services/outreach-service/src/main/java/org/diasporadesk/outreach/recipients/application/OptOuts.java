package org.diasporadesk.outreach.recipients.application;

import java.util.Collection;
import java.util.Set;

import org.diasporadesk.events.outreach.RecipientOptedOut;

/**
 * Who asked to receive no more outreach messages. An opt-out holds until the registry's own record shows the
 * consent withdrawn; from then on the registry's consent decides, so a consent given again later counts.
 */
public interface OptOuts {

    /** Records the opt-out and the event that tells the registry, in one write. */
    void record(RecipientOptedOut optOut);

    /** Those of the migrants whose opt-out still waits for the registry to withdraw the consent: one read. */
    Set<String> pendingAmong(Collection<String> migrantIds);

    /** The registry has withdrawn the consent: the opt-out has done its work. */
    void settle(String migrantId);
}
