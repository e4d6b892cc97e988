package org.diasporadesk.outreach.segments;

import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.diasporadesk.chassis.security.Role;
import org.diasporadesk.events.registry.LifecycleStage;
import org.diasporadesk.events.registry.Sex;
import org.diasporadesk.outreach.HotlineFeed;
import org.diasporadesk.outreach.OutreachApi;
import org.diasporadesk.outreach.RegistryFeed;
import org.diasporadesk.outreach.RegistryFeed.Person;
import org.diasporadesk.testsupport.ApiClient;
import org.diasporadesk.testsupport.ServiceIntegrationTest;
import org.diasporadesk.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceIntegrationTest
class SegmentIT {

    private static final String TBILISI = TestTokens.regional(Role.OUTREACH_COORDINATOR, "GE-TB");

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Test
    void eachCriterionNarrowsTheSegmentAndOnlyConsentingPeopleAreCounted() {
        OutreachApi api = new OutreachApi(ApiClient.local(port), TBILISI);
        String marker = "accountant-" + UUID.randomUUID();
        int year = Year.now().getValue();
        Person youngWomanInGreece = Person.in("GE-TB-TBILISI").livingIn("GR", "Athens").working(marker, "Excel")
            .profile(Sex.FEMALE, year - 22, LifecycleStage.ABROAD);
        Person manInGermany = Person.in("GE-TB-TBILISI").livingIn("DE", "Berlin").working(marker, "bookkeeping")
            .profile(Sex.MALE, year - 40, LifecycleStage.ABROAD).speaking("de");
        Person returnee = Person.in("GE-TB-TBILISI").livingIn("GR", null).working("senior " + marker)
            .profile(Sex.MALE, year - 60, LifecycleStage.RETURNED);
        Person withoutConsent = Person.in("GE-TB-TBILISI").livingIn("GR", null).working(marker).consenting(false);
        List.of(youngWomanInGreece, manInGermany, returnee, withoutConsent).forEach(RegistryFeed::register);

        await().atMost(Duration.ofSeconds(15)).until(() -> api.preview("GE-TB", Map.of("occupation", marker)) == 3);
        assertThat(api.preview("GE-TB", Map.of("occupation", marker.toUpperCase(), "destinationCountries", List.of("GR"))))
            .isEqualTo(2);
        assertThat(api.preview("GE-TB", Map.of("occupation", marker, "sexes", List.of("MALE")))).isEqualTo(2);
        assertThat(api.preview("GE-TB", Map.of("occupation", marker, "ageBands", List.of("18-24", "65+")))).isEqualTo(1);
        assertThat(api.preview("GE-TB", Map.of("occupation", marker, "ageBands", List.of("55-64")))).isEqualTo(1);
        assertThat(api.preview("GE-TB", Map.of("occupation", marker, "lifecycleStages", List.of("RETURNED"))))
            .isEqualTo(1);
        assertThat(api.preview("GE-TB", Map.of("occupation", marker, "languages", List.of("de")))).isEqualTo(1);
        assertThat(api.preview("GE-TB", Map.of("occupation", marker, "skills", List.of("excel", "welding"))))
            .isEqualTo(1);

        String segment = api.segment("GE-TB", Map.of("occupation", marker, "destinationCountries", List.of("GR")));
        ApiClient.Response saved = api.client().get("/segments/" + segment, TBILISI);
        assertThat(saved.body().at("/reach/recipients").asLong()).isEqualTo(2);

        // Withdrawn consent takes a person out of every segment at once.
        RegistryFeed.update(youngWomanInGreece.consenting(false), 2);
        await().atMost(Duration.ofSeconds(10))
            .until(() -> api.client().get("/segments/" + segment, TBILISI).body().at("/reach/recipients").asLong() == 1);
    }

