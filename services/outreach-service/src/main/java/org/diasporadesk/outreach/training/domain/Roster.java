package org.diasporadesk.outreach.training.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.diasporadesk.chassis.web.StateConflictException;
import org.diasporadesk.events.outreach.SessionRosterChanged;
import org.diasporadesk.events.registry.PersonKind;

/**
 * Who holds a place in a session of a training or event, who waits for one, and who came. Places are given in
 * the order people enrol; when someone withdraws, the first on the waiting list moves up.
 *
 * @param version for optimistic concurrency, so that two coordinators enrolling at once cannot overfill a session
 */
public record Roster(String sessionId, String campaignId, String ownerArea, Instant startsAt, int capacity,
        List<Place> enrolled, List<Waiting> waiting, long version) {

    public Roster {
        enrolled = List.copyOf(enrolled);
        waiting = List.copyOf(waiting);
    }

    /**
     * @param migrantId the person's id: a migrant's or a family member's
     * @param attended  null until attendance is taken
     * @param home      the person's home municipality and {@code kind} whether a migrant or a family member, which
     *                  the published counts are broken down by; null on places taken before they were kept
     */
    public record Place(String migrantId, Instant enrolledAt, Boolean attended, String home, PersonKind kind) {
    }

    public record Waiting(String migrantId, Instant since, String home, PersonKind kind) {
    }

    public enum Standing { ENROLLED, WAITING }

    public static Roster empty(String sessionId, String campaignId, String ownerArea, Instant startsAt, int capacity) {
        return new Roster(sessionId, campaignId, ownerArea, startsAt, capacity, List.of(), List.of(), 0);
    }

    /** Where the migrant stands, if on the roster at all. */
    public Optional<Standing> standing(String migrantId) {
        if (enrolled.stream().anyMatch(place -> place.migrantId().equals(migrantId))) {
            return Optional.of(Standing.ENROLLED);
        }
        return waiting.stream().anyMatch(w -> w.migrantId().equals(migrantId)) ? Optional.of(Standing.WAITING)
                : Optional.empty();
    }

    /**
     * A place if one is free, else the end of the waiting list; enrolling twice changes nothing. {@code home} and
     * {@code kind} say where the person lives and whether a migrant or a family member.
     */
    public RosterChange enrol(String migrantId, String home, PersonKind kind, Instant now) {
        if (!startsAt.isAfter(now)) {
            throw new StateConflictException("sessionId", "the session has begun; enrolment is closed");
        }
        if (standing(migrantId).isPresent()) {
            return new RosterChange(this, List.of());
        }
        if (enrolled.size() < capacity) {
            List<Place> places = new ArrayList<>(enrolled);
            places.add(new Place(migrantId, now, null, home, kind));
            return changed(places, waiting, now);
        }
        List<Waiting> queue = new ArrayList<>(waiting);
        queue.add(new Waiting(migrantId, now, home, kind));
        return changed(enrolled, queue, now);
    }

    /** The migrant gives up the place (the first waiting moves up) or leaves the waiting list. */
    public RosterChange withdraw(String migrantId, Instant now) {
        List<Place> places = new ArrayList<>(enrolled);
        List<Waiting> queue = new ArrayList<>(waiting);
        boolean hadPlace = places.removeIf(place -> place.migrantId().equals(migrantId));
        boolean wasWaiting = queue.removeIf(w -> w.migrantId().equals(migrantId));
        if (!hadPlace && !wasWaiting) {
            return new RosterChange(this, List.of());
        }
        if (hadPlace && !queue.isEmpty() && startsAt.isAfter(now)) {
            Waiting first = queue.remove(0);
            places.add(new Place(first.migrantId(), now, null, first.home(), first.kind()));
        }
        return changed(places, queue, now);
    }

    /** Attendance is taken from the session's start, for those who held a place. */
    public RosterChange attendance(String migrantId, boolean attended, Instant now) {
        if (startsAt.isAfter(now)) {
            throw new StateConflictException("attended", "the session has not begun; attendance is taken from "
                    + startsAt);
        }
        if (standing(migrantId).orElse(null) != Standing.ENROLLED) {
            throw new StateConflictException("migrantId", "the migrant held no place in this session");
        }
        List<Place> places = enrolled.stream()
            .map(place -> place.migrantId().equals(migrantId)
                    ? new Place(migrantId, place.enrolledAt(), attended, place.home(), place.kind()) : place)
            .toList();
        return changed(places, waiting, now);
    }

    public long attendedCount() {
        return enrolled.stream().filter(place -> Boolean.TRUE.equals(place.attended())).count();
    }

    private RosterChange changed(List<Place> places, List<Waiting> queue, Instant now) {
        Roster next = new Roster(sessionId, campaignId, ownerArea, startsAt, capacity, places, queue, version);
        return new RosterChange(next, List.of(new SessionRosterChanged(campaignId, sessionId, ownerArea, capacity,
                places.size(), queue.size(), (int) next.attendedCount(), now, next.byHome())));
    }

    /** The counts by home municipality and kind of person; places kept before homes were are left out. */
    private List<SessionRosterChanged.HomeCount> byHome() {
        Map<Home, int[]> counts = new HashMap<>();
        for (Place place : enrolled) {
            if (place.home() != null) {
                int[] count = counts.computeIfAbsent(new Home(place.home(), PersonKind.orMigrant(place.kind())),
                        home -> new int[3]);
                count[0]++;
                count[2] += Boolean.TRUE.equals(place.attended()) ? 1 : 0;
            }
        }
        for (Waiting queued : waiting) {
            if (queued.home() != null) {
                counts.computeIfAbsent(new Home(queued.home(), PersonKind.orMigrant(queued.kind())),
                        home -> new int[3])[1]++;
            }
        }
        return counts.entrySet().stream()
            .sorted(Map.Entry.comparingByKey(Comparator.comparing(Home::municipalityCode).thenComparing(Home::kind)))
            .map(entry -> new SessionRosterChanged.HomeCount(entry.getKey().municipalityCode(), entry.getKey().kind(),
                    entry.getValue()[0], entry.getValue()[1], entry.getValue()[2]))
            .toList();
    }

    private record Home(String municipalityCode, PersonKind kind) {
    }
}
