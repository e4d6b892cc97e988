package org.diasporadesk.outreach.recipients.application;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.diasporadesk.chassis.messaging.EventReceiver;
import org.diasporadesk.chassis.messaging.ReceivedEvent;
import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.chassis.security.AreaAccess;
import org.diasporadesk.chassis.territory.Territory;
import org.diasporadesk.chassis.web.NotFoundException;
import org.diasporadesk.events.outreach.RecipientOptedOut;
import org.diasporadesk.events.registry.FamilyMemberErased;
import org.diasporadesk.events.registry.FamilyRelation;
import org.diasporadesk.events.registry.HouseholdRegistered;
import org.diasporadesk.events.registry.HouseholdSnapshot;
import org.diasporadesk.events.registry.LifecycleStage;
import org.diasporadesk.events.registry.MigrantErased;
import org.diasporadesk.events.registry.MigrantsMerged;
import org.diasporadesk.events.registry.PeopleEvent;
import org.diasporadesk.events.registry.PersonKind;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Keeps the reachable people (migrants, and family members at home) from registry events and tells coordinators how
 * many they can reach.
 */
@Service
public class RecipientRegister {

    private final Recipients recipients;
    private final OptOuts optOuts;
    private final Territory territory;
    private final EventReceiver receiver;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RecipientRegister(Recipients recipients, OptOuts optOuts, Territory territory, EventReceiver receiver,
            ApplicationEventPublisher events, Clock clock) {
        this.recipients = recipients;
        this.optOuts = optOuts;
        this.territory = territory;
        this.receiver = receiver;
        this.events = events;
        this.clock = clock;
    }

    public record Reach(String area, long recipients, Map<String, Long> byLanguage) {
    }

    public void apply(ReceivedEvent<PeopleEvent> event) {
        long sequence = event.envelope().sequence();
        if (event.payload() instanceof HouseholdSnapshot) {
            applyHouseholds(List.of(event));
        }
        else if (event.payload() instanceof MigrantErased erased) {
            forget(erased.householdId(), erased.migrantId(), erased.householdErased(), sequence);
        }
        else if (event.payload() instanceof FamilyMemberErased erased) {
            // The household's snapshot that follows no longer holds them; everything else outreach held goes now.
            recipients.erase(erased.familyMemberId());
            events.publishEvent(new RecipientLeft(erased.familyMemberId(), true));
        }
        else if (event.payload() instanceof MigrantsMerged merged) {
            // The surviving record's household snapshot brings the person back under the surviving id.
            events.publishEvent(new RecipientMerged(merged.migrantId(), merged.householdId(),
                    merged.survivingMigrantId(), merged.survivingHouseholdId(), merged.householdEmptied()));
            forget(merged.householdId(), merged.migrantId(), merged.householdEmptied(), sequence);
        }
    }

    /**
     * Household snapshots, a poll's worth at once. Without consent, outreach never holds the person's data at all;
     * withdrawn consent deletes it, and the person's waiting messages are withdrawn. Of several snapshots of one
     * household the last counts; one applied already is a redelivery.
     */
    public void applyHouseholds(List<ReceivedEvent<PeopleEvent>> snapshots) {
        Map<String, ReceivedEvent<PeopleEvent>> latest = new LinkedHashMap<>();
        snapshots.forEach(event -> latest.put(((HouseholdSnapshot) event.payload()).householdId(), event));
        Set<String> optedOut = optOuts.pendingAmong(latest.values().stream()
            .flatMap(event -> personIds((HouseholdSnapshot) event.payload()))
            .toList());
        List<Recipients.HouseholdRecipients> households = new ArrayList<>();
        for (ReceivedEvent<PeopleEvent> event : latest.values()) {
            HouseholdSnapshot household = (HouseholdSnapshot) event.payload();
            long sequence = event.envelope().sequence();
            List<Recipient> consenting = new ArrayList<>();
            for (HouseholdRegistered.Migrant migrant : household.migrants()) {
                if (!migrant.consent().outreach()) {
                    // The registry has withdrawn the consent: a waiting opt-out has done its work.
                    if (optedOut.contains(migrant.migrantId())) {
                        optOuts.settle(migrant.migrantId());
                    }
                }
                else if (!optedOut.contains(migrant.migrantId())) {
                    consenting.add(new Recipient(migrant.migrantId(), household.householdId(), sequence,
                            household.municipalityCode(),
                            migrant.nameLatin() != null ? migrant.nameLatin() : migrant.givenName(),
                            migrant.preferredLanguage(), migrant.destinationCountry(), migrant.destinationCity(),
                            migrant.phones(), migrant.email(), migrant.sex(), migrant.birthYear(),
                            migrant.lifecycleStage(), migrant.occupation(), migrant.skills(), PersonKind.MIGRANT, null,
                            null, null));
                }
            }
            for (HouseholdRegistered.Informant member : household.informants()) {
                // Without an id or consent of their own (events from before), a family member is no recipient.
                if (member.familyMemberId() == null || member.consent() == null) {
                    continue;
                }
                if (!member.consent().outreach()) {
                    if (optedOut.contains(member.familyMemberId())) {
                        optOuts.settle(member.familyMemberId());
                    }
                }
                else if (!optedOut.contains(member.familyMemberId())) {
                    consenting.add(familyRecipient(household, member, sequence));
                }
            }
            households.add(new Recipients.HouseholdRecipients(household.householdId(), sequence, consenting));
        }
        Recipients.Replacement replacement = recipients.replaceHouseholds(households);
        replacement.skipped().forEach(skipped -> receiver.skippedDuplicate(latest.get(skipped).envelope()));
        replacement.left().forEach(left -> events.publishEvent(new RecipientLeft(left, false)));
    }

