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

import org.diasporadesk.events.registry.AgeBand;
import org.diasporadesk.events.registry.ErasureRecorded;
import org.diasporadesk.events.registry.FamilyMemberErased;
import org.diasporadesk.events.registry.FamilyRelation;
import org.diasporadesk.events.registry.HouseholdRegistered;
import org.diasporadesk.events.registry.HouseholdStatisticsRecorded;
import org.diasporadesk.events.registry.HouseholdUpdated;
import org.diasporadesk.events.registry.MigrantErased;
import org.diasporadesk.events.registry.MigrantsMerged;
import org.diasporadesk.events.registry.PersonKind;
import org.diasporadesk.events.registry.RegistryEvent;
import org.diasporadesk.events.registry.Sex;
import org.diasporadesk.events.registry.HouseholdStatisticsRecorded.FamilyMemberProfile;
import org.diasporadesk.events.registry.HouseholdStatisticsRecorded.MigrantProfile;

/**
 * A household in the home community, the migrants its family reported and the family members at home
 * ({@link Informant}): the registry's aggregate. Every change returns the new state with the events it causes
 * ({@link HouseholdChange}). Migrants and family members are people with ids from one space, so a history entry
 * or an erasure names either by its id alone.
 *
 * <p>{@code erased}, {@code merged} and {@code history} belong to the aggregate so that they are written
 * atomically with the state they describe; they are not part of the household's representation over HTTP: history
 * has its own resource, and erased or merged migrants are gone for every reader.
 * A household whose every migrant was erased or merged away keeps only ids ({@link #vacated()}). {@code version} is the stored version the state was read at (null
 * before the first write): a change is written only if nobody else wrote the household meanwhile.
 */
