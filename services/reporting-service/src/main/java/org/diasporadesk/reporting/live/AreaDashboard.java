package org.diasporadesk.reporting.live;

import java.util.Map;
import java.util.function.BiFunction;

import org.diasporadesk.chassis.security.Actor;
import org.diasporadesk.reporting.hotline.application.HotlineFigures;
import org.diasporadesk.reporting.migrants.application.MigrantFigures;
import org.diasporadesk.reporting.outreach.application.OutreachFigures;
import org.diasporadesk.reporting.projection.FiguresChanged;
import org.springframework.stereotype.Component;

/**
 * The figures a dashboard shows for one area, one set per kind of change: exactly what the query API answers,
 * small cells suppressed, so that the live stream publishes nothing the API would not.
 */
@Component
class AreaDashboard {

    private final Map<FiguresChanged, BiFunction<String, Actor, Object>> sources;

    AreaDashboard(MigrantFigures migrants, HotlineFigures hotline, OutreachFigures outreach) {
        this.sources = Map.of(FiguresChanged.MIGRANTS, migrants::forArea, FiguresChanged.HOTLINE, hotline::forArea,
                FiguresChanged.OUTREACH, outreach::forArea);
    }

    Object figures(FiguresChanged kind, String areaCode, Actor planner) {
        return sources.get(kind).apply(areaCode, planner);
    }

    /** The SSE event name a kind of figures is pushed under. */
    static String eventName(FiguresChanged kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
