package org.diasporadesk.events;

import java.util.Arrays;
import java.util.Optional;

import org.diasporadesk.events.hotline.CallLogged;
import org.diasporadesk.events.hotline.KnownCallerContacted;
import org.diasporadesk.events.hotline.ReferralOutcomeRecorded;
import org.diasporadesk.events.hotline.TicketOpened;
import org.diasporadesk.events.hotline.TicketReferred;
import org.diasporadesk.events.hotline.TicketResponded;
import org.diasporadesk.events.hotline.TicketServiceLevelBreached;
import org.diasporadesk.events.hotline.TicketStatusChanged;
import org.diasporadesk.events.outreach.CampaignEnded;
import org.diasporadesk.events.outreach.CampaignLaunched;
import org.diasporadesk.events.outreach.MessageStatusChanged;
import org.diasporadesk.events.outreach.RecipientOptedOut;
import org.diasporadesk.events.outreach.ReplyRecorded;
import org.diasporadesk.events.outreach.SessionRosterChanged;
import org.diasporadesk.events.registry.ErasureRecorded;
import org.diasporadesk.events.registry.FamilyMemberErased;
import org.diasporadesk.events.registry.HouseholdRegistered;
import org.diasporadesk.events.registry.HouseholdStatisticsRecorded;
import org.diasporadesk.events.registry.HouseholdUpdated;
import org.diasporadesk.events.registry.MigrantErased;
import org.diasporadesk.events.registry.MigrantsMerged;

/**
 * Every event type with its versioned CloudEvents {@code type}, payload record and topic. The JSON Schema
 * of a type lives at {@code events/schemas/<type>.schema.json} in this jar.
 */
public enum EventType {

    HOUSEHOLD_REGISTERED_V1("org.diasporadesk.registry.household-registered.v1", HouseholdRegistered.class,
            Topic.REGISTRY_PEOPLE),
    HOUSEHOLD_UPDATED_V1("org.diasporadesk.registry.household-updated.v1", HouseholdUpdated.class,
            Topic.REGISTRY_PEOPLE),
    HOUSEHOLD_STATISTICS_RECORDED_V1("org.diasporadesk.registry.household-statistics-recorded.v1",
            HouseholdStatisticsRecorded.class, Topic.REGISTRY_STATISTICS),
    MIGRANT_ERASED_V1("org.diasporadesk.registry.migrant-erased.v1", MigrantErased.class, Topic.REGISTRY_PEOPLE),
    ERASURE_RECORDED_V1("org.diasporadesk.registry.erasure-recorded.v1", ErasureRecorded.class,
            Topic.REGISTRY_ERASURES),
    MIGRANTS_MERGED_V1("org.diasporadesk.registry.migrants-merged.v1", MigrantsMerged.class, Topic.REGISTRY_PEOPLE),
    FAMILY_MEMBER_ERASED_V1("org.diasporadesk.registry.family-member-erased.v1", FamilyMemberErased.class,
            Topic.REGISTRY_PEOPLE),
    TICKET_OPENED_V1("org.diasporadesk.hotline.ticket-opened.v1", TicketOpened.class, Topic.HOTLINE_TICKETS),
    TICKET_STATUS_CHANGED_V1("org.diasporadesk.hotline.ticket-status-changed.v1", TicketStatusChanged.class,
            Topic.HOTLINE_TICKETS),
    TICKET_RESPONDED_V1("org.diasporadesk.hotline.ticket-responded.v1", TicketResponded.class, Topic.HOTLINE_TICKETS),
    TICKET_SERVICE_LEVEL_BREACHED_V1("org.diasporadesk.hotline.ticket-service-level-breached.v1",
            TicketServiceLevelBreached.class, Topic.HOTLINE_TICKETS),
    TICKET_REFERRED_V1("org.diasporadesk.hotline.ticket-referred.v1", TicketReferred.class, Topic.HOTLINE_TICKETS),
    REFERRAL_OUTCOME_RECORDED_V1("org.diasporadesk.hotline.referral-outcome-recorded.v1",
            ReferralOutcomeRecorded.class, Topic.HOTLINE_TICKETS),
    CALL_LOGGED_V1("org.diasporadesk.hotline.call-logged.v1", CallLogged.class, Topic.HOTLINE_TICKETS),
    KNOWN_CALLER_CONTACTED_V1("org.diasporadesk.hotline.known-caller-contacted.v1", KnownCallerContacted.class,
            Topic.HOTLINE_CALLERS),
    RECIPIENT_OPTED_OUT_V1("org.diasporadesk.outreach.recipient-opted-out.v1", RecipientOptedOut.class,
            Topic.OUTREACH_PEOPLE),
    CAMPAIGN_LAUNCHED_V1("org.diasporadesk.outreach.campaign-launched.v1", CampaignLaunched.class,
            Topic.OUTREACH_CAMPAIGNS),
    CAMPAIGN_ENDED_V1("org.diasporadesk.outreach.campaign-ended.v1", CampaignEnded.class, Topic.OUTREACH_CAMPAIGNS),
    MESSAGE_STATUS_CHANGED_V1("org.diasporadesk.outreach.message-status-changed.v1", MessageStatusChanged.class,
            Topic.OUTREACH_CAMPAIGNS),
    SESSION_ROSTER_CHANGED_V1("org.diasporadesk.outreach.session-roster-changed.v1", SessionRosterChanged.class,
            Topic.OUTREACH_CAMPAIGNS),
    REPLY_RECORDED_V1("org.diasporadesk.outreach.reply-recorded.v1", ReplyRecorded.class, Topic.OUTREACH_CAMPAIGNS);

    private final String typeName;
    private final Class<? extends EventPayload> payloadClass;
    private final Topic topic;

    EventType(String typeName, Class<? extends EventPayload> payloadClass, Topic topic) {
        this.typeName = typeName;
        this.payloadClass = payloadClass;
        this.topic = topic;
    }

    public String typeName() {
        return typeName;
    }

    public Class<? extends EventPayload> payloadClass() {
        return payloadClass;
    }

    public Topic topic() {
        return topic;
    }

    public String schemaResource() {
        return "events/schemas/" + typeName + ".schema.json";
    }

    public static Optional<EventType> ofTypeName(String typeName) {
        return Arrays.stream(values()).filter(type -> type.typeName.equals(typeName)).findFirst();
    }

    public static EventType of(EventPayload payload) {
        return Arrays.stream(values())
            .filter(type -> type.payloadClass.equals(payload.getClass()))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no event type for " + payload.getClass()));
    }
}
