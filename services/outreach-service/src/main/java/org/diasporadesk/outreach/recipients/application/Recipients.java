package org.diasporadesk.outreach.recipients.application;

import java.util.Collection;
import java.util.Map;

/** Outreach's own projection of reachable migrants. */
public interface Recipients {

    /** @return false if an equal or newer version of the recipient was held already */
    boolean storeIfNewer(Recipient recipient);

    /** Recipients per preferred language in the given municipalities. */
    Map<String, Long> countByLanguage(Collection<String> municipalityCodes);
}
