package org.diasporadesk.outreach;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.diasporadesk.testsupport.ApiClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The outreach API as a coordinator's client uses it, for tests that need a campaign to get to their point. */
public record OutreachApi(ApiClient client, String token) {

    /** How many recipients the criteria select in the area now. */
    public long preview(String area, Map<String, Object> criteria) {
        ApiClient.Response preview = client.post("/segments/preview", token, Map.of("area", area, "criteria", criteria));
        assertThat(preview.status()).as(preview.body().toString()).isEqualTo(200);
        return preview.body().get("recipients").asLong();
    }

    public String segment(String area, Map<String, Object> criteria) {
        ApiClient.Response created = client.post("/segments", token,
                Map.of("name", "test segment", "area", area, "criteria", criteria));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body().at("/segment/id").asString();
    }

    /** A launched information campaign about beekeeping, in Georgian with an English fallback. */
    public String launchInformation(String area, Map<String, Object> criteria, List<String> channels) {
        return launch(draft("INFORMATION", area, segment(area, criteria), channels, List.of(), List.of()));
    }

    public Map<String, Object> draft(String kind, String area, String segmentId, List<String> channels,
            List<String> answerOptions, List<Map<String, Object>> sessions) {
        Map<String, Object> draft = new HashMap<>();
        draft.put("kind", kind);
        draft.put("title", "Beekeeping training");
        draft.put("ownerArea", area);
        draft.put("segmentId", segmentId);
        draft.put("channels", channels);
        draft.put("templates", Map.of(
                "ka", Map.of("subject", "მეფუტკრეობა", "body", "გამარჯობა {name}, ფუტკრის ტრენინგი"),
                "en", Map.of("subject", "Beekeeping", "body", "Hello {name}, beekeeping training")));
        draft.put("fallbackLanguage", "en");
        draft.put("answerOptions", answerOptions);
        draft.put("sessions", sessions);
        return draft;
    }

    /** Drafts and launches; returns the campaign id. */
    public String launch(Map<String, Object> draft) {
        ApiClient.Response created = client.post("/campaigns", token, draft);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String id = created.body().get("id").asString();
        ApiClient.Response launched = client.post("/campaigns/" + id + "/launch", token, Map.of());
        assertThat(launched.status()).as(launched.body().toString()).isEqualTo(200);
        return id;
    }

    public JsonNode campaign(String id) {
        return client.get("/campaigns/" + id, token).body();
    }

    public Map<String, Long> messages(String campaignId) {
        Map<String, Long> counts = new HashMap<>();
        campaign(campaignId).get("messages").properties()
            .forEach(entry -> counts.put(entry.getKey(), entry.getValue().asLong()));
        return counts;
    }

    /** The campaign's messages of one status as stored now (the counts of {@link #messages} may be seconds old). */
    public int listed(String campaignId, String status) {
        return client.get("/campaigns/" + campaignId + "/messages?status=" + status, token).body().size();
    }

    public String status(String campaignId) {
        return campaign(campaignId).at("/campaign/status").asString();
    }

    /** The time the recipient's queued message waits for. */
    public String queuedMessage(String campaignId, String migrantId) {
        for (JsonNode message : client.get("/campaigns/" + campaignId + "/messages?status=QUEUED", token).body()) {
            if (migrantId.equals(message.get("migrantId").asString())) {
                return message.get("notBefore").asString();
            }
        }
        throw new AssertionError("no queued message for " + migrantId);
    }
}
