package org.diasporadesk.outreach.recipients.application;

import org.diasporadesk.events.outreach.RecipientOptedOut;

/**
 * Who asked to receive no more outreach messages. An opt-out holds until the registry's own record shows the
 * consent withdrawn; from then on the registry's consent decides, so a consent given again later counts.
 */
public interface OptOuts {

    /** Records the opt-out and the event that tells the registry, in one write. */
    void record(RecipientOptedOut optOut);

    /** True while an opt-out waits for the registry to withdraw the consent. */
    boolean pending(String migrantId);

    /** The registry has withdrawn the consent: the opt-out has done its work. */
    void settle(String migrantId);
}
