package org.diasporadesk.outreach.replies.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Replies with their outbox. */
public interface Replies {

    /** Stores the reply and its PII-free event in one write. */
    void insert(Reply reply);

    /**
     * Per answer option (free text as "other"; "opt-out" for stop words), how many of the campaign's recipients
     * replied with it; a survey's later questions' answers under "2:YES", "3:other" and so on.
     */
    Map<String, Long> countByAnswer(String campaignId);

    /** Erases the text of replies received before {@code cutoff}, keeping their answers; returns how many. */
    long blankTextsBefore(Instant cutoff);

    /** The migrant's replies, for their export. */
    List<Reply> ofMigrant(String migrantId);

    /** An erased or merged-away migrant: their replies keep their answer but no longer name them or keep the text. */
    void forget(String migrantId);
}
