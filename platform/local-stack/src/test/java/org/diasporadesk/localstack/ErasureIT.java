package org.diasporadesk.localstack;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

import org.diasporadesk.events.DataClass;
import org.diasporadesk.events.Topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The right to be forgotten, checked the way a family would want it checked: a migrant leaves every trace an office
 * can make of a person (registration, a search for them, calls and tickets from their number before and after the
 * hotline knew them, a note naming them, a callback, a campaign message and their reply, a rejected import row),
 * is erased, and then every document of every service's database and every record of every PII-free topic is
 * searched for their names, e-mail and phone numbers.
 */
class ErasureIT {

    /** The defaults shifted clear of a developer's own stack and of Linux's ephemeral ports (32768-60999). */
    private static final int PORT_OFFSET = 2_000;
    private static final String KUTAISI_LINE = "0431 24 00 00";

    /** Zurab, abroad in Greece, and Lamara, his mother at home who gave his number. */
    private static final Footprint ZURAB = new Footprint(
            List.of("ზურაბ", "ქვირიკაშვილი", "Zurab", "Kvirikashvili", "ლამარა", "Lamara", "zurab.kv@example.ge"),
            List.of("6917774321", "599774321"));

    /**
     * Where Zurab lives: somewhere it is day now, so that the campaign's message goes out at once rather than after
     * the night's quiet hours, and he can answer it.
     */
    private static final Destination DAYTIME = Stream.of(new Destination("GR", "Athens", "Europe/Athens"),
            new Destination("US", "New York", "America/New_York"), new Destination("JP", "Tokyo", "Asia/Tokyo"))
        .filter(destination -> {
            int hour = ZonedDateTime.now(destination.zone()).getHour();
            return hour >= 10 && hour < 20;
        })
        .findFirst().orElseThrow();

    private record Destination(String country, String city, String zoneId) {
        ZoneId zone() {
            return ZoneId.of(zoneId);
        }
    }

    @TempDir
    Path data;

