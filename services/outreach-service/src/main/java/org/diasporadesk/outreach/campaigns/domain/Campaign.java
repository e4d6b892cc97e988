package org.diasporadesk.outreach.campaigns.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.diasporadesk.chassis.web.InvalidFieldException;
import org.diasporadesk.chassis.web.StateConflictException;
import org.diasporadesk.events.outreach.CampaignEnded;
import org.diasporadesk.events.outreach.CampaignLaunched;
import org.diasporadesk.outreach.channels.Channel;

/**
 * A campaign of an office or region: what it says in which languages, to which segment, over which channels
 * (in order of preference), when, and for trainings and events its sessions.
 *
 * @param templates       per BCP 47 language; the recipient's preferred language, else {@code fallbackLanguage}
 * @param answerOptions   the replies that count as answers (YES, NO, a survey choice), upper case
 * @param startAt         when a scheduled campaign queues its messages
 * @param queued          how many messages it queued at start
 * @param version         for optimistic concurrency; null before the first write
 */
public record Campaign(String id, CampaignKind kind, String title, String ownerArea, String segmentId,
        List<Channel> channels, Map<String, MessageTemplate> templates, String fallbackLanguage,
        List<String> answerOptions, List<TrainingSession> sessions, Schedule schedule, CampaignStatus status,
        Instant startAt, long queued, String createdBy, Instant createdAt, Instant launchedAt, Instant endedAt,
        Long version) {

    public Campaign {
        channels = List.copyOf(channels);
        templates = Map.copyOf(templates);
        answerOptions = answerOptions == null ? List.of()
                : answerOptions.stream().map(option -> option.strip().toUpperCase(Locale.ROOT)).distinct().toList();
        sessions = sessions == null ? List.of() : List.copyOf(sessions);
        schedule = schedule == null ? Schedule.atLaunch() : schedule;
    }

    /** A new campaign in draft, checked so that nothing sent from it can be malformed. */
    public static Campaign draft(String id, CampaignKind kind, String title, String ownerArea, String segmentId,
            List<Channel> channels, Map<String, MessageTemplate> templates, String fallbackLanguage,
            List<String> answerOptions, List<TrainingSession> sessions, Schedule schedule, String createdBy,
            Instant now) {
        if (!templates.containsKey(fallbackLanguage)) {
            throw new InvalidFieldException("fallbackLanguage",
                    "there is no template in '" + fallbackLanguage + "'; add one or name a language that has one");
        }
        templates.forEach((language, template) -> {
            List<String> unknown = template.unknownPlaceholders();
            if (!unknown.isEmpty()) {
                throw new InvalidFieldException("templates." + language, "unknown placeholder(s) " + unknown
                        + "; use " + MessageTemplate.PLACEHOLDERS);
            }
        });
        List<TrainingSession> given = sessions == null ? List.of() : sessions;
        if (kind.hasSessions() && given.isEmpty()) {
            throw new InvalidFieldException("sessions", "a " + kind.name().toLowerCase(Locale.ROOT)
                    + " needs at least one session with date, place and capacity");
        }
        if (!kind.hasSessions() && !given.isEmpty()) {
            throw new InvalidFieldException("sessions", "only trainings and events have sessions");
        }
        if (schedule != null && schedule.hoursBeforeFirstSession() != null && given.isEmpty()) {
            throw new InvalidFieldException("schedule.hoursBeforeFirstSession", "the campaign has no session to count from");
        }
        return new Campaign(id, kind, title, ownerArea, segmentId, channels, templates, fallbackLanguage,
                answerOptions, given, schedule, CampaignStatus.DRAFT, null, 0, createdBy, now, null, null, null);
    }

    /** A coordinator launched it: it starts at its scheduled time. */
    public Campaign launch(Instant now) {
        if (status != CampaignStatus.DRAFT) {
            throw new StateConflictException("status", "the campaign is " + status + "; only a draft can be launched");
        }
        return with(CampaignStatus.SCHEDULED, schedule.startAt(now, firstSession().map(TrainingSession::startsAt).orElse(null)), queued, launchedAt,
                endedAt);
    }

    /** Its messages are queued: it is running. */
    public CampaignChange start(long queuedMessages, Instant now) {
        if (status != CampaignStatus.SCHEDULED) {
            throw new IllegalStateException("campaign " + id + " is " + status + ", not scheduled");
        }
        return new CampaignChange(with(CampaignStatus.RUNNING, startAt, queuedMessages, now, endedAt),
                List.of(new CampaignLaunched(id, ownerArea, kind.name(), queuedMessages, now)));
    }

    /** Every message reached a final status and every session has begun. */
    public CampaignChange complete(Instant now) {
        if (status != CampaignStatus.RUNNING) {
            throw new IllegalStateException("campaign " + id + " is " + status + ", not running");
        }
        return new CampaignChange(with(CampaignStatus.COMPLETED, startAt, queued, launchedAt, now),
                List.of(new CampaignEnded(id, ownerArea, kind.name(), CampaignStatus.COMPLETED.name(), now)));
    }

    /** A coordinator stopped it; reporting hears of it only if it had gone out. */
    public CampaignChange cancel(Instant now) {
        if (status.ended()) {
            throw new StateConflictException("status", "the campaign is already " + status);
        }
        Campaign cancelled = with(CampaignStatus.CANCELLED, startAt, queued, launchedAt, now);
        return new CampaignChange(cancelled, status == CampaignStatus.RUNNING
                ? List.of(new CampaignEnded(id, ownerArea, kind.name(), CampaignStatus.CANCELLED.name(), now))
                : List.of());
    }

    /** The template in the recipient's language, else in the fallback language. */
    public Map.Entry<String, MessageTemplate> templateFor(String preferredLanguage) {
        if (preferredLanguage != null) {
            MessageTemplate preferred = templates.get(preferredLanguage);
            if (preferred != null) {
                return Map.entry(preferredLanguage, preferred);
            }
            // "ka-GE" is served by a "ka" template.
            String base = preferredLanguage.split("-")[0];
            if (templates.containsKey(base)) {
                return Map.entry(base, templates.get(base));
            }
        }
        return Map.entry(fallbackLanguage, templates.get(fallbackLanguage));
    }

    public Optional<TrainingSession> firstSession() {
        return sessions.stream().min(Comparator.comparing(TrainingSession::startsAt));
    }

    public Optional<TrainingSession> session(String sessionId) {
        return sessions.stream().filter(session -> session.id().equals(sessionId)).findFirst();
    }

    /** Whether its last session has begun (always, for a campaign without sessions). */
    public boolean sessionsBegun(Instant now) {
        return sessions.stream().noneMatch(session -> session.startsAt().isAfter(now));
    }

    public Campaign withVersion(Long newVersion) {
        return new Campaign(id, kind, title, ownerArea, segmentId, channels, templates, fallbackLanguage,
                answerOptions, sessions, schedule, status, startAt, queued, createdBy, createdAt, launchedAt, endedAt,
                newVersion);
    }

    private Campaign with(CampaignStatus newStatus, Instant newStartAt, long newQueued, Instant newLaunchedAt,
            Instant newEndedAt) {
        return new Campaign(id, kind, title, ownerArea, segmentId, channels, templates, fallbackLanguage,
                answerOptions, sessions, schedule, newStatus, newStartAt, newQueued, createdBy, createdAt,
                newLaunchedAt, newEndedAt, version);
    }
}
