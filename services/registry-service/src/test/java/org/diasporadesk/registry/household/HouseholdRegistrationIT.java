package org.diasporadesk.registry.household;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.diasporadesk.chassis.outbox.PendingEvent;
import org.diasporadesk.chassis.security.Role;
import org.diasporadesk.events.EventCodec;
import org.diasporadesk.events.Topic;
import org.diasporadesk.events.registry.HouseholdRegistered;
import org.diasporadesk.testsupport.ApiClient;
import org.diasporadesk.testsupport.KafkaProbe;
import org.diasporadesk.testsupport.ServiceIntegrationTest;
import org.diasporadesk.testsupport.TestTokens;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceIntegrationTest
class HouseholdRegistrationIT {

    private static final String KUTAISI = "GE-IM-KUTAISI";
    private static final String BATUMI = "GE-AJ-BATUMI";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = ApiClient.local(port);
    }

    @Test
    void registersHouseholdAndPublishesItsFactsWithCloudEventsHeaders() {
        ApiClient.Response created = api.post("/households", officer(KUTAISI), household(KUTAISI, "599 12 34 56"));

        assertThat(created.status()).isEqualTo(201);
        String id = created.body().get("id").asString();
        assertThat(created.headers().getLocation()).hasToString("/households/" + id);

        ConsumerRecord<String, byte[]> personal = KafkaProbe.awaitRecord(Topic.REGISTRY_PEOPLE.topicName(),
                record -> id.equals(record.key()), Duration.ofSeconds(15));
        assertThat(KafkaProbe.header(personal, "ce_type")).isEqualTo("org.diasporadesk.registry.household-registered.v1");
        assertThat(KafkaProbe.header(personal, "ce_source")).isEqualTo("/diaspora-desk/registry-service");
        assertThat(KafkaProbe.header(personal, "ce_specversion")).isEqualTo("1.0");
        assertThat(KafkaProbe.header(personal, "ce_subject")).isEqualTo(id);
        assertThat(KafkaProbe.header(personal, "ce_municipality")).isEqualTo(KUTAISI);
        assertThat(KafkaProbe.header(personal, "ce_sequence")).isEqualTo("1");
        assertThat(KafkaProbe.header(personal, "ce_id")).isNotBlank();
        assertThat(KafkaProbe.header(personal, "ce_time")).isNotBlank();
        HouseholdRegistered registered = EventCodec.decode(personal.value(), HouseholdRegistered.class);
        assertThat(registered.informants().get(0).phone()).isEqualTo("+995599123456");
        assertThat(registered.migrants().get(0).phones()).containsExactly("+306912345678");

        ConsumerRecord<String, byte[]> statistical = KafkaProbe.awaitRecord(Topic.REGISTRY_STATISTICS.topicName(),
                record -> id.equals(record.key()), Duration.ofSeconds(15));
        String statisticalJson = new String(statistical.value());
        assertThat(statisticalJson).contains("\"35-44\"", "\"GR\"").doesNotContain("Beridze", "ბერიძე", "+30", "1988");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                mongo.findById(id, Document.class, "households").get("outbox", Document.class).getList("pending", Object.class))
            .isEmpty());
    }

    @Test
    void eventsLeftPendingWithoutAHintAreFoundByTheSweep() {
        String subject = UUID.randomUUID().toString();
        PendingEvent pending = pendingEvent(subject, 1);
        // As a crash would leave it: the document written, the relay never told.
        insertUnannounced(subject, List.of(pending));

        ConsumerRecord<String, byte[]> published = KafkaProbe.awaitRecord(Topic.REGISTRY_PEOPLE.topicName(),
                record -> subject.equals(record.key()), Duration.ofSeconds(15));

        assertThat(KafkaProbe.header(published, "ce_id")).isEqualTo(pending.eventId());
    }

    /** The relay publishes several households at once; each one's events must still come out in order. */
    @Test
    void eachHouseholdsEventsArePublishedInOrderWhileHouseholdsArePublishedTogether() {
        List<String> subjects = IntStream.range(0, 20).mapToObj(i -> UUID.randomUUID().toString()).toList();
        for (String subject : subjects) {
            insertUnannounced(subject,
                    List.of(pendingEvent(subject, 1), pendingEvent(subject, 2), pendingEvent(subject, 3)));
        }

        List<ConsumerRecord<String, byte[]>> published = KafkaProbe.awaitRecords(Topic.REGISTRY_PEOPLE.topicName(),
                record -> subjects.contains(record.key()), 60, Duration.ofSeconds(30));

        Map<String, List<String>> sequences = published.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                Collectors.mapping(record -> KafkaProbe.header(record, "ce_sequence"), Collectors.toList())));
        assertThat(sequences).hasSize(20).allSatisfy((subject, inOrder) -> assertThat(inOrder)
            .containsExactly("1", "2", "3"));
    }

    /** Operators follow how long publishing takes, per topic, on the endpoint that Prometheus scrapes. */
    @Test
    void publishingIsTimedPerTopicForPrometheus() {
        String id = api.post("/households", officer(KUTAISI), household(KUTAISI, "599 12 34 57")).body().get("id")
            .asString();
        KafkaProbe.awaitRecord(Topic.REGISTRY_PEOPLE.topicName(), record -> id.equals(record.key()),
                Duration.ofSeconds(15));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.getText("/actuator/prometheus", null))
            .containsPattern("spring_kafka_template_seconds_count\\{[^}]*messaging_destination_name=\""
                    + Pattern.quote(Topic.REGISTRY_PEOPLE.topicName()) + "\""));
    }

    private PendingEvent pendingEvent(String subject, long sequence) {
        return new PendingEvent(UUID.randomUUID().toString(), "org.diasporadesk.registry.household-registered.v1",
                Topic.REGISTRY_PEOPLE.topicName(), subject, KUTAISI, sequence, java.time.Instant.now(),
                new String(org.diasporadesk.events.GoldenSamples.bytes(
                        org.diasporadesk.events.EventType.HOUSEHOLD_REGISTERED_V1)));
    }

    /** A household document with pending events and no hint to the relay: only its sweep finds them. */
    private void insertUnannounced(String subject, List<PendingEvent> pending) {
        List<Document> events = pending.stream().map(event -> {
            Document document = new Document();
            mongo.getConverter().write(event, document);
            document.remove("_class");
            return document;
        }).toList();
        mongo.insert(new Document("_id", subject).append("outbox", new Document("sequences", new Document())
            .append("pending", events)), "households");
    }

    @Test
    void officerReadsBackOwnHouseholdButAnotherMunicipalitySeesNothing() {
        String id = api.post("/households", officer(KUTAISI), household(KUTAISI, "+995 599 12 34 56")).body().get("id")
            .asString();

        ApiClient.Response own = api.get("/households/" + id, officer(KUTAISI));
        ApiClient.Response foreign = api.get("/households/" + id, officer(BATUMI));

        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body().get("migrants").get(0).get("nameLatin").asString()).isEqualTo("Vakhtang Beridze");
        assertThat(foreign.status()).isEqualTo(404);
    }

    @Test
    void rejectsUnauthenticatedCallsWith401Problem() {
        ApiClient.Response response = api.post("/households", null, household(KUTAISI, "599123456"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.headers().getFirst("WWW-Authenticate")).startsWith("Bearer");
        assertThat(response.body().get("status").asInt()).isEqualTo(401);
    }

    @Test
    void rejectsWrongRoleWith403Problem() {
        ApiClient.Response response = api.post("/households", TestTokens.regional(Role.REGIONAL_PLANNER, "GE-IM"),
                household(KUTAISI, "599123456"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body().get("status").asInt()).isEqualTo(403);
    }

    @Test
    void wrongRoleGets403EvenForAnInvalidBody() {
        ApiClient.Response response = api.post("/households", TestTokens.national(Role.NATIONAL_PLANNER), Map.of());

        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void rejectsRegistrationOutsideTheOfficersMunicipalityNamingTheField() {
        long before = households();

        ApiClient.Response response = api.post("/households", officer(BATUMI), household(KUTAISI, "599123456"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(fields(response)).containsExactly("municipalityCode");
        assertThat(households()).isEqualTo(before);
    }

    @Test
    void rejectsUnknownMunicipalityNamingTheField() {
        ApiClient.Response response = api.post("/households", officer("GE-XX-NOWHERE"), household("GE-XX-NOWHERE", "599123456"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("municipalityCode");
        assertThat(response.body().get("detail").asString()).contains("GET /territory");
        JsonNode territory = api.get("/territory", officer(KUTAISI)).body();
        assertThat(territory.get("units").valueStream().map(unit -> unit.get("code").asString()))
            .contains("GE", "GE-IM", KUTAISI).doesNotContain("GE-XX-NOWHERE");
    }

    @Test
    void aNumberOutsideTheRangesInUseIsKeptWithAWarningNamingItsField() {
        // 590 is not a Georgian mobile prefix, but the number has a Georgian number's length: a relative's old number.
        ApiClient.Response response = api.post("/households", officer(KUTAISI), household(KUTAISI, "590 12 34 56"));

        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        assertThat(response.body().at("/informants/0/phone").asString()).isEqualTo("+995590123456");
        assertThat(response.body().get("warnings")).hasSize(1);
        assertThat(response.body().at("/warnings/0/field").asString()).isEqualTo("informants[0].phone");
        assertThat(response.body().at("/warnings/0/message").asString()).contains("confirm it with the family");
        assertThat(api.post("/households", officer(KUTAISI), household(KUTAISI, "599 12 34 56")).body().get("warnings"))
            .isEmpty();
    }

    @Test
    void rejectsInvalidPhoneNamingTheFieldAndWritesNothing() {
        long before = households();
        Map<String, Object> body = household(KUTAISI, "599123456");
        @SuppressWarnings("unchecked")
        Map<String, Object> migrant = (Map<String, Object>) ((List<?>) body.get("migrants")).get(0);
        migrant.put("phones", List.of("12"));

        ApiClient.Response response = api.post("/households", officer(KUTAISI), body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers().getContentType()).hasToString("application/problem+json");
        assertThat(fields(response)).containsExactly("migrants[0].phones[0]");
        assertThat(households()).isEqualTo(before);
    }

    @Test
    void rejectsMissingAndMistypedFieldsNamingThem() {
        ApiClient.Response missing = api.post("/households", officer(KUTAISI),
                Map.of("municipalityCode", KUTAISI, "migrants", List.of(Map.of("sex", "MALE"))));
        ApiClient.Response mistyped = api.post("/households", officer(KUTAISI),
                "{\"municipalityCode\":\"" + KUTAISI + "\",\"migrants\":[{\"sex\":\"MALE\",\"birthYear\":\"nineteen\"}]}");

        assertThat(missing.status()).isEqualTo(400);
        assertThat(fields(missing)).contains("migrants[0].lifecycleStage", "migrants[0].consent");
        assertThat(mistyped.status()).isEqualTo(400);
        assertThat(fields(mistyped)).containsExactly("migrants[0].birthYear");
    }

    private long households() {
        return mongo.count(new Query(Criteria.where("_id").exists(true)), "households");
    }

    private static List<String> fields(ApiClient.Response response) {
        JsonNode errors = response.body().get("errors");
        assertThat(errors).as("problem body %s", response.body()).isNotNull();
        return errors.valueStream().map(error -> error.get("field").asString()).toList();
    }

    private static String officer(String municipality) {
        return TestTokens.municipal(Role.REGISTRY_OFFICER, municipality);
    }

    static Map<String, Object> household(String municipality, String informantPhone) {
        Map<String, Object> migrant = new java.util.HashMap<>(Map.of("givenName", "ვახტანგ", "familyName", "ბერიძე",
                "nameLatin", "Vakhtang Beridze", "sex", "MALE", "birthYear", 1988, "destinationCountry", "GR",
                "destinationCity", "Athens", "lifecycleStage", "ABROAD", "preferredLanguage", "ka",
                "consent", Map.of("hotline", true, "outreach", true, "statistics", true)));
        migrant.put("phones", List.of("691 234 5678"));
        return new java.util.HashMap<>(Map.of("municipalityCode", municipality, "locality", "Tsereteli St 12",
                "informants", List.of(Map.of("name", "ნინო ბერიძე", "relation", "mother", "phone", informantPhone)),
                "migrants", List.of(migrant)));
    }
}
