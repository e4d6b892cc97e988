package org.diasporadesk.hotline.tickets;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.diasporadesk.chassis.security.Role;
import org.diasporadesk.hotline.KnownHouseholds;
import org.diasporadesk.events.EventCodec;
import org.diasporadesk.events.EventType;
import org.diasporadesk.events.Topic;
import org.diasporadesk.events.hotline.KnownCallerContacted;
import org.diasporadesk.events.hotline.TicketOpened;
import org.diasporadesk.events.registry.HouseholdRegistered;
import org.diasporadesk.events.registry.MigrantErased;
import org.diasporadesk.testsupport.ApiClient;
import org.diasporadesk.testsupport.KafkaProbe;
import org.diasporadesk.testsupport.ServiceIntegrationTest;
import org.diasporadesk.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An office's hotline agents open and work tickets; the registry tells them who is calling. */
@ServiceIntegrationTest
class TicketDeskIT {

    private static final String KUTAISI = "GE-IM-KUTAISI";
    private static final String AGENT = TestTokens.municipal(Role.HOTLINE_AGENT, KUTAISI);
    private static final String BATUMI_AGENT = TestTokens.municipal(Role.HOTLINE_AGENT, "GE-AJ-BATUMI");

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = ApiClient.local(port);
    }

    @Test
    void aCallFromAKnownNumberOpensATicketForThatPersonAndPublishesNoPersonalDataToReporting() {
        HouseholdRegistered household = knownHousehold("+306912346001", "+995599200001");
        ApiClient.Response opened = api.post("/tickets", AGENT, Map.of("phone", "0030 691 234 6001",
                "topic", "employment-abroad", "channel", "INBOUND_CALL", "note", "asks about a work permit"));

        assertThat(opened.status()).as(opened.body().toString()).isEqualTo(201);
        JsonNode ticket = opened.body().get("ticket");
        assertThat(ticket.at("/caller/kind").asString()).isEqualTo("MIGRANT_ABROAD");
        assertThat(ticket.at("/caller/migrantId").asString()).isEqualTo(household.migrants().get(0).migrantId());
        assertThat(ticket.at("/caller/phone").asString()).isEqualTo("+306912346001");
        assertThat(ticket.get("status").asString()).isEqualTo("NEW");
        assertThat(ticket.get("officeCode").asString()).isEqualTo(KUTAISI);
        assertThat(ticket.at("/notes/0/text").asString()).isEqualTo("asks about a work permit");

        String id = ticket.get("id").asString();
        ConsumerRecord<String, byte[]> fact = KafkaProbe.awaitRecord(Topic.HOTLINE_TICKETS.topicName(),
                record -> id.equals(record.key()), Duration.ofSeconds(15));
        TicketOpened published = EventCodec.decode(fact.value(), TicketOpened.class);
        assertThat(published.topic()).isEqualTo("employment-abroad");
        assertThat(published.callerKind()).isEqualTo("MIGRANT_ABROAD");
        assertThat(new String(fact.value())).doesNotContain("6001", "Beridze", "work permit");
        // Outreach learns who called about what (for its segments) on the personal-data topic: ids, no number or name.
        ConsumerRecord<String, byte[]> contact = KafkaProbe.awaitRecord(Topic.HOTLINE_CALLERS.topicName(),
                record -> id.equals(record.key()), Duration.ofSeconds(15));
        KnownCallerContacted contacted = EventCodec.decode(contact.value(), KnownCallerContacted.class);
        assertThat(contacted.migrantId()).isEqualTo(household.migrants().get(0).migrantId());
        assertThat(contacted.householdId()).isEqualTo(household.householdId());
        assertThat(contacted.topic()).isEqualTo("employment-abroad");
        assertThat(new String(contact.value())).doesNotContain("6001", "Beridze", "work permit");

        JsonNode lookup = api.get("/callers?phone={p}", AGENT, "+30 691 234 6001").body();
        assertThat(lookup.at("/candidates/0/migrantId").asString()).isEqualTo(household.migrants().get(0).migrantId());
        assertThat(lookup.at("/previousTickets/0/id").asString()).isEqualTo(id);
        assertThat(api.get("/callers?phone={p}", BATUMI_AGENT, "+30 691 234 6001").body().get("previousTickets"))
            .as("another office learns nothing of this call").isEmpty();
    }

    @Test
    void anEmergencyIsHighPriorityAndTopsTheQueue() {
        String ordinary = open(Map.of("phone", "+995 599 20 00 02", "topic", "documents", "priority", "HIGH"));
        String emergency = open(Map.of("phone", "+995 599 20 00 03", "topic", "missing-person", "priority", "LOW",
                "callerKind", "FAMILY_MEMBER", "callerName", "Manana"));

        JsonNode ticket = api.get("/tickets/" + emergency, AGENT).body();
        assertThat(ticket.get("priority").asString()).isEqualTo("HIGH");
        assertThat(ticket.get("escalatedAt").isNull()).isFalse();
        List<String> queue = api.get("/tickets", AGENT).body().valueStream().map(t -> t.get("id").asString()).toList();
        assertThat(queue).contains(ordinary, emergency);
        assertThat(queue.indexOf(emergency)).isLessThan(queue.indexOf(ordinary));
        assertThat(api.get("/tickets", BATUMI_AGENT).body().valueStream().map(t -> t.get("id").asString()))
            .doesNotContain(ordinary, emergency);
        assertThat(api.get("/tickets/" + emergency, BATUMI_AGENT).status()).isEqualTo(404);
    }

    /** Test settings: offices never close and a high-priority response is due within 2 seconds. */
    @Test
    void aMissedResponseTargetIsRecordedOnceAndPublished() {
        String id = open(Map.of("phone", "+995 599 20 00 09", "topic", "abuse-exploitation"));
        JsonNode fresh = api.get("/tickets/" + id, AGENT).body();
        assertThat(fresh.at("/serviceLevelStatus/responseDueAt").isNull()).isFalse();

        ConsumerRecord<String, byte[]> breach = KafkaProbe.awaitRecord(Topic.HOTLINE_TICKETS.topicName(),
                record -> id.equals(record.key())
                        && EventType.TICKET_SERVICE_LEVEL_BREACHED_V1.typeName().equals(KafkaProbe.header(record, "ce_type")),
                Duration.ofSeconds(20));
        assertThat(new String(breach.value())).contains("\"RESPONSE\"").doesNotContain("20 00 09", "200009");
        JsonNode late = api.get("/tickets/" + id, AGENT).body();
        assertThat(late.at("/serviceLevelStatus/responseBreached").asBoolean()).isTrue();
        assertThat(late.at("/serviceLevelStatus/resolutionBreached").asBoolean()).isFalse();
        assertThat(late.at("/serviceLevel/responseBreachedAt").isNull()).isFalse();
        assertThat(meters.get("ddesk.hotline.sla.breaches").tag("target", "RESPONSE").counter().count())
            .isGreaterThanOrEqualTo(1);
    }

    @Test
    void aTicketIsWorkedThroughItsLifeCycleAndWrongMovesAreRefused() {
        String id = open(Map.of("phone", "+995 599 20 00 04", "topic", "remittances"));

        assertThat(api.put("/tickets/{id}/assignee", AGENT, Map.of(), id).body().get("status").asString())
            .isEqualTo("ASSIGNED");
        assertThat(move(id, "IN_PROGRESS").body().get("nextStatuses").valueStream().map(JsonNode::asString))
            .as("the moves a screen offers").containsExactlyInAnyOrder("WAITING", "RESOLVED");
        ApiClient.Response closedTooEarly = move(id, "CLOSED");
        assertThat(closedTooEarly.status()).isEqualTo(409);
        assertThat(closedTooEarly.body().at("/errors/0/field").asString()).isEqualTo("status");
        assertThat(closedTooEarly.body().get("detail").asString()).contains("RESOLVED");
        assertThat(move(id, "WAITING").status()).isEqualTo(200);
        assertThat(move(id, "RESOLVED").status()).isEqualTo(200);
        assertThat(move(id, "IN_PROGRESS").body().get("status").asString()).as("reopened").isEqualTo("IN_PROGRESS");
        api.post("/tickets/" + id + "/notes", AGENT, Map.of("text", "called back, remittance arrived"));
        assertThat(move(id, "RESOLVED").status()).isEqualTo(200);
        assertThat(move(id, "CLOSED").body().get("status").asString()).isEqualTo("CLOSED");
        assertThat(api.get("/tickets/" + id, AGENT).body().get("notes")).hasSize(1);
        assertThat(move(id, "BOGUS").status()).isEqualTo(400);
    }

    @Test
    void anAgentWorksTheirOwnAndTheUnassignedTicketsWhileTheSupervisorSeesTheWholeOfficeAndReassigns() {
        String nino = TestTokens.municipalUser("nino.beridze", "GE-IM-KUTAISI", Role.HOTLINE_AGENT);
        String giorgi = TestTokens.municipalUser("giorgi.kapanadze", "GE-IM-KUTAISI", Role.HOTLINE_AGENT);
        String tamar = TestTokens.municipalUser("tamar.lomidze", "GE-IM-KUTAISI", Role.SUPERVISOR);
        String free = open(Map.of("phone", "+995 599 20 00 41", "topic", "documents"));
        String ninos = open(Map.of("phone", "+995 599 20 00 42", "topic", "documents"));
        assertThat(api.put("/tickets/{id}/assignee", nino, Map.of(), ninos).status()).isEqualTo(200);

        assertThat(queue(giorgi)).contains(free).doesNotContain(ninos);
        assertThat(queue(nino)).contains(free, ninos);
        ApiClient.Response taken = api.put("/tickets/{id}/assignee", giorgi, Map.of(), ninos);
        assertThat(taken.status()).isEqualTo(403);
        assertThat(taken.body().get("detail").asString()).contains("supervisor");
        assertThat(api.put("/tickets/{id}/assignee", giorgi, Map.of("assignee", "nino.beridze"), free).status())
            .as("giving a ticket to a colleague").isEqualTo(403);

        assertThat(queue(tamar)).contains(free, ninos);
        ApiClient.Response reassigned = api.put("/tickets/{id}/assignee", tamar, Map.of("assignee",
                "giorgi.kapanadze"), ninos);
        assertThat(reassigned.status()).as(reassigned.body().toString()).isEqualTo(200);
        assertThat(reassigned.body().get("assignee").asString()).isEqualTo("giorgi.kapanadze");
        assertThat(queue(giorgi)).contains(free, ninos);
        assertThat(queue(nino)).doesNotContain(ninos);
    }

    @Test
    void aTicketIsReferredToAPartnerFromTheManagedListAndTheOutcomeRecorded() {
        String admin = TestTokens.national(Role.ADMINISTRATOR);
        ApiClient.Response added = api.post("/partners", admin, Map.of("name", "Consulate of Georgia in Athens",
                "kind", "CONSULATE", "country", "gr", "contact", "+30 210 000 0000"));
        assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
        String consulate = added.body().get("id").asString();
        assertThat(added.body().get("country").asString()).isEqualTo("GR");
        assertThat(api.post("/partners", AGENT, Map.of("name", "x", "kind", "NGO")).status()).isEqualTo(403);
        assertThat(api.get("/partners", AGENT).body().valueStream().map(p -> p.get("id").asString())).contains(consulate);
        String id = open(Map.of("phone", "+995 599 20 00 10", "topic", "death-abroad"));

        ApiClient.Response referred = api.post("/tickets/" + id + "/referrals", AGENT,
                Map.of("partnerId", consulate, "reason", "repatriation of the body"));

        assertThat(referred.status()).as(referred.body().toString()).isEqualTo(201);
        JsonNode referral = referred.body().at("/referrals/0");
        assertThat(referral.get("partnerName").asString()).isEqualTo("Consulate of Georgia in Athens");
        assertThat(referred.body().at("/serviceLevelStatus/responseDueAt").isNull()).as("a referral is a response").isTrue();
        ConsumerRecord<String, byte[]> fact = KafkaProbe.awaitRecord(Topic.HOTLINE_TICKETS.topicName(),
                record -> id.equals(record.key())
                        && EventType.TICKET_REFERRED_V1.typeName().equals(KafkaProbe.header(record, "ce_type")),
                Duration.ofSeconds(15));
        assertThat(new String(fact.value())).contains("CONSULATE").doesNotContain("repatriation", "Athens");

        ApiClient.Response outcome = api.put("/tickets/{id}/referrals/{r}/outcome", AGENT,
                Map.of("outcome", "HELPED", "note", "arranged with the family"), id, referral.get("id").asString());
        assertThat(outcome.body().at("/referrals/0/outcome").asString()).isEqualTo("HELPED");
        assertThat(api.put("/tickets/{id}/referrals/{r}/outcome", AGENT, Map.of("outcome", "HELPED"), id, "nope")
            .status()).isEqualTo(404);

        api.put("/partners/{p}/active", admin, Map.of("active", false), consulate);
        ApiClient.Response inactive = api.post("/tickets/" + id + "/referrals", AGENT, Map.of("partnerId", consulate));
        assertThat(inactive.status()).isEqualTo(400);
        assertThat(inactive.body().at("/errors/0/field").asString()).isEqualTo("partnerId");
    }

    @Test
    void aNumberSharedByTwoRegistryPeopleIsNotGuessed() {
        HouseholdRegistered first = knownHousehold("+306912346005", "+995599200005");
        HouseholdRegistered second = knownHousehold("+306912346006", "+995599200005");

        ApiClient.Response unlinked = api.post("/tickets", AGENT, Map.of("phone", "599 20 00 05", "topic", "legal"));
        assertThat(unlinked.body().at("/ticket/caller/householdId").isNull()).isTrue();
        assertThat(unlinked.body().get("otherPossibleCallers")).hasSize(2);

        ApiClient.Response chosen = api.post("/tickets", AGENT, Map.of("phone", "599 20 00 05", "topic", "legal",
                "callerHouseholdId", second.householdId()));
        assertThat(chosen.status()).isEqualTo(201);
        assertThat(chosen.body().at("/ticket/caller/kind").asString()).isEqualTo("FAMILY_MEMBER");
        assertThat(chosen.body().at("/ticket/caller/householdId").asString()).isEqualTo(second.householdId());
        ApiClient.Response wrong = api.post("/tickets", AGENT, Map.of("phone", "599 20 00 05", "topic", "legal",
                "callerMigrantId", first.migrants().get(0).migrantId()));
        assertThat(wrong.status()).as("the migrant is not at this number").isEqualTo(400);
        assertThat(wrong.body().at("/errors/0/field").asString()).isEqualTo("callerMigrantId");
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        ApiClient.Response topic = api.post("/tickets", AGENT, Map.of("phone", "599 20 00 07", "topic", "weather"));
        assertThat(topic.status()).isEqualTo(400);
        assertThat(topic.body().at("/errors/0/field").asString()).isEqualTo("topic");
        assertThat(api.get("/tickets/topics", AGENT).body().valueStream().map(t -> t.get("code").asString()))
            .contains("missing-person", "remittances");
        ApiClient.Response phone = api.post("/tickets", AGENT, Map.of("phone", "12", "topic", "legal"));
        assertThat(phone.body().at("/errors/0/field").asString()).isEqualTo("phone");
        ApiClient.Response office = api.post("/tickets", AGENT, Map.of("topic", "legal", "officeCode", "GE-AJ-BATUMI"));
        assertThat(office.status()).isEqualTo(400);
        assertThat(office.body().at("/errors/0/field").asString()).isEqualTo("officeCode");
        assertThat(api.post("/tickets", TestTokens.regional(Role.REGIONAL_PLANNER, "GE-IM"),
                Map.of("topic", "legal")).status()).isEqualTo(403);
    }

    @Test
    void anErasedMigrantsTicketsKeepNoNameNumberOrNotes() {
        HouseholdRegistered household = knownHousehold("+306912346008", "+995599200008");
        String id = open(Map.of("phone", "+306912346008", "topic", "trouble-at-work", "note", "employer keeps passport"));
        String ngo = api.post("/partners", TestTokens.national(Role.ADMINISTRATOR), Map.of("name", "Migrant rights NGO",
                "kind", "NGO")).body().get("id").asString();
        api.post("/tickets/" + id + "/referrals", AGENT, Map.of("partnerId", ngo, "reason", "passport held by employer"));

        KnownHouseholds.publish(new MigrantErased(household.householdId(), household.migrants().get(0).migrantId(), KUTAISI, true,
                Instant.now()), EventType.MIGRANT_ERASED_V1, household.householdId(), 2);

        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/tickets/" + id, AGENT).body().at("/caller/phone").isNull());
        JsonNode ticket = api.get("/tickets/" + id, AGENT).body();
        assertThat(ticket.toString()).doesNotContain("6008", "Beridze", "passport");
        assertThat(ticket.at("/referrals/0/partnerName").asString()).as("the referral itself stays").isEqualTo("Migrant rights NGO");
        assertThat(ticket.get("topic").get("code").asString()).isEqualTo("trouble-at-work");
        assertThat(api.post("/tickets/" + id + "/notes", AGENT, Map.of("text", "closing")).status())
            .as("the ticket can still be worked").isEqualTo(200);
    }

    private String open(Map<String, Object> body) {
        ApiClient.Response opened = api.post("/tickets", AGENT, body);
        assertThat(opened.status()).as(opened.body().toString()).isEqualTo(201);
        return opened.body().at("/ticket/id").asString();
    }

    private List<String> queue(String token) {
        ApiClient.Response queue = api.get("/tickets?size=200", token);
        assertThat(queue.status()).as(queue.body().toString()).isEqualTo(200);
        return queue.body().valueStream().map(ticket -> ticket.get("id").asString()).toList();
    }

    private ApiClient.Response move(String id, String status) {
        return api.put("/tickets/{id}/status", AGENT, Map.of("status", status), id);
    }

    private HouseholdRegistered knownHousehold(String migrantPhone, String informantPhone) {
        return KnownHouseholds.publishAndAwait(api, AGENT, migrantPhone, informantPhone);
    }
}
