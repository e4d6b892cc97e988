package org.diasporadesk.reporting.outreach.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.diasporadesk.chassis.messaging.ProjectionWriter;
import org.diasporadesk.events.outreach.CampaignEnded;
import org.diasporadesk.events.outreach.CampaignLaunched;
import org.diasporadesk.events.outreach.SessionRosterChanged;
import org.diasporadesk.reporting.outreach.application.CampaignFacts;
import org.diasporadesk.reporting.projection.RebuildableProjection;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * A document per campaign (its latest state: launched, then completed or cancelled) and one per training session
 * (its latest counts). Both events of a campaign carry its owner and kind, so whichever is newest holds all that is
 * needed even when the end overtakes the launch.
 */
@Repository
class MongoCampaignFacts implements CampaignFacts, RebuildableProjection {

    static final String CAMPAIGNS = "campaign_facts";
    static final String SESSIONS = "session_facts";

    private final MongoTemplate mongo;
    private final ProjectionWriter writer;

    MongoCampaignFacts(MongoTemplate mongo, ProjectionWriter writer) {
        this.mongo = mongo;
        this.writer = writer;
    }

    @Document(CAMPAIGNS)
    record CampaignFactDocument(@Id String campaignId, String ownerArea, String kind, String status, Instant at,
            long sequence) {
    }

    @Document(SESSIONS)
    record SessionFactDocument(@Id String sessionId, String campaignId, String ownerArea, int capacity, int enrolled,
            int waiting, int attended, Instant changedAt, long sequence, List<SessionRosterChanged.HomeCount> byHome) {
    }

    @Override
    public boolean launched(CampaignLaunched launched, long sequence) {
        return writer.replaceIfNewer(CAMPAIGNS, launched.campaignId(), sequence, new CampaignFactDocument(
                launched.campaignId(), launched.ownerArea(), launched.kind(), "RUNNING", launched.launchedAt(),
                sequence));
    }

    @Override
    public boolean ended(CampaignEnded ended, long sequence) {
        return writer.replaceIfNewer(CAMPAIGNS, ended.campaignId(), sequence, new CampaignFactDocument(
                ended.campaignId(), ended.ownerArea(), ended.kind(), ended.outcome(), ended.endedAt(), sequence));
    }

    @Override
    public boolean rosterChanged(SessionRosterChanged roster, long sequence) {
        return writer.replaceIfNewer(SESSIONS, roster.sessionId(), sequence, new SessionFactDocument(
                roster.sessionId(), roster.campaignId(), roster.ownerArea(), roster.capacity(), roster.enrolled(),
                roster.waiting(), roster.attended(), roster.changedAt(), sequence, roster.byHome()));
    }

    @Override
    public Map<String, CampaignFact> campaigns(Collection<String> campaignIds) {
        return mongo.find(new Query(Criteria.where("_id").in(campaignIds)), CampaignFactDocument.class).stream()
            .map(document -> new CampaignFact(document.campaignId(), document.ownerArea(), document.kind(),
                    document.status()))
            .collect(Collectors.toMap(CampaignFact::campaignId, Function.identity()));
    }

    @Override
    public List<SessionFact> sessionsOwnedBy(Collection<String> areaCodes) {
        return mongo.find(new Query(Criteria.where("ownerArea").in(areaCodes)), SessionFactDocument.class).stream()
            .map(document -> new SessionFact(document.campaignId(), document.sessionId(), document.ownerArea(),
                    document.capacity(), document.enrolled(), document.waiting(), document.attended(),
                    document.byHome() == null ? List.of() : document.byHome()))
            .toList();
    }

    @Override
    public void clearForRebuild() {
        mongo.remove(new Query(), CAMPAIGNS);
        mongo.remove(new Query(), SESSIONS);
    }
}
