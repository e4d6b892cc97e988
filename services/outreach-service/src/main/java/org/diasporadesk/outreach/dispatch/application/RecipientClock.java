package org.diasporadesk.outreach.dispatch.application;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.diasporadesk.chassis.territory.Territory;
import org.diasporadesk.chassis.time.DestinationTimeZones;
import org.diasporadesk.outreach.dispatch.domain.QuietHours;
import org.diasporadesk.outreach.recipients.application.Recipient;
import org.springframework.stereotype.Component;

/**
 * When a recipient may be written to: outside the quiet hours of the zone they live in (destination country
 * and city), of every zone of their country when the city does not tell, or of the office's zone when the
 * destination is unknown or the recipient is a family member at home.
 */
@Component
public class RecipientClock {

    private final DestinationTimeZones timeZones;
    private final QuietHours quietHours;
    private final List<ZoneId> fallback;

    RecipientClock(DestinationTimeZones timeZones, DispatchProperties properties, Territory territory) {
        this.timeZones = timeZones;
        this.quietHours = new QuietHours(properties.quietFrom(), properties.quietUntil());
        String office = properties.officeZone() != null && !properties.officeZone().isBlank() ? properties.officeZone()
                : timeZones.of(territory.country(), null).orElse("UTC");
        this.fallback = List.of(ZoneId.of(office));
    }

    /** The office's own zone, in which session dates are given. */
    public ZoneId officeZone() {
        return fallback.get(0);
    }

    public Instant nextAllowed(Recipient recipient, Instant now) {
        return quietHours.nextAllowed(now, zones(recipient));
    }

    List<ZoneId> zones(Recipient recipient) {
        if (recipient.atHome()) {
            return fallback;
        }
        var zone = timeZones.of(recipient.destinationCountry(), recipient.destinationCity());
        if (zone.isPresent()) {
            return List.of(ZoneId.of(zone.get()));
        }
        List<String> all = timeZones.allOf(recipient.destinationCountry());
        return all.isEmpty() ? fallback : all.stream().map(ZoneId::of).toList();
    }
}
