package org.diasporadesk.registry.household.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonIgnore;

import org.diasporadesk.events.registry.AgeBand;
import org.diasporadesk.events.registry.HouseholdRegistered;
import org.diasporadesk.events.registry.HouseholdStatisticsRecorded;
import org.diasporadesk.events.registry.HouseholdUpdated;
import org.diasporadesk.events.registry.MigrantErased;
import org.diasporadesk.events.registry.RegistryEvent;
import org.diasporadesk.events.registry.HouseholdStatisticsRecorded.MigrantProfile;

/**
 * A household in the home community and the migrants its family reported: the registry's aggregate.
 * Every change returns the new state with the events it causes ({@link HouseholdChange}).
 *
 * <p>{@code erased} and {@code history} belong to the aggregate so that they are written atomically with the
 * state they describe; they are not part of the household's representation ({@code @JsonIgnore}): history has
 * its own resource, and erased migrants are gone for every reader. A household whose every migrant was erased
 * keeps only ids ({@link #fullyErased()}). {@code version} is the stored version the state was read at (null
 * before the first write): a change is written only if nobody else wrote the household meanwhile.
 */
public record Household(String id, String municipalityCode, String locality, List<Informant> informants,
        List<Migrant> migrants, Provenance provenance, Instant registeredAt,
        @JsonIgnore List<ErasedMigrant> erased, @JsonIgnore List<MigrantHistoryEntry> history,
        @JsonIgnore Long version) {

    /** The fields an officer may correct, by the name the API and the history use. */
    private static final Map<String, Function<Migrant, Object>> DETAILS = detailFields();

    public Household {
        informants = List.copyOf(informants);
        migrants = List.copyOf(migrants);
        erased = List.copyOf(Objects.requireNonNullElse(erased, List.of()));
        history = List.copyOf(Objects.requireNonNullElse(history, List.of()));
    }

    /**
     * Registers a household. Two facts follow: the personal record for the services that contact people,
     * and the household's statistical profile for planners.
     */
    public static HouseholdChange register(String id, String municipalityCode, String locality,
            List<Informant> informants, List<Migrant> migrants, Provenance provenance, Instant now) {
        if (migrants.isEmpty()) {
            throw new IllegalArgumentException("a household is registered with at least one migrant");
        }
        Household household = new Household(id, municipalityCode, locality, informants, migrants, provenance, now,
                List.of(), List.of(), null);
        return new HouseholdChange(household, List.of(household.registered(), household.statistics(now)));
    }

    public Optional<Migrant> migrant(String migrantId) {
        return migrants.stream().filter(migrant -> migrant.migrantId().equals(migrantId)).findFirst();
    }

    /** True once every migrant was erased: nothing personal is left, and readers are told it does not exist. */
    public boolean fullyErased() {
        return migrants.isEmpty();
    }

    /** Whether the migrant was erased from this household at their request; such a migrant is never added again. */
    public boolean wasErased(String migrantId) {
        return erased.stream().anyMatch(gone -> gone.migrantId().equals(migrantId));
    }

    /** The changes recorded for one migrant, oldest first. */
    public List<MigrantHistoryEntry> historyOf(String migrantId) {
        return history.stream().filter(entry -> entry.migrantId().equals(migrantId)).toList();
    }

    /**
     * Adds migrants reported later (another row of an import, say). Migrants already in the household (same
     * id) are left as they are, so adding the same migrant twice changes nothing and causes no event; migrants
     * erased from it are not added back.
     */
    public HouseholdChange addMigrants(List<Migrant> reported, Instant now) {
        Set<String> known = migrants.stream().map(Migrant::migrantId).collect(Collectors.toSet());
        List<Migrant> added = reported.stream()
            .filter(migrant -> !known.contains(migrant.migrantId()) && !wasErased(migrant.migrantId()))
            .toList();
        if (added.isEmpty()) {
            return new HouseholdChange(this, List.of());
        }
        List<Migrant> all = new ArrayList<>(migrants);
        all.addAll(added);
        return withMigrants(all, history, now, true);
    }

    /**
     * Replaces a migrant's details (everything but the id and consent, which changes through
     * {@link #changeConsent}). Only fields that differ are recorded; an unchanged record causes no event.
     */
    public HouseholdChange correctMigrant(Migrant corrected, String changedBy, String note, Instant now) {
        Migrant current = migrant(corrected.migrantId()).orElseThrow(() -> unknown(corrected.migrantId()));
        Migrant updated = new Migrant(current.migrantId(), corrected.givenName(), corrected.familyName(),
                corrected.nameLatin(), corrected.sex(), corrected.birthYear(), corrected.destinationCountry(),
                corrected.destinationCity(), corrected.departureYear(), corrected.lifecycleStage(),
                corrected.preferredLanguage(), corrected.phones(), corrected.email(), current.consent());
        List<MigrantHistoryEntry.FieldChange> changes = new ArrayList<>();
        DETAILS.forEach((field, value) -> {
            Object before = value.apply(current);
            Object after = value.apply(updated);
            if (!Objects.equals(before, after)) {
                changes.add(new MigrantHistoryEntry.FieldChange(field, text(before), text(after)));
            }
        });
        if (changes.isEmpty()) {
            return new HouseholdChange(this, List.of());
        }
        return replacing(updated, new MigrantHistoryEntry(updated.migrantId(), now, changedBy,
                MigrantHistoryEntry.Kind.DETAILS, changes, note), now, true);
    }

    /**
     * Gives or withdraws consent for one purpose. The services that contact people learn it from the household
     * snapshot that follows; statistics change only with consent to statistics.
     */
    public HouseholdChange changeConsent(String migrantId, ConsentPurpose purpose, boolean granted, String changedBy,
            String note, Instant now) {
        Migrant current = migrant(migrantId).orElseThrow(() -> unknown(migrantId));
        if (current.consent().given(purpose) == granted) {
            return new HouseholdChange(this, List.of());
        }
        Migrant updated = new Migrant(current.migrantId(), current.givenName(), current.familyName(),
                current.nameLatin(), current.sex(), current.birthYear(), current.destinationCountry(),
                current.destinationCity(), current.departureYear(), current.lifecycleStage(),
                current.preferredLanguage(), current.phones(), current.email(), current.consent().with(purpose, granted));
        String field = "consent." + purpose.name().toLowerCase(java.util.Locale.ROOT);
        return replacing(updated, new MigrantHistoryEntry(migrantId, now, changedBy, MigrantHistoryEntry.Kind.CONSENT,
                List.of(new MigrantHistoryEntry.FieldChange(field, String.valueOf(!granted), String.valueOf(granted))),
                note), now, purpose == ConsentPurpose.STATISTICS);
    }

    /**
     * Erases a migrant at their request: their record and history go; the id stays, and so does their
     * anonymous profile if they had consented to statistics, so figures keep counting them without a person
     * behind the count. When no migrant is left the informants go too: the household exists for its migrants.
     */
    public HouseholdChange eraseMigrant(String migrantId, Instant now) {
        Migrant gone = migrant(migrantId).orElseThrow(() -> unknown(migrantId));
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<ErasedMigrant> nowErased = new ArrayList<>(erased);
        nowErased.add(new ErasedMigrant(migrantId, now, gone.consent().statistics() ? profile(gone, today) : null));
        List<Migrant> remaining = migrants.stream().filter(migrant -> migrant != gone).toList();
        List<MigrantHistoryEntry> remainingHistory = history.stream()
            .filter(entry -> !entry.migrantId().equals(migrantId))
            .toList();
        boolean householdErased = remaining.isEmpty();
        Household after = householdErased
                ? new Household(id, municipalityCode, null, List.of(), List.of(),
                        new Provenance(provenance.collectedBy(), null, provenance.collectedOn()), registeredAt,
                        nowErased, List.of(), version)
                : new Household(id, municipalityCode, locality, informants, remaining, provenance, registeredAt,
                        nowErased, remainingHistory, version);
        MigrantErased erasure = new MigrantErased(id, migrantId, municipalityCode, householdErased, now);
        // The household's remaining members follow as a snapshot, so projections drop the erased one whole.
        List<RegistryEvent> events = householdErased ? List.of(erasure)
                : List.of(erasure, after.updated());
        return new HouseholdChange(after, events);
    }

    private HouseholdChange replacing(Migrant updated, MigrantHistoryEntry entry, Instant now, boolean statistics) {
        List<Migrant> all = migrants.stream()
            .map(migrant -> migrant.migrantId().equals(updated.migrantId()) ? updated : migrant)
            .toList();
        List<MigrantHistoryEntry> longer = new ArrayList<>(history);
        longer.add(entry);
        return withMigrants(all, longer, now, statistics);
    }

    private HouseholdChange withMigrants(List<Migrant> all, List<MigrantHistoryEntry> newHistory, Instant now,
            boolean statistics) {
        Household after = new Household(id, municipalityCode, locality, informants, all, provenance, registeredAt,
                erased, newHistory, version);
        List<RegistryEvent> events = new ArrayList<>();
        events.add(after.updated());
        if (statistics) {
            events.add(after.statistics(now));
        }
        return new HouseholdChange(after, events);
    }

    private HouseholdRegistered registered() {
        return new HouseholdRegistered(id, municipalityCode, locality,
                informants.stream()
                    .map(informant -> new HouseholdRegistered.Informant(informant.name(), informant.relation(),
                            informant.phone()))
                    .toList(),
                migrants.stream().map(Household::registeredMigrant).toList(),
                new HouseholdRegistered.Provenance(provenance.collectedBy(), provenance.informantName(),
                        provenance.collectedOn()));
    }

    private HouseholdUpdated updated() {
        HouseholdRegistered snapshot = registered();
        return new HouseholdUpdated(id, municipalityCode, locality, snapshot.informants(), snapshot.migrants(),
                snapshot.provenance());
    }

    /**
     * The PII-free profile: only migrants who consented to statistics, with age bands instead of birth years,
     * and the anonymous profiles of erased migrants who had consented.
     */
    HouseholdStatisticsRecorded statistics(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Stream<MigrantProfile> current = migrants.stream()
            .filter(migrant -> migrant.consent().statistics())
            .map(migrant -> profile(migrant, today));
        Stream<MigrantProfile> anonymous = erased.stream().map(ErasedMigrant::anonymousProfile).filter(Objects::nonNull);
        return new HouseholdStatisticsRecorded(municipalityCode, today, Stream.concat(current, anonymous).toList());
    }

    private static MigrantProfile profile(Migrant migrant, LocalDate today) {
        return new MigrantProfile(migrant.sex(), AgeBand.of(migrant.birthYear(), today.getYear()),
                migrant.destinationCountry(), migrant.lifecycleStage());
    }

    private static HouseholdRegistered.Migrant registeredMigrant(Migrant migrant) {
        Consent consent = migrant.consent();
        return new HouseholdRegistered.Migrant(migrant.migrantId(), migrant.givenName(), migrant.familyName(),
                migrant.nameLatin(), migrant.sex(), migrant.birthYear(), migrant.destinationCountry(),
                migrant.destinationCity(), migrant.departureYear(), migrant.lifecycleStage(),
                migrant.preferredLanguage(), migrant.phones(), migrant.email(),
                new HouseholdRegistered.Consent(consent.hotline(), consent.outreach(), consent.statistics()));
    }

    private IllegalArgumentException unknown(String migrantId) {
        return new IllegalArgumentException("household " + id + " has no migrant " + migrantId);
    }

    private static String text(Object value) {
        if (value instanceof List<?> list) {
            return list.isEmpty() ? null : list.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        return value == null ? null : value.toString();
    }

    private static Map<String, Function<Migrant, Object>> detailFields() {
        Map<String, Function<Migrant, Object>> fields = new java.util.LinkedHashMap<>();
        fields.put("givenName", Migrant::givenName);
        fields.put("familyName", Migrant::familyName);
        fields.put("nameLatin", Migrant::nameLatin);
        fields.put("sex", Migrant::sex);
        fields.put("birthYear", Migrant::birthYear);
        fields.put("destinationCountry", Migrant::destinationCountry);
        fields.put("destinationCity", Migrant::destinationCity);
        fields.put("departureYear", Migrant::departureYear);
        fields.put("lifecycleStage", Migrant::lifecycleStage);
        fields.put("preferredLanguage", Migrant::preferredLanguage);
        fields.put("phones", Migrant::phones);
        fields.put("email", Migrant::email);
        return java.util.Collections.unmodifiableMap(fields);
    }
}