public record Household(String id, String municipalityCode, String locality, List<Informant> informants,
        List<Migrant> migrants, Provenance provenance, Instant registeredAt,
        List<ErasedMigrant> erased, List<MergedMigrant> merged, List<MigrantHistoryEntry> history, Long version) {

    /** The fields an officer may correct, by the name the API and the history use. */
    private static final Map<String, Function<Migrant, Object>> DETAILS = detailFields();
    private static final Map<String, Function<Informant, Object>> FAMILY_DETAILS = familyDetailFields();

    public Household {
        informants = List.copyOf(informants);
        migrants = List.copyOf(migrants);
        erased = List.copyOf(Objects.requireNonNullElse(erased, List.of()));
        merged = List.copyOf(Objects.requireNonNullElse(merged, List.of()));
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
                List.of(), List.of(), List.of(), null);
        return new HouseholdChange(household, List.of(household.registered(), household.statistics(now)));
    }

    public Optional<Migrant> migrant(String migrantId) {
        return migrants.stream().filter(migrant -> migrant.migrantId().equals(migrantId)).findFirst();
    }

    /**
     * True once no migrant is left (erased, or merged into another household): nothing personal is left, and
     * readers are told the household does not exist.
     */
    public boolean vacated() {
        return migrants.isEmpty();
    }

    public Optional<Informant> familyMember(String familyMemberId) {
        return informants.stream().filter(member -> familyMemberId.equals(member.familyMemberId())).findFirst();
    }

    /** Whether the migrant was erased from this household at their request; such a migrant is never added again. */
    public boolean wasErased(String migrantId) {
        return erased.stream().anyMatch(gone -> gone.migrantId().equals(migrantId));
    }

    /** Whether the record was merged into another record of the same person; it is never added again either. */
    public boolean wasMerged(String migrantId) {
        return merged.stream().anyMatch(gone -> gone.migrantId().equals(migrantId));
    }

    /** The changes recorded for one person (a migrant or a family member), oldest first. */
    public List<MigrantHistoryEntry> historyOf(String migrantId) {
        return history.stream().filter(entry -> entry.migrantId().equals(migrantId)).toList();
    }

    /**
     * Adds migrants reported later (another row of an import, say). Migrants already in the household (same
     * id) are left as they are, so adding the same migrant twice changes nothing and causes no event; migrants
     * erased from it or merged elsewhere are not added back.
     */
    public HouseholdChange addMigrants(List<Migrant> reported, Instant now) {
        Set<String> known = migrants.stream().map(Migrant::migrantId).collect(Collectors.toSet());
        List<Migrant> added = reported.stream()
            .filter(migrant -> !known.contains(migrant.migrantId()) && !wasErased(migrant.migrantId())
                    && !wasMerged(migrant.migrantId()))
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
        Migrant updated = current.withDetailsOf(corrected);
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
        Migrant updated = current.withConsent(current.consent().with(purpose, granted));
        String field = consentField(purpose);
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
        Household after = without(gone, nowErased, merged);
        boolean householdErased = after.vacated();
        MigrantErased erasure = new MigrantErased(id, migrantId, municipalityCode, householdErased, now);
        ErasureRecorded ledgerEntry = new ErasureRecorded(id, migrantId, municipalityCode, householdErased, now,
                PersonKind.MIGRANT);
        // The household's remaining members follow as a snapshot, so projections drop the erased one whole.
        List<RegistryEvent> events = householdErased ? List.of(erasure, ledgerEntry)
                : List.of(erasure, ledgerEntry, after.updated());
        return new HouseholdChange(after, events);
    }

    /**
     * Records another family member at home (a sibling who also calls, a spouse to invite to a training). Their
     * history starts with their consent as given, so that how it was given is on record.
     */
    public HouseholdChange addFamilyMember(Informant member, String changedBy, String note, Instant now) {
        if (familyMember(member.familyMemberId()).isPresent()) {
            return new HouseholdChange(this, List.of());
        }
        List<Informant> family = new ArrayList<>(informants);
        family.add(member);
        List<MigrantHistoryEntry> longer = new ArrayList<>(history);
        List<MigrantHistoryEntry.FieldChange> given = new ArrayList<>();
        for (ConsentPurpose purpose : ConsentPurpose.values()) {
            given.add(new MigrantHistoryEntry.FieldChange(consentField(purpose),
                    null, String.valueOf(member.consent().given(purpose))));
        }
        longer.add(new MigrantHistoryEntry(member.familyMemberId(), now, changedBy, MigrantHistoryEntry.Kind.CONSENT,
                given, note));
        Household after = new Household(id, municipalityCode, locality, family, migrants, provenance, registeredAt,
                erased, merged, longer, version);
        return new HouseholdChange(after, List.of(after.updated(), after.statistics(now)));
    }

    /** Replaces a family member's details (everything but the id and consent); only fields that differ are recorded. */
    public HouseholdChange correctFamilyMember(Informant corrected, String changedBy, String note, Instant now) {
        Informant current = familyMember(corrected.familyMemberId())
            .orElseThrow(() -> unknownFamilyMember(corrected.familyMemberId()));
        Informant updated = current.withDetailsOf(corrected);
        List<MigrantHistoryEntry.FieldChange> changes = new ArrayList<>();
        FAMILY_DETAILS.forEach((field, value) -> addChange(changes, field, text(value.apply(current)),
                text(value.apply(updated))));
        if (changes.isEmpty()) {
            return new HouseholdChange(this, List.of());
        }
        return replacingFamilyMember(updated, new MigrantHistoryEntry(updated.familyMemberId(), now, changedBy,
                MigrantHistoryEntry.Kind.DETAILS, changes, note), now, true);
    }

    /**
     * Gives or withdraws a family member's own consent for one purpose, exactly as a migrant's: the services that
     * contact people learn it from the snapshot that follows, figures from the statistics.
     */
    public HouseholdChange changeFamilyMemberConsent(String familyMemberId, ConsentPurpose purpose, boolean granted,
            String changedBy, String note, Instant now) {
        Informant current = familyMember(familyMemberId).orElseThrow(() -> unknownFamilyMember(familyMemberId));
        if (current.consent().given(purpose) == granted) {
            return new HouseholdChange(this, List.of());
        }
        Informant updated = current.withConsent(current.consent().with(purpose, granted));
        String field = consentField(purpose);
        return replacingFamilyMember(updated, new MigrantHistoryEntry(familyMemberId, now, changedBy,
                MigrantHistoryEntry.Kind.CONSENT,
                List.of(new MigrantHistoryEntry.FieldChange(field, String.valueOf(!granted), String.valueOf(granted))),
                note), now, purpose == ConsentPurpose.STATISTICS);
    }

    /**
     * Erases a family member at their request: their entry and history go; the household's migrants and other
     * family members stay. The provenance names the informant as the office wrote it down, so it goes too when it is
     * theirs. The ledger's entry lets a service restored from an older backup erase them again.
     */
    public HouseholdChange eraseFamilyMember(String familyMemberId, Instant now) {
        Informant gone = familyMember(familyMemberId).orElseThrow(() -> unknownFamilyMember(familyMemberId));
        List<Informant> remaining = informants.stream().filter(member -> member != gone).toList();
        Provenance source = Objects.equals(provenance.informantName(), gone.name())
                ? new Provenance(provenance.collectedBy(), null, provenance.collectedOn()) : provenance;
        List<MigrantHistoryEntry> remainingHistory = history.stream()
            .filter(entry -> !entry.migrantId().equals(familyMemberId))
            .toList();
        Household after = new Household(id, municipalityCode, locality, remaining, migrants, source, registeredAt,
                erased, merged, remainingHistory, version);
        return new HouseholdChange(after, List.of(
                new FamilyMemberErased(id, familyMemberId, municipalityCode, now),
                new ErasureRecorded(id, familyMemberId, municipalityCode, false, now, PersonKind.FAMILY_MEMBER),
                after.updated(), after.statistics(now)));
    }

    private HouseholdChange replacingFamilyMember(Informant updated, MigrantHistoryEntry entry, Instant now,
            boolean statistics) {
        List<Informant> family = informants.stream()
            .map(member -> updated.familyMemberId().equals(member.familyMemberId()) ? updated : member)
            .toList();
        List<MigrantHistoryEntry> longer = new ArrayList<>(history);
        longer.add(entry);
        Household after = new Household(id, municipalityCode, locality, family, migrants, provenance, registeredAt,
                erased, merged, longer, version);
        return new HouseholdChange(after, statistics ? List.of(after.updated(), after.statistics(now))
                : List.of(after.updated()));
    }

    /**
     * Takes in another record of the same migrant: phones and e-mail it adds are kept so that no way to reach
     * the person is lost, and so are the informants of its household when they would otherwise be left without a
     * migrant; consent stays only where both records have it (a withdrawal on either wins). Merging the same
     * record twice changes nothing, so a merge interrupted halfway can simply be repeated.
     */
    public HouseholdChange absorbDuplicate(String survivorId, Migrant duplicate, List<Informant> orphanedInformants,
            String changedBy, String note, Instant now) {
        Migrant survivor = migrant(survivorId).orElseThrow(() -> unknown(survivorId));
        boolean alreadyMerged = historyOf(survivorId).stream()
            .filter(entry -> entry.kind() == MigrantHistoryEntry.Kind.MERGED)
            .flatMap(entry -> entry.changes().stream())
            .anyMatch(change -> change.field().equals("mergedFrom") && duplicate.migrantId().equals(change.to()));
        if (alreadyMerged) {
            return new HouseholdChange(this, List.of());
        }
        List<String> phones = Stream.concat(survivor.phones().stream(), duplicate.phones().stream()).distinct().toList();
        String email = survivor.email() != null ? survivor.email() : duplicate.email();
        Consent consent = new Consent(survivor.consent().hotline() && duplicate.consent().hotline(),
                survivor.consent().outreach() && duplicate.consent().outreach(),
                survivor.consent().statistics() && duplicate.consent().statistics());
        List<String> messengers = Stream.concat(survivor.messengers().stream(), duplicate.messengers().stream())
            .distinct().toList();
        Migrant combined = survivor.withContacts(phones, email, messengers, consent);
        List<MigrantHistoryEntry.FieldChange> changes = new ArrayList<>();
        changes.add(new MigrantHistoryEntry.FieldChange("mergedFrom", null, duplicate.migrantId()));
        addChange(changes, "phones", text(survivor.phones()), text(phones));
        addChange(changes, "email", survivor.email(), email);
        addChange(changes, "messengers", text(survivor.messengers()), text(messengers));
        for (ConsentPurpose purpose : ConsentPurpose.values()) {
            addChange(changes, consentField(purpose),
                    String.valueOf(survivor.consent().given(purpose)), String.valueOf(consent.given(purpose)));
        }
        List<Informant> family = new ArrayList<>(informants);
        orphanedInformants.stream()
            .filter(informant -> family.stream().noneMatch(known -> sameInformant(known, informant)))
            .forEach(family::add);
        Household withFamily = new Household(id, municipalityCode, locality, family, migrants, provenance, registeredAt,
                erased, merged, history, version);
        return withFamily.replacing(combined, new MigrantHistoryEntry(survivorId, now, changedBy,
                MigrantHistoryEntry.Kind.MERGED, changes, note), now, true);
    }

    /**
     * Lets go of a record merged into {@code survivingMigrantId}: it leaves the household and its history goes
     * with it (the surviving record's history tells of the merge). When it was the last migrant the informants
     * go too; they were moved to the surviving household.
     */
    public HouseholdChange releaseDuplicate(String migrantId, String survivingHouseholdId, String survivingMigrantId,
            Instant now) {
        Migrant gone = migrant(migrantId).orElseThrow(() -> unknown(migrantId));
        List<MergedMigrant> nowMerged = new ArrayList<>(merged);
        nowMerged.add(new MergedMigrant(migrantId, survivingHouseholdId, survivingMigrantId, now));
        Household after = without(gone, erased, nowMerged);
        boolean emptied = after.vacated();
        MigrantsMerged fact = new MigrantsMerged(id, migrantId, survivingHouseholdId, survivingMigrantId,
                municipalityCode, emptied, now);
        // The duplicate was counted twice until now: the household's figures drop it.
        List<RegistryEvent> events = emptied ? List.of(fact, after.statistics(now))
                : List.of(fact, after.updated(), after.statistics(now));
        return new HouseholdChange(after, events);
    }

    /**
     * The household once a migrant has left it (erased or merged away), with their history. When nobody is left,
     * the informants, the locality and the informant's name go too: the household exists for its migrants.
     */
    private Household without(Migrant gone, List<ErasedMigrant> nowErased, List<MergedMigrant> nowMerged) {
        List<Migrant> remaining = migrants.stream().filter(migrant -> migrant != gone).toList();
        if (remaining.isEmpty()) {
            return new Household(id, municipalityCode, null, List.of(), List.of(),
                    new Provenance(provenance.collectedBy(), null, provenance.collectedOn()), registeredAt, nowErased,
                    nowMerged, List.of(), version);
        }
        List<MigrantHistoryEntry> remainingHistory = history.stream()
            .filter(entry -> !entry.migrantId().equals(gone.migrantId()))
            .toList();
        return new Household(id, municipalityCode, locality, informants, remaining, provenance, registeredAt, nowErased,
                nowMerged, remainingHistory, version);
    }

    private static boolean sameInformant(Informant a, Informant b) {
        return a.phone() != null ? a.phone().equals(b.phone()) : Objects.equals(a.name(), b.name());
    }

    /** The name a consent purpose has in the history and the API: {@code consent.outreach}. */
    private static String consentField(ConsentPurpose purpose) {
        return "consent." + purpose.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static void addChange(List<MigrantHistoryEntry.FieldChange> changes, String field, String from, String to) {
        if (!Objects.equals(from, to)) {
            changes.add(new MigrantHistoryEntry.FieldChange(field, from, to));
        }
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
                erased, merged, newHistory, version);
        List<RegistryEvent> events = new ArrayList<>();
        events.add(after.updated());
        if (statistics) {
            events.add(after.statistics(now));
        }
        return new HouseholdChange(after, events);
    }

    private HouseholdRegistered registered() {
        return new HouseholdRegistered(id, municipalityCode, locality,
                informants.stream().map(Household::registeredFamilyMember).toList(),
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
     * the anonymous profiles of erased migrants who had consented, and the family members who consented, by the
     * category of their relation and their sex.
     */
    HouseholdStatisticsRecorded statistics(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Stream<MigrantProfile> current = migrants.stream()
            .filter(migrant -> migrant.consent().statistics())
            .map(migrant -> profile(migrant, today));
        Stream<MigrantProfile> anonymous = erased.stream().map(ErasedMigrant::anonymousProfile).filter(Objects::nonNull);
        List<FamilyMemberProfile> family = informants.stream()
            .filter(member -> member.consent().statistics())
            .map(member -> new FamilyMemberProfile(FamilyRelation.of(member.relation()),
                    member.sex() == null ? Sex.UNKNOWN : member.sex()))
            .toList();
        return new HouseholdStatisticsRecorded(municipalityCode, today, Stream.concat(current, anonymous).toList(),
                family);
    }

    private static MigrantProfile profile(Migrant migrant, LocalDate today) {
        return new MigrantProfile(migrant.sex(), AgeBand.of(migrant.birthYear(), today.getYear()),
                migrant.destinationCountry(), migrant.lifecycleStage());
    }

    private static HouseholdRegistered.Informant registeredFamilyMember(Informant member) {
        Consent consent = member.consent();
        return new HouseholdRegistered.Informant(member.name(), member.relation(), member.phone(),
                member.familyMemberId(), member.sex(), member.preferredLanguage(),
                new HouseholdRegistered.Consent(consent.hotline(), consent.outreach(), consent.statistics()));
    }

    private static HouseholdRegistered.Migrant registeredMigrant(Migrant migrant) {
        Consent consent = migrant.consent();
        return new HouseholdRegistered.Migrant(migrant.migrantId(), migrant.givenName(), migrant.familyName(),
                migrant.nameLatin(), migrant.sex(), migrant.birthYear(), migrant.destinationCountry(),
                migrant.destinationCity(), migrant.departureYear(), migrant.lifecycleStage(),
                migrant.preferredLanguage(), migrant.phones(), migrant.email(),
                new HouseholdRegistered.Consent(consent.hotline(), consent.outreach(), consent.statistics()),
                migrant.occupation(), migrant.skills());
    }

    private IllegalArgumentException unknown(String migrantId) {
        return new IllegalArgumentException("household " + id + " has no migrant " + migrantId);
    }

    private IllegalArgumentException unknownFamilyMember(String familyMemberId) {
        return new IllegalArgumentException("household " + id + " has no family member " + familyMemberId);
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
        fields.put("messengers", Migrant::messengers);
        fields.put("occupation", Migrant::occupation);
        fields.put("skills", Migrant::skills);
        fields.put("education", Migrant::education);
        fields.put("verification.status", migrant -> migrant.verification().status());
        fields.put("verification.lastConfirmedContact", migrant -> migrant.verification().lastConfirmedContact());
        return java.util.Collections.unmodifiableMap(fields);
    }

    private static Map<String, Function<Informant, Object>> familyDetailFields() {
        Map<String, Function<Informant, Object>> fields = new java.util.LinkedHashMap<>();
        fields.put("name", Informant::name);
        fields.put("relation", Informant::relation);
        fields.put("sex", Informant::sex);
        fields.put("phone", Informant::phone);
        fields.put("preferredLanguage", Informant::preferredLanguage);
        return java.util.Collections.unmodifiableMap(fields);
    }
}
