package org.diasporadesk.hotline.emergencies.application;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How emergencies reach a person.
 *
 * @param acknowledgeWithin office time a supervisor has to acknowledge an alert before it goes to the region
 * @param checkEvery        how often alerts are sent and overdue ones escalated
 * @param shownFor          how long an alert stays on the supervisors' board after its ticket opened
 * @param from              the sender of alert e-mails
 * @param contacts          e-mail addresses per area code: an office's supervisors on call under its municipality
 *                          code, the region's under the region's code
 */
@ConfigurationProperties("ddesk.hotline.emergencies")
public record EmergencyProperties(@DefaultValue("15m") Duration acknowledgeWithin, @DefaultValue("15s") Duration checkEvery,
        @DefaultValue("7d") Duration shownFor, @DefaultValue("hotline@diasporadesk.org") String from,
        @DefaultValue Map<String, List<String>> contacts) {

    public List<String> contactsOf(String areaCode) {
        return contacts.getOrDefault(areaCode, List.of());
    }
}
