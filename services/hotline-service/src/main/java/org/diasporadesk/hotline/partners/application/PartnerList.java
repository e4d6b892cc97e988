package org.diasporadesk.hotline.partners.application;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.diasporadesk.chassis.web.InvalidFieldException;
import org.diasporadesk.chassis.web.NotFoundException;
import org.springframework.stereotype.Service;

/** The managed list of partner organisations. */
@Service
public class PartnerList {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final Partners partners;

    PartnerList(Partners partners) {
        this.partners = partners;
    }

    public Partner add(String name, Partner.Kind kind, String country, String contact) {
        String code = country == null || country.isBlank() ? null : country.strip().toUpperCase(Locale.ROOT);
        if (code != null && !COUNTRIES.contains(code)) {
            throw new InvalidFieldException("country", "'" + country + "' is not an ISO 3166-1 alpha-2 country code");
        }
        Partner partner = new Partner(UUID.randomUUID().toString(), name.strip(), kind, code,
                contact == null ? null : contact.strip(), true);
        partners.save(partner);
        return partner;
    }

    public Partner setActive(String id, boolean active) {
        Partner partner = get(id);
        Partner changed = new Partner(partner.id(), partner.name(), partner.kind(), partner.country(), partner.contact(),
                active);
        partners.save(changed);
        return changed;
    }

    public Partner get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("partner", id));
    }

    public Optional<Partner> find(String id) {
        return partners.find(id);
    }

    public List<Partner> all() {
        return partners.all();
    }
}