    @Test
    void aHotlineCriterionSelectsPeopleWhoOrWhoseFamilyCalledAboutItLately() {
        OutreachApi api = new OutreachApi(ApiClient.local(port), TBILISI);
        String marker = "trader-" + UUID.randomUUID();
        Person calledAboutBusiness = Person.in("GE-TB-TBILISI").working(marker);
        Person familyCalledAboutBusiness = Person.in("GE-TB-TBILISI").working(marker);
        Person calledAboutDocuments = Person.in("GE-TB-TBILISI").working(marker);
        Person calledLongAgo = Person.in("GE-TB-TBILISI").working(marker);
        Person neverCalled = Person.in("GE-TB-TBILISI").working(marker);
        Person calledThenErased = Person.in("GE-TB-TBILISI").working(marker);
        List.of(calledAboutBusiness, familyCalledAboutBusiness, calledAboutDocuments, calledLongAgo, neverCalled,
                calledThenErased).forEach(RegistryFeed::register);
        await().atMost(Duration.ofSeconds(15)).until(() -> api.preview("GE-TB", Map.of("occupation", marker)) == 6);

        Instant now = Instant.now();
        HotlineFeed.called(calledAboutBusiness, "business-investment", now.minus(Duration.ofDays(2)));
        HotlineFeed.familyCalled(familyCalledAboutBusiness, "business-investment", now.minus(Duration.ofDays(10)));
        HotlineFeed.called(calledAboutDocuments, "documents", now.minus(Duration.ofDays(1)));
        HotlineFeed.called(calledLongAgo, "business-investment", now.minus(Duration.ofDays(40)));
        HotlineFeed.called(calledThenErased, "business-investment", now.minus(Duration.ofDays(1)));

        Map<String, Object> business30 = Map.of("occupation", marker,
                "calledHotline", Map.of("topics", List.of("business-investment"), "withinDays", 30));
        await().atMost(Duration.ofSeconds(15)).until(() -> api.preview("GE-TB", business30) == 3);
        assertThat(api.preview("GE-TB", Map.of("occupation", marker, "calledHotline", Map.of("withinDays", 30))))
            .as("about anything").isEqualTo(4);
        assertThat(api.preview("GE-TB", Map.of("occupation", marker,
                "calledHotline", Map.of("topics", List.of("business-investment"), "withinDays", 60)))).isEqualTo(4);

        // Erased in the registry: out of the segment, and nothing of their calls stays in outreach.
        RegistryFeed.erase(calledThenErased, 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> api.preview("GE-TB", business30) == 2);
        assertThat(mongo.count(new Query(Criteria.where("migrantId").is(calledThenErased.migrantId())),
                "hotline_contacts")).isZero();
    }

    @Test
    void theHotlineContactsOfAMergedAwayRecordCountForTheSurvivingOne() {
        OutreachApi api = new OutreachApi(ApiClient.local(port), TBILISI);
        String marker = "miner-" + UUID.randomUUID();
        Person merged = Person.in("GE-TB-TBILISI").working(marker);
        Person survivor = Person.in("GE-TB-TBILISI").working(marker);
        RegistryFeed.register(merged);
        RegistryFeed.register(survivor);
        Map<String, Object> business30 = Map.of("occupation", marker,
                "calledHotline", Map.of("topics", List.of("business-investment"), "withinDays", 30));
        HotlineFeed.called(merged, "business-investment", Instant.now().minus(Duration.ofDays(1)));
        HotlineFeed.familyCalled(merged, "business-investment", Instant.now().minus(Duration.ofDays(3)));
        await().atMost(Duration.ofSeconds(15)).until(() -> api.preview("GE-TB", Map.of("occupation", marker)) == 2
                && api.preview("GE-TB", business30) == 1);

        RegistryFeed.merge(merged, survivor, 2);

        await().atMost(Duration.ofSeconds(10)).until(() -> api.preview("GE-TB", Map.of("occupation", marker)) == 1);
        assertThat(api.preview("GE-TB", business30)).as("the survivor, who never called under their own record")
            .isEqualTo(1);
        assertThat(mongo.find(new Query(Criteria.where("householdId").is(survivor.householdId())), Document.class,
                "hotline_contacts")).extracting(contact -> contact.get("migrantId"))
            .containsExactlyInAnyOrder(survivor.migrantId(), null);
    }

    @Test
    void badCriteriaAndForeignAreasAreRefusedNamingTheField() {
        ApiClient client = ApiClient.local(port);

        ApiClient.Response badCountry = client.post("/segments/preview", TBILISI,
                Map.of("area", "GE-TB", "criteria", Map.of("destinationCountries", List.of("Greece"))));
        ApiClient.Response badBand = client.post("/segments/preview", TBILISI,
                Map.of("area", "GE-TB", "criteria", Map.of("ageBands", List.of("20-30"))));
        ApiClient.Response foreign = client.post("/segments", TBILISI,
                Map.of("name", "Kakheti", "area", "GE-KA", "criteria", Map.of()));
        ApiClient.Response otherRegionsSegment = client.get("/segments/" + new OutreachApi(client, TBILISI)
            .segment("GE-TB", Map.of()), TestTokens.regional(Role.OUTREACH_COORDINATOR, "GE-KA"));

        assertThat(badCountry.status()).isEqualTo(400);
        assertThat(badCountry.body().get("errors").get(0).get("field").asString()).startsWith("criteria.destinationCountries");
        assertThat(badBand.status()).isEqualTo(400);
        assertThat(badBand.body().toString()).contains("ageBands");
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.body().get("errors").get(0).get("field").asString()).isEqualTo("area");
        assertThat(otherRegionsSegment.status()).isEqualTo(404);

        ApiClient.Response noPeriod = client.post("/segments/preview", TBILISI, Map.of("area", "GE-TB",
                "criteria", Map.of("calledHotline", Map.of("topics", List.of("business-investment")))));
        ApiClient.Response tooLong = client.post("/segments/preview", TBILISI, Map.of("area", "GE-TB",
                "criteria", Map.of("calledHotline", Map.of("withinDays", 1000))));
        assertThat(noPeriod.status()).isEqualTo(400);
        assertThat(noPeriod.body().get("errors").get(0).get("field").asString())
            .isEqualTo("criteria.calledHotline.withinDays");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body().get("errors").get(0).get("field").asString())
            .isEqualTo("criteria.calledHotline.withinDays");
    }
}