    @Test
    void anErasedMigrantLeavesNoNameNumberOrAddressInAnyDatabaseOrPiiFreeTopic() throws Exception {
        StackConfig config = StackConfig.withPorts(StackConfig.checkoutRoot(), data, PORT_OFFSET);
        StackApi api = new StackApi(config);
        try (LocalStack stack = LocalStack.start(config)) {
            String officer = api.token("registry-officer");
            String agent = api.token("hotline-agent");
            String coordinator = api.token("outreach-coordinator");

            // He called before his family registered him: the call he hung up and the ticket are not linked to him.
            String missed = "pbx-" + UUID.randomUUID();
            for (String event : List.of("RINGING", "ENDED")) {
                call(api, agent, event, missed);
            }
            StackApi.body(api.post("hotline-service", "/tickets", agent, """
                    {"phone": "0030 691 777 4321", "topic": "employment-abroad", "channel": "INBOUND_CALL",
                     "note": "Zurab Kvirikashvili asks about a work permit in Athens"}"""), 201);

            JsonNode household = registerZurab(api, officer);
            String householdId = household.get("id").asString();
            String migrantId = household.at("/migrants/0/migrantId").asString();

            api.get("registry-service", "/migrants?name=" + encode("Kvirikashvili") + "&phone=" + encode("+30 691 777 4321"),
                    officer);
            StackApi.body(api.postCsv("registry-service", "/imports", officer, """
                    external_id,household_ref,municipality_code,given_name,family_name,name_latin,sex,birth_year,destination_country,phone,lifecycle_stage,consent_statistics,consent_hotline,consent_outreach,informant_name,informant_relation,informant_phone
                    zk-1,H-zk,GE-IM-KUTAISI,ზურაბ,ქვირიკაშვილი,Zurab Kvirikashvili,M,1987,GR,+30 691 777 4321 999,abroad,yes,yes,yes,ლამარა ქვირიკაშვილი,mother,599 77 43 21
                    """), 202);

            await().atMost(Duration.ofSeconds(30)).until(() -> api.get("hotline-service",
                    "/callers?phone=" + encode("+306917774321"), agent).get("candidates").size() == 1);
            String callId = "pbx-" + UUID.randomUUID();
            for (String event : List.of("RINGING", "ANSWERED")) {
                call(api, agent, event, callId);
            }
            String linked = StackApi.body(api.post("hotline-service", "/calls/" + callId + "/ticket", agent,
                    "{\"topic\": \"remittances\"}"), 201).at("/ticket/id").asString();
            StackApi.body(api.post("hotline-service", "/tickets/" + linked + "/notes", agent,
                    "{\"text\": \"Zurab says Lamara did not receive the transfer\"}"), 200);
            String evening = LocalDate.now(DAYTIME.zone()).plusDays(1).atTime(18, 0).atZone(DAYTIME.zone()).toInstant()
                .toString();
            StackApi.body(api.post("hotline-service", "/tickets/" + linked + "/callbacks", agent,
                    "{\"at\": \"" + evening + "\"}"), 201);
            call(api, agent, "ENDED", callId);
            StackApi.body(api.post("hotline-service", "/tickets", agent, """
                    {"phone": "599 77 43 21", "topic": "remittances", "channel": "INBOUND_CALL",
                     "note": "Lamara, Zurab's mother, asks where the money is"}"""), 201);

            String criteria = "{\"occupation\": \"footprint-test\"}";
            await().atMost(Duration.ofSeconds(30)).until(() -> StackApi.body(api.post("outreach-service",
                    "/segments/preview", coordinator, "{\"area\": \"GE-IM\", \"criteria\": " + criteria + "}"), 200)
                .get("recipients").asLong() == 1);
            String segment = StackApi.body(api.post("outreach-service", "/segments", coordinator,
                    "{\"name\": \"footprint\", \"area\": \"GE-IM\", \"criteria\": " + criteria + "}"), 201)
                .at("/segment/id").asString();
            String campaign = StackApi.body(api.post("outreach-service", "/campaigns", coordinator, """
                    {"kind": "INFORMATION", "title": "Beekeeping", "ownerArea": "GE-IM", "segmentId": "%s",
                     "channels": ["SMS"], "fallbackLanguage": "en",
                     "templates": {"ka": {"subject": "მეფუტკრეობა", "body": "გამარჯობა {name}, ფუტკრის ტრენინგი"},
                                   "en": {"subject": "Beekeeping", "body": "Hello {name}, beekeeping training"}}}"""
                .formatted(segment)), 201).get("id").asString();
            StackApi.body(api.post("outreach-service", "/campaigns/" + campaign + "/launch", coordinator, "{}"), 200);
            await().atMost(Duration.ofSeconds(30)).until(() -> api.get("outreach-service",
                    "/campaigns/" + campaign + "/messages?status=SENT", coordinator).size() == 1);
            assertThat(api.postWithHeader("outreach-service", "/providers/sms/replies", "X-Callback-Token",
                    "local-callback-token", """
                    {"from": "+306917774321", "text": "Zurab here, I will come with Lamara"}""").statusCode())
                .isEqualTo(202);

            // His request for access, before he asks to be forgotten: each service's part of it.
            String record = "/households/" + householdId + "/migrants/" + migrantId + "/export";
            assertThat(api.get("registry-service", record, officer).at("/migrant/nameLatin").asString())
                .isEqualTo("Zurab Kvirikashvili");
            JsonNode hotline = api.get("hotline-service", record, officer);
            assertThat(hotline.get("knownAt").properties()).extracting(Map.Entry::getKey).containsExactly("+306917774321");
            assertThat(hotline.get("tickets")).as("the one before the hotline knew his number too").hasSize(2);
            assertThat(hotline.get("calls")).as("the call he hung up and the answered one").hasSize(2);
            JsonNode outreach = api.get("outreach-service", "/migrants/" + migrantId + "/export", officer);
            assertThat(outreach.at("/recipient/email").asString()).isEqualTo("zurab.kv@example.ge");
            assertThat(outreach.get("messages")).hasSize(1);
            assertThat(outreach.at("/replies/0/text").asString()).isEqualTo("Zurab here, I will come with Lamara");

            assertThat(PersonalDataInventory.read(config.repositoryRoot()).undeclared(config.mongoUri()))
                .as("collections and fields docs/personal-data.yml does not declare").isEmpty();
            assertThat(ZURAB.inStores(config.mongoUri())).as("the footprint to be erased")
                .extracting(trace -> trace.where().substring(0, trace.where().indexOf('.')))
                .contains("registry", "hotline", "outreach");

            erase(api, householdId, migrantId);

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    assertThat(ZURAB.inStores(config.mongoUri())).as("traces left in the databases").isEmpty());
            assertThat(ZURAB.inTopics(config.kafkaBootstrapServers(), topic -> !Footprint.isKafkasOwn(topic)
                    && !personal(topic))).as("traces in PII-free topics").isEmpty();
            assertThat(howLongPersonalTopicsKeepRecords(config.kafkaBootstrapServers()))
                .as("personal topics and their dead letters: a record is gone within 73 hours of being written")
                .containsOnlyKeys(Stream.concat(Arrays.stream(Topic.values())
                        .filter(topic -> topic.dataClass() == DataClass.PERSONAL).map(Topic::topicName), Stream.of(
                        "ddesk.registry.people.v1.hotline-service.dlq", "ddesk.registry.people.v1.outreach-service.dlq",
                        "ddesk.hotline.callers.v1.outreach-service.dlq", "ddesk.outreach.people.v1.registry-service.dlq"))
                    .toArray(String[]::new))
                .allSatisfy((topic, kept) -> assertThat(kept).isLessThanOrEqualTo(Duration.ofHours(73)));
        }
    }

    /**
     * A restore of last week's backup: the registry's, the hotline's and outreach's databases come back as they were
     * before the erasure, with the person in them. The erasure ledger lives in Kafka, not in the restored databases,
     * and each service erases the person again as it starts.
     */
    @Test
    void aBackupTakenBeforeAnErasureDoesNotBringThePersonBackAfterARestore() throws Exception {
        StackConfig config = StackConfig.withPorts(StackConfig.checkoutRoot(), data, PORT_OFFSET);
        StackApi api = new StackApi(config);
        String householdId;
        String migrantId;
        try (LocalStack stack = LocalStack.start(config)) {
            JsonNode household = registerZurab(api, api.token("registry-officer"));
            householdId = household.get("id").asString();
            migrantId = household.at("/migrants/0/migrantId").asString();
            String agent = api.token("hotline-agent");
            await().atMost(Duration.ofSeconds(30)).until(() -> api.get("hotline-service",
                    "/callers?phone=" + encode("+306917774321"), agent).get("candidates").size() == 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> ZURAB.inStores(config.mongoUri()).stream()
                .anyMatch(trace -> trace.where().startsWith("outreach.recipients")));
        }
        Path backup = Files.copy(data.resolve("mongo.mv"), data.resolveSibling(data.getFileName() + "-backup.mv"),
                StandardCopyOption.REPLACE_EXISTING);

        try (LocalStack stack = LocalStack.start(config)) {
            erase(api, householdId, migrantId);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> ZURAB.inStores(config.mongoUri()).isEmpty());
        }
        Files.copy(backup, data.resolve("mongo.mv"), StandardCopyOption.REPLACE_EXISTING);
        try (MongoWireServer restored = MongoWireServer.start(config)) {
            assertThat(ZURAB.inStores(config.mongoUri())).as("the restored backup holds him")
                .extracting(trace -> trace.where().substring(0, trace.where().indexOf('.')))
                .contains("registry", "hotline", "outreach");
        }

        try (LocalStack stack = LocalStack.start(config)) {
            long ready = System.nanoTime();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(ZURAB.inStores(config.mongoUri())).as("traces after the restore").isEmpty());
            System.out.printf("restored backup: person erased again %d ms after the stack was ready%n",
                    (System.nanoTime() - ready) / 1_000_000);
            assertThat(api.getResponse("registry-service", "/households/" + householdId,
                    api.token("registry-officer")).statusCode()).as("his household, he its only migrant").isEqualTo(404);
        }
    }

    /** Per personal topic (and dead-letter topic) on the broker, retention plus segment time: see TopicPolicy. */
    private static Map<String, Duration> howLongPersonalTopicsKeepRecords(String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            List<ConfigResource> personal = admin.listTopics().names().get().stream().filter(ErasureIT::personal)
                .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic)).toList();
            Map<String, Duration> kept = new TreeMap<>();
            admin.describeConfigs(personal).all().get().forEach((topic, configs) -> {
                boolean deletes = configs.get("cleanup.policy").value().equals("delete");
                long retention = Long.parseLong(configs.get("retention.ms").value());
                long segment = Long.parseLong(configs.get("segment.ms").value());
                kept.put(topic.name(), deletes && retention >= 0 ? Duration.ofMillis(retention + segment)
                        : ChronoUnit.FOREVER.getDuration());
            });
            return kept;
        }
    }

    /** Zurab's household as his mother gave it at the Kutaisi desk: her number, his in Greece, his e-mail. */
    private static JsonNode registerZurab(StackApi api, String officer) throws Exception {
        return StackApi.body(api.post("registry-service", "/households", officer, """
                {"municipalityCode": "GE-IM-KUTAISI", "locality": "Tsereteli St 40",
                 "informants": [{"name": "ლამარა ქვირიკაშვილი", "relation": "mother", "phone": "599 77 43 21"}],
                 "migrants": [{"givenName": "ზურაბ", "familyName": "ქვირიკაშვილი", "nameLatin": "Zurab Kvirikashvili",
                   "sex": "MALE", "birthYear": 1987, "destinationCountry": "%s", "destinationCity": "%s",
                   "lifecycleStage": "ABROAD", "preferredLanguage": "ka", "phones": ["+30 691 777 4321"],
                   "email": "zurab.kv@example.ge", "occupation": "footprint-test",
                   "consent": {"hotline": true, "outreach": true, "statistics": true}}]}"""
                .formatted(DAYTIME.country(), DAYTIME.city())), 201);
    }

    /** The officer asks for the erasure at the person's request; the office's supervisor approves it. */
    private static void erase(StackApi api, String householdId, String migrantId) throws Exception {
        String request = StackApi.body(api.delete("registry-service", "/households/" + householdId + "/migrants/"
                + migrantId, api.token("registry-officer")), 202).get("id").asString();
        StackApi.body(api.post("registry-service", "/erasure-requests/" + request + "/approval",
                api.token("supervisor"), "{}"), 200);
    }

    /** The office's telephony system reports a call from Zurab's number. */
    private static void call(StackApi api, String telephony, String event, String callId) throws Exception {
        StackApi.body(api.post("hotline-service", "/calls/events", telephony, """
                {"event": "%s", "callId": "%s", "from": "00306917774321", "line": "%s"}"""
            .formatted(event, callId, KUTAISI_LINE)), 200);
    }

    /** A personal-data topic of the catalogue, or one of its dead-letter topics. */
    private static boolean personal(String topic) {
        return Arrays.stream(Topic.values())
            .filter(known -> known.dataClass() == DataClass.PERSONAL)
            .anyMatch(known -> topic.equals(known.topicName()) || topic.startsWith(known.topicName() + "."));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
