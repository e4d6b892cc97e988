package org.diasporadesk.outreach.campaigns.domain;

/** The kinds of campaign offices run (see the domain notes). */
public enum CampaignKind {
    /** Training for families (business skills, use of remittances): sessions with limited places. */
    TRAINING,
    /** One message to a segment: local news, job fairs, warnings about illegal recruitment. */
    INFORMATION,
    /** An invitation to an event (International Migrants Day): a session, replies. */
    EVENT,
    /** Questions and replies. */
    SURVEY;

    /** Trainings and events happen somewhere at some time; people enrol in their sessions. */
    public boolean hasSessions() {
        return this == TRAINING || this == EVENT;
    }
}
