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
 * @param reminders       for trainings and events: messages to those holding a place, before each session
 * @param followUps       for surveys: the questions after the first (the campaign's own message), each sent to a
 *                        recipient who answered the one before
 * @param startAt         when a scheduled campaign queues its messages
 * @param queued          how many messages it queued at start
 * @param version         for optimistic concurrency; null before the first write
 */
public record Campaign(String id, CampaignKind kind, String title, String ownerArea, String segmentId,
        List<Channel> channels, Map<String, MessageTemplate> templates, String fallbackLanguage,
        List<String> answerOptions, List<TrainingSession> sessions, Schedule schedule, List<SessionReminder> reminders,
        List<SurveyQuestion> followUps, CampaignStatus status, Instant startAt, long queued, String createdBy,
        Instant createdAt, Instant launchedAt, Instant endedAt, Long version) {

    public Campaign {
        channels = List.copyOf(channels);
        templates = Map.copyOf(templates);
        answerOptions = answerOptions == null ? List.of()
                : answerOptions.stream().map(option -> option.strip().toUpperCase(Locale.ROOT)).distinct().toList();
        sessions = sessions == null ? List.of() : List.copyOf(sessions);
        schedule = schedule == null ? Schedule.atLaunch() : schedule;
        reminders = reminders == null ? List.of() : List.copyOf(reminders);
        followUps = followUps == null ? List.of() : List.copyOf(followUps);
    }

    /** A new campaign in draft, checked so that nothing sent from it can be malformed. */
    public static Campaign draft(String id, CampaignKind kind, String title, String ownerArea, String segmentId,
            List<Channel> channels, Map<String, MessageTemplate> templates, String fallbackLanguage,
            List<String> answerOptions, List<TrainingSession> sessions, Schedule schedule,
            List<SessionReminder> reminders, List<SurveyQuestion> followUps, String createdBy, Instant now) {
        if (!templates.containsKey(fallbackLanguage)) {
            throw new InvalidFieldException("fallbackLanguage",
                    "there is no template in '" + fallbackLanguage + "'; add one or name a language that has one");
        }
        checkPlaceholders("templates", templates);
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
        List<SessionReminder> givenReminders = reminders == null ? List.of() : reminders;
        checkReminders(givenReminders, fallbackLanguage, !given.isEmpty());
        List<SurveyQuestion> givenFollowUps = followUps == null ? List.of() : followUps;
        checkFollowUps(givenFollowUps, fallbackLanguage, kind);
        return new Campaign(id, kind, title, ownerArea, segmentId, channels, templates, fallbackLanguage,
                answerOptions, given, schedule, givenReminders, givenFollowUps, CampaignStatus.DRAFT, null, 0,
                createdBy, now, null, null, null);
    }

    private static void checkFollowUps(List<SurveyQuestion> followUps, String fallbackLanguage, CampaignKind kind) {
        if (!followUps.isEmpty() && kind != CampaignKind.SURVEY) {
            throw new InvalidFieldException("followUps", "only surveys ask further questions");
        }
        for (int i = 0; i < followUps.size(); i++) {
            checkFurtherTemplates("followUps[" + i + "].templates", followUps.get(i).templates(), fallbackLanguage);
        }
    }

    private static void checkReminders(List<SessionReminder> reminders, String fallbackLanguage, boolean hasSessions) {
        if (!reminders.isEmpty() && !hasSessions) {
            throw new InvalidFieldException("reminders",
                    "only trainings and events, which have sessions, send reminders");
        }
        for (int i = 0; i < reminders.size(); i++) {
            SessionReminder reminder = reminders.get(i);
            String field = "reminders[" + i + "]";
            if (reminders.subList(0, i).stream().anyMatch(other -> other.hoursBefore() == reminder.hoursBefore())) {
                throw new InvalidFieldException(field + ".hoursBefore", "another reminder goes "
                        + reminder.hoursBefore() + " hours before; give each reminder its own time");
            }
            checkFurtherTemplates(field + ".templates", reminder.templates(), fallbackLanguage);
        }
    }

    /** A reminder's or a further question's templates: one in the campaign's fallback language, known placeholders. */
    private static void checkFurtherTemplates(String field, Map<String, MessageTemplate> templates,
            String fallbackLanguage) {
        if (!templates.containsKey(fallbackLanguage)) {
            throw new InvalidFieldException(field, "there is no template in the campaign's fallback language '"
                    + fallbackLanguage + "'; add one");
        }
        checkPlaceholders(field, templates);
    }

    private static void checkPlaceholders(String field, Map<String, MessageTemplate> templates) {
        templates.forEach((language, template) -> {
            List<String> unknown = template.unknownPlaceholders();
            if (!unknown.isEmpty()) {
                throw new InvalidFieldException(field + "." + language, "unknown placeholder(s) " + unknown
                        + "; use " + MessageTemplate.PLACEHOLDERS);
            }
        });
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
        return inLanguage(templates, preferredLanguage);
    }

    /** The template of a survey's question (1: the campaign's own) in the recipient's language, else the fallback. */
    public Map.Entry<String, MessageTemplate> questionTemplateFor(int question, String preferredLanguage) {
        return question == 1 ? templateFor(preferredLanguage)
                : inLanguage(followUps.get(question - 2).templates(), preferredLanguage);
    }

    /** The replies that count as answers to the question (1: the campaign's own message). */
    public List<String> answerOptions(int question) {
        return question == 1 ? answerOptions
                : question - 2 < followUps.size() ? followUps.get(question - 2).answerOptions() : List.of();
    }

    /** The question a survey asks after {@code question}, if any. */
    public Optional<Integer> questionAfter(int question) {
        return question <= followUps.size() ? Optional.of(question + 1) : Optional.empty();
    }

    /** The reminder's template in the recipient's language, else in the fallback language. */
    public Map.Entry<String, MessageTemplate> reminderTemplateFor(int hoursBefore, String preferredLanguage) {
        SessionReminder reminder = reminders.stream().filter(candidate -> candidate.hoursBefore() == hoursBefore)
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("campaign " + id + " has no reminder " + hoursBefore
                    + " hours before"));
        return inLanguage(reminder.templates(), preferredLanguage);
    }

    private Map.Entry<String, MessageTemplate> inLanguage(Map<String, MessageTemplate> choice, String preferred) {
        if (preferred != null) {
            if (choice.containsKey(preferred)) {
                return Map.entry(preferred, choice.get(preferred));
            }
            // "ka-GE" is served by a "ka" template.
            String base = preferred.split("-")[0];
            if (choice.containsKey(base)) {
                return Map.entry(base, choice.get(base));
            }
        }
        return Map.entry(fallbackLanguage, choice.get(fallbackLanguage));
    }

    /** The first of its channels, in its order of preference, on which the recipient has an address. */
    public Optional<Channel> channelReaching(boolean hasPhone, boolean hasEmail) {
        return channels.stream().filter(candidate -> candidate.reaches(hasPhone, hasEmail)).findFirst();
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
                answerOptions, sessions, schedule, reminders, followUps, status, startAt, queued, createdBy, createdAt,
                launchedAt, endedAt, newVersion);
    }

    private Campaign with(CampaignStatus newStatus, Instant newStartAt, long newQueued, Instant newLaunchedAt,
            Instant newEndedAt) {
        return new Campaign(id, kind, title, ownerArea, segmentId, channels, templates, fallbackLanguage,
                answerOptions, sessions, schedule, reminders, followUps, newStatus, newStartAt, newQueued, createdBy,
                createdAt, newLaunchedAt, newEndedAt, version);
    }
}
