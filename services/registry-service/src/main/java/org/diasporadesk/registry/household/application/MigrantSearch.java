package org.diasporadesk.registry.household.application;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.diasporadesk.chassis.phone.PhoneNumbers;
import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.chassis.security.AreaAccess;
import org.diasporadesk.chassis.territory.Territory;
import org.diasporadesk.chassis.web.Paging;
import org.diasporadesk.events.registry.LifecycleStage;
import org.diasporadesk.registry.audit.application.AuditTrail;
import org.diasporadesk.registry.household.domain.Household;
import org.diasporadesk.registry.household.domain.Migrant;
import org.diasporadesk.registry.household.matching.domain.NameFolding;
import org.springframework.stereotype.Service;

/**
 * Finds migrants by name in any script or spelling, by phone in any format, by destination, lifecycle
 * stage and municipality, within the reader's area; every search is recorded in the audit trail.
 */
@Service
public class MigrantSearch {

    public static final int MAX_PAGE_SIZE = 100;

    private final HouseholdStore store;
    private final Territory territory;
    private final PhoneNumbers phones;
    private final AuditTrail audit;

    MigrantSearch(HouseholdStore store, Territory territory, PhoneNumbers phones, AuditTrail audit) {
        this.store = store;
        this.territory = territory;
        this.phones = phones;
        this.audit = audit;
    }

    public record Request(String name, String phone, String destinationCountry, LifecycleStage lifecycleStage,
            String municipality, int page, int size) {
    }

    public record MigrantSummary(String migrantId, String householdId, String municipalityCode, String givenName,
            String familyName, String nameLatin, Integer birthYear, String destinationCountry, String destinationCity,
            LifecycleStage lifecycleStage, List<String> phones) {
    }

    public record Page(List<MigrantSummary> items, int page, int size, long total) {
    }

    public Page search(Request request, Actor reader, String purpose) {
        Paging.check(request.page(), request.size(), MAX_PAGE_SIZE, "migrants");
        MigrantQuery query = new MigrantQuery(municipalities(request.municipality(), reader),
                NameFolding.tokens(request.name()),
                request.phone() == null ? null : phones.toE164(request.phone(), territory.country(), "phone"),
                request.destinationCountry() == null ? null : request.destinationCountry().toUpperCase(Locale.ROOT),
                request.lifecycleStage());
        List<MigrantSummary> matches = new ArrayList<>();
        for (Household household : store.search(query)) {
            for (Migrant migrant : household.migrants()) {
                if (matches(migrant, query)) {
                    matches.add(summary(household, migrant));
                }
            }
        }
        int from = Math.min(matches.size(), request.page() * request.size());
        List<MigrantSummary> items = matches.subList(from, Math.min(matches.size(), from + request.size()));
        audit.recordRead(reader, describe(request), items.stream().map(MigrantSummary::migrantId)
            .toList(), purpose);
        return new Page(List.copyOf(items), request.page(), request.size(), matches.size());
    }

    /** The requested unit's municipalities, or all the reader covers when none is requested. */
    private List<String> municipalities(String requested, Actor reader) {
        if (requested != null) {
            AreaAccess.require(reader, territory, "municipality", requested);
            return territory.lowestLevelUnitsWithin(requested);
        }
        return territory.lowestLevelUnits().stream()
            .filter(code -> reader.covers(code, territory))
            .toList();
    }

    /** The household query is coarse (tokens of any of its migrants); each migrant must match on its own. */
    private static boolean matches(Migrant migrant, MigrantQuery query) {
        if (!query.nameTokens().isEmpty()) {
            Set<String> tokens = new HashSet<>(NameFolding.tokens(migrant.givenName()));
            tokens.addAll(NameFolding.tokens(migrant.familyName()));
            tokens.addAll(NameFolding.tokens(migrant.nameLatin()));
            if (!tokens.containsAll(query.nameTokens())) {
                return false;
            }
        }
        return (query.phone() == null || migrant.phones().contains(query.phone()))
                && (query.destinationCountry() == null || query.destinationCountry().equals(migrant.destinationCountry()))
                && (query.lifecycleStage() == null || query.lifecycleStage() == migrant.lifecycleStage());
    }

    private static MigrantSummary summary(Household household, Migrant migrant) {
        return new MigrantSummary(migrant.migrantId(), household.id(), household.municipalityCode(), migrant.givenName(),
                migrant.familyName(), migrant.nameLatin(), migrant.birthYear(), migrant.destinationCountry(),
                migrant.destinationCity(), migrant.lifecycleStage(), migrant.phones());
    }

    /**
     * The audit trail's action for a search: the name and number a search was for are personal data and would
     * outlive the person's erasure there, so only that they were given is recorded; the other criteria are not
     * personal and are kept.
     */
    private static String describe(Request request) {
        List<String> criteria = new ArrayList<>();
        if (request.name() != null) {
            criteria.add("name");
        }
        if (request.phone() != null) {
            criteria.add("phone");
        }
        if (request.destinationCountry() != null) {
            criteria.add("destination=" + request.destinationCountry());
        }
        if (request.lifecycleStage() != null) {
            criteria.add("stage=" + request.lifecycleStage());
        }
        if (request.municipality() != null) {
            criteria.add("municipality=" + request.municipality());
        }
        return criteria.isEmpty() ? "search migrants" : "search migrants by " + String.join(" ", criteria);
    }
}
