package org.diasporadesk.outreach;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.diasporadesk.events.EventCodec;
import org.diasporadesk.events.EventEnvelope;
import org.diasporadesk.events.EventPayload;
import org.diasporadesk.events.EventType;
import org.diasporadesk.events.Topic;
import org.diasporadesk.events.registry.FamilyMemberErased;
import org.diasporadesk.events.registry.HouseholdRegistered;
import org.diasporadesk.events.registry.HouseholdUpdated;
import org.diasporadesk.events.registry.LifecycleStage;
import org.diasporadesk.events.registry.MigrantErased;
import org.diasporadesk.events.registry.MigrantsMerged;
import org.diasporadesk.events.registry.Sex;
import org.diasporadesk.testsupport.KafkaProbe;

/**
 * Publishes the registry's household events for one migrant per household, as the registry would, so that
 * outreach's recipients come from real Kafka records. Each person gets a fresh Greek mobile number.
 */
public final class RegistryFeed {

    private RegistryFeed() {
    }

    /** A migrant as the registry would describe them; {@code with*} gives a changed copy. */
    public record Person(String householdId, String migrantId, String municipality, String name, String language,
            String country, String city, Sex sex, Integer birthYear, LifecycleStage stage, String occupation,
            List<String> skills, String phone, String email, boolean outreachConsent) {

        public static Person in(String municipality) {
            return new Person(UUID.randomUUID().toString(), UUID.randomUUID().toString(), municipality,
                    "Nino " + ThreadLocalRandom.current().nextInt(1000), "ka", "GR", null, Sex.FEMALE, 1990,
                    LifecycleStage.ABROAD, null, List.of(), greekMobile(), null, true);
        }

        public Person speaking(String lang) {
            return new Person(householdId, migrantId, municipality, name, lang, country, city, sex, birthYear, stage,
                    occupation, skills, phone, email, outreachConsent);
        }

        public Person livingIn(String destinationCountry, String destinationCity) {
            return new Person(householdId, migrantId, municipality, name, language, destinationCountry,
                    destinationCity, sex, birthYear, stage, occupation, skills, phone, email, outreachConsent);
        }

        public Person profile(Sex s, Integer born, LifecycleStage lifecycle) {
            return new Person(householdId, migrantId, municipality, name, language, country, city, s, born,
                    lifecycle, occupation, skills, phone, email, outreachConsent);
        }

        public Person working(String job, String... skillList) {
            return new Person(householdId, migrantId, municipality, name, language, country, city, sex, birthYear,
                    stage, job, List.of(skillList), phone, email, outreachConsent);
        }

        /** Reachable by e-mail only. */
        public Person emailOnly(String address) {
            return new Person(householdId, migrantId, municipality, name, language, country, city, sex, birthYear,
                    stage, occupation, skills, null, address, outreachConsent);
        }

        public Person consenting(boolean outreach) {
            return new Person(householdId, migrantId, municipality, name, language, country, city, sex, birthYear,
                    stage, occupation, skills, phone, email, outreach);
        }

        HouseholdRegistered.Migrant migrant() {
            return new HouseholdRegistered.Migrant(migrantId, name, null, name, sex, birthYear, country, city, 2018,
                    stage, language, phone == null ? List.of() : List.of(phone), email,
                    new HouseholdRegistered.Consent(true, outreachConsent, true), occupation, skills);
        }
    }

    /** A family member at home, with their own id, number (a Georgian mobile) and consent to outreach. */
    public record FamilyMember(String familyMemberId, String name, String relation, Sex sex, String language,
            String phone, boolean outreachConsent) {

        public static FamilyMember of(String name, String relation, Sex sex, String language) {
            return new FamilyMember(UUID.randomUUID().toString(), name, relation, sex, language, georgianMobile(),
                    true);
        }

        public FamilyMember consenting(boolean outreach) {
            return new FamilyMember(familyMemberId, name, relation, sex, language, phone, outreach);
        }

        HouseholdRegistered.Informant informant() {
            return new HouseholdRegistered.Informant(name, relation, phone, familyMemberId, sex, language,
                    new HouseholdRegistered.Consent(true, outreachConsent, true));
        }
    }

    /** The migrant's household with the family members at home. */
    public static void register(Person person, List<FamilyMember> family) {
        HouseholdRegistered household = new HouseholdRegistered(person.householdId(), person.municipality(), null,
                family.stream().map(FamilyMember::informant).toList(), List.of(person.migrant()),
                new HouseholdRegistered.Provenance("officer", null, null));
        publish(household, EventType.HOUSEHOLD_REGISTERED_V1, person, 1);
    }

    /** The household's snapshot with its family as it now is, as the registry's {@code sequence}-th event. */
    public static void update(Person person, List<FamilyMember> family, long sequence) {
        HouseholdUpdated household = new HouseholdUpdated(person.householdId(), person.municipality(), null,
                family.stream().map(FamilyMember::informant).toList(), List.of(person.migrant()),
                new HouseholdRegistered.Provenance("officer", null, null));
        publish(household, EventType.HOUSEHOLD_UPDATED_V1, person, sequence);
    }

    public static void eraseFamilyMember(Person person, FamilyMember member, long sequence) {
        publish(new FamilyMemberErased(person.householdId(), member.familyMemberId(), person.municipality(),
                Instant.now()), EventType.FAMILY_MEMBER_ERASED_V1, person, sequence);
    }

    public static void register(Person person) {
        HouseholdRegistered household = new HouseholdRegistered(person.householdId(), person.municipality(), null,
                List.of(), List.of(person.migrant()), new HouseholdRegistered.Provenance("officer", null, null));
        publish(household, EventType.HOUSEHOLD_REGISTERED_V1, person, 1);
    }

    /** The household's snapshot after a change, as the registry's {@code sequence}-th event about it. */
    public static void update(Person person, long sequence) {
        HouseholdUpdated household = new HouseholdUpdated(person.householdId(), person.municipality(), null,
                List.of(), List.of(person.migrant()), new HouseholdRegistered.Provenance("officer", null, null));
        publish(household, EventType.HOUSEHOLD_UPDATED_V1, person, sequence);
    }

    public static void erase(Person person, long sequence) {
        publish(new MigrantErased(person.householdId(), person.migrantId(), person.municipality(), true,
                Instant.now()), EventType.MIGRANT_ERASED_V1, person, sequence);
    }

    /** The registry merged {@code merged} into {@code survivor}; {@code merged} was its household's last migrant. */
    public static void merge(Person merged, Person survivor, long sequence) {
        publish(new MigrantsMerged(merged.householdId(), merged.migrantId(), survivor.householdId(),
                survivor.migrantId(), merged.municipality(), true, Instant.now()), EventType.MIGRANTS_MERGED_V1, merged,
                sequence);
    }

    private static void publish(EventPayload payload, EventType type, Person person, long sequence) {
        KafkaProbe.publish(Topic.REGISTRY_PEOPLE.topicName(), new EventEnvelope(UUID.randomUUID().toString(),
                "/diaspora-desk/registry-service", type.typeName(), Instant.now(), person.householdId(),
                person.municipality(), sequence, EventCodec.encode(payload)));
    }

    private static String georgianMobile() {
        return "+9955" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private static String greekMobile() {
        return "+3069" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }
}