    /**
     * A person the erasure ledger says was erased, back as a recipient from a restored backup: forgotten again,
     * with everything outreach held about them. Nothing happens for anyone not back.
     */
    public void forgetAgain(String migrantId) {
        if (recipients.find(migrantId).isPresent()) {
            recipients.erase(migrantId);
            events.publishEvent(new RecipientLeft(migrantId, true));
        }
    }

    /**
     * A family member at home as a recipient: they live in the office's country, and are targeted by what is known
     * of the household's migrants, so those go with them (destinations and stages, nothing personal).
     */
    private static Recipient familyRecipient(HouseholdSnapshot household, HouseholdRegistered.Informant member,
            long sequence) {
        List<String> destinations = household.migrants().stream()
            .map(HouseholdRegistered.Migrant::destinationCountry)
            .filter(Objects::nonNull)
            .distinct()
            .toList();
        List<LifecycleStage> stages = household.migrants().stream()
            .map(HouseholdRegistered.Migrant::lifecycleStage)
            .filter(Objects::nonNull)
            .distinct()
            .toList();
        return new Recipient(member.familyMemberId(), household.householdId(), sequence, household.municipalityCode(),
                member.name(), member.preferredLanguage(), null, null,
                member.phone() == null ? List.of() : List.of(member.phone()), null, member.sex(), null, null, null,
                null, PersonKind.FAMILY_MEMBER, FamilyRelation.of(member.relation()), destinations, stages);
    }

    private static Stream<String> personIds(HouseholdSnapshot household) {
        return Stream.concat(household.migrants().stream().map(HouseholdRegistered.Migrant::migrantId),
                household.informants().stream().map(HouseholdRegistered.Informant::familyMemberId)
                    .filter(Objects::nonNull));
    }

    private void forget(String householdId, String migrantId, boolean householdGone, long sequence) {
        recipients.erase(migrantId);
        events.publishEvent(new RecipientLeft(migrantId, true));
        if (householdGone) {
            // The family at home went with the household's last migrant: they are forgotten too.
            recipients.replaceHouseholds(List.of(new Recipients.HouseholdRecipients(householdId, sequence, List.of())))
                .left()
                .forEach(left -> events.publishEvent(new RecipientLeft(left, true)));
        }
    }

    /**
     * The person asked for no more messages (a STOP reply, a call): outreach forgets them at once and tells the
     * registry, which withdraws their consent (a family member's own, nobody else's).
     */
    public void optOut(String migrantId, String how, Actor coordinator) {
        Recipient recipient = recipients.find(migrantId)
            .filter(found -> coordinator.covers(found.municipalityCode(), territory))
            .orElseThrow(() -> new NotFoundException("recipient", migrantId));
        optOut(recipient, how);
    }

    /** The recipient replied with a stop word, or asked someone to stop the messages. */
    public void optOut(Recipient recipient, String how) {
        optOuts.record(new RecipientOptedOut(recipient.householdId(), recipient.migrantId(),
                recipient.municipalityCode(), how == null || how.isBlank() ? null : how.strip(), clock.instant(),
                recipient.kind()));
        recipients.erase(recipient.migrantId());
        events.publishEvent(new RecipientLeft(recipient.migrantId(), false));
    }

    public Optional<Recipient> find(String migrantId) {
        return recipients.find(migrantId);
    }

    public List<Recipient> findAll(Collection<String> migrantIds) {
        return recipients.findAll(migrantIds);
    }

    /** The recipient a reply came from: their phone (E.164) or e-mail address. */
    public Optional<Recipient> findByAddress(String address) {
        return recipients.findByAddress(address);
    }

    /** Today's year, to which age bands refer. */
    public int referenceYear() {
        return clock.instant().atZone(ZoneOffset.UTC).getYear();
    }

    public Reach reach(String areaCode, Actor coordinator) {
        AreaAccess.require(coordinator, territory, "area", areaCode);
        Map<String, Long> byLanguage = recipients.countByLanguage(
                RecipientFilter.everyoneIn(territory.lowestLevelUnitsWithin(areaCode)), referenceYear());
        return new Reach(areaCode, byLanguage.values().stream().mapToLong(Long::longValue).sum(), byLanguage);
    }
}
