package org.diasporadesk.hotline.emergencies.application;

import org.diasporadesk.hotline.emergencies.domain.EmergencyAlert;

/** Where an alert goes besides the supervisors' screens: the people on call for an office or a region. */
public interface AlertChannel {

    /**
     * Sends the alert to the area's contacts: an office's supervisors, or, for an escalation, the region's.
     *
     * @return false if the area has no contacts on this channel, or the channel is not configured (the alert is then on
     *         the screens only)
     * @throws RuntimeException if the channel failed; the sender tries again later
     */
    boolean send(EmergencyAlert alert, String areaCode, boolean escalation);
}
