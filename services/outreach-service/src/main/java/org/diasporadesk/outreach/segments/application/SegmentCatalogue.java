package org.diasporadesk.outreach.segments.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.chassis.security.AreaAccess;
import org.diasporadesk.chassis.territory.TerritorialUnit;
import org.diasporadesk.chassis.territory.Territory;
import org.diasporadesk.chassis.web.NotFoundException;
import org.diasporadesk.outreach.hotlinehistory.application.HotlineHistory;
import org.diasporadesk.outreach.recipients.application.Recipient;
import org.diasporadesk.outreach.recipients.application.RecipientFilter;
import org.diasporadesk.outreach.recipients.application.RecipientRegister;
import org.diasporadesk.outreach.recipients.application.Recipients;
import org.springframework.stereotype.Service;

/** Coordinators define segments and see how many people one reaches before a campaign goes out. */
@Service
public class SegmentCatalogue {

    private final Segments segments;
    private final Recipients recipients;
    private final RecipientRegister register;
    private final HotlineHistory hotlineHistory;
    private final Territory territory;
    private final Clock clock;

    SegmentCatalogue(Segments segments, Recipients recipients, RecipientRegister register,
            HotlineHistory hotlineHistory, Territory territory, Clock clock) {
        this.segments = segments;
        this.recipients = recipients;
        this.register = register;
        this.hotlineHistory = hotlineHistory;
        this.territory = territory;
        this.clock = clock;
    }

    /** How many recipients a segment reaches now, in total and per preferred language. */
    public record Preview(long recipients, Map<String, Long> byLanguage) {
    }

    public Segment define(String name, String area, SegmentCriteria criteria, Actor coordinator) {
        AreaAccess.require(coordinator, territory, "area", area);
        Segment segment = new Segment(UUID.randomUUID().toString(), name.strip(), area, criteria,
                coordinator.userId(), clock.instant());
        segments.insert(segment);
        return segment;
    }

    public Preview preview(String area, SegmentCriteria criteria, Actor coordinator) {
        AreaAccess.require(coordinator, territory, "area", area);
        Map<String, Long> byLanguage = recipients.countByLanguage(filter(area, criteria), register.referenceYear());
        return new Preview(byLanguage.values().stream().mapToLong(Long::longValue).sum(), byLanguage);
    }

    /** A segment the coordinator may use: its area lies within theirs. */
    public Segment find(String id, Actor coordinator) {
        return segments.find(id)
            .filter(segment -> coordinator.covers(segment.area(), territory))
            .orElseThrow(() -> new NotFoundException("segment", id));
    }

    /** The segments of the coordinator's area and of every unit within it. */
    public List<Segment> visibleTo(Actor coordinator) {
        List<String> areas = new ArrayList<>();
        for (TerritorialUnit unit : territory.units()) {
            if (coordinator.covers(unit.code(), territory)) {
                areas.add(unit.code());
            }
        }
        return segments.inAreas(areas);
    }

    /** Every recipient the segment selects now, streamed: people who withdrew consent are no longer there. */
    public void forEachRecipient(Segment segment, Consumer<Recipient> each) {
        recipients.forEach(filter(segment.area(), segment.criteria()), register.referenceYear(), each);
    }

    private RecipientFilter filter(String area, SegmentCriteria criteria) {
        return criteria.within(territory.lowestLevelUnitsWithin(area),
                criteria.calledHotline() == null ? null : hotlineHistory.callers(criteria.calledHotline()));
    }
}
