package org.diasporadesk.hotline.servicelevels;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.diasporadesk.chassis.security.Role;
import org.diasporadesk.hotline.tickets.application.TicketStore;
import org.diasporadesk.hotline.tickets.domain.Ticket;
import org.diasporadesk.testsupport.ApiClient;
import org.diasporadesk.testsupport.ServiceIntegrationTest;
import org.diasporadesk.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service-level watch reads only the tickets whose stored due time has come; these are the due times it relies
 * on. Test settings: offices never close; a normal ticket's response is due in 4 hours.
 */
@ServiceIntegrationTest
class ServiceLevelDueTimesIT {

    private static final String AGENT = TestTokens.municipal(Role.HOTLINE_AGENT, "GE-IM-KUTAISI");
    private static final Instant IN_A_YEAR = Instant.now().plus(Duration.ofDays(365));

    @LocalServerPort
    int port;

    @Autowired
    TicketStore store;

    @Autowired
    MongoTemplate mongo;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = ApiClient.local(port);
    }

    @Test
    void aTicketIsDueAtItsResponseTargetAndNotWhileItWaitsOnTheCaller() {
        Instant before = Instant.now();
        String id = open("+995 599 20 01 01");

        Instant due = stored(id).get("serviceLevelDueAt", Date.class).toInstant();
        assertThat(due).as("the response due time the agent sees")
            .isEqualTo(api.get("/tickets/" + id, AGENT).body().at("/serviceLevelStatus/responseDueAt").asString());
        // Four office hours; the test office closes for a second at midnight.
        assertThat(due).isBetween(before.plus(Duration.ofHours(4)),
                Instant.now().plus(Duration.ofHours(4)).plusSeconds(2));
        assertThat(dueIds(due.minusSeconds(1))).doesNotContain(id);
        assertThat(dueIds(due)).contains(id);

        assertThat(api.put("/tickets/{id}/status", AGENT, Map.of("status", "WAITING"), id).status()).isEqualTo(200);
        assertThat(stored(id).containsKey("serviceLevelDueAt")).as("the clock stands").isFalse();
        assertThat(dueIds(IN_A_YEAR)).doesNotContain(id);

        assertThat(api.put("/tickets/{id}/status", AGENT, Map.of("status", "IN_PROGRESS"), id).status()).isEqualTo(200);
        assertThat(dueIds(IN_A_YEAR)).as("answered; the resolution target is next").contains(id);
    }

    /** A ticket written before due times were kept, or under other targets, is due again after the refresh. */
    @Test
    void theRefreshWorksOutDueTimesAgainWithoutMovingTheTicketsVersion() {
        String id = open("+995 599 20 01 02");
        Document written = stored(id);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().unset("serviceLevelDueAt"),
                "tickets");
        assertThat(dueIds(IN_A_YEAR)).doesNotContain(id);

        assertThat(store.refreshServiceLevelDueTimes()).isGreaterThanOrEqualTo(1);

        Document refreshed = stored(id);
        assertThat(refreshed.get("serviceLevelDueAt")).isEqualTo(written.get("serviceLevelDueAt"));
        assertThat(refreshed.get("version")).as("an agent's edit under way still lands")
            .isEqualTo(written.get("version"));
        assertThat(dueIds(IN_A_YEAR)).contains(id);
        assertThat(store.refreshServiceLevelDueTimes()).as("nothing left to move").isZero();
    }

    private String open(String phone) {
        ApiClient.Response opened = api.post("/tickets", AGENT, Map.of("phone", phone, "topic", "documents",
                "priority", "NORMAL"));
        assertThat(opened.status()).as(opened.body().toString()).isEqualTo(201);
        return opened.body().at("/ticket/id").asString();
    }

    private Document stored(String id) {
        return mongo.getCollection("tickets").find(new Document("_id", id)).first();
    }

    private List<String> dueIds(Instant now) {
        return store.serviceLevelsDue(now).stream().map(Ticket::id).toList();
    }
}
