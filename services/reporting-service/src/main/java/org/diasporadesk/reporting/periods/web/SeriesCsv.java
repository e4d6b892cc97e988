package org.diasporadesk.reporting.periods.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.diasporadesk.reporting.disclosure.Cell;
import org.diasporadesk.reporting.periods.application.PeriodFigures.Activities;
import org.diasporadesk.reporting.periods.application.PeriodFigures.PeriodReport;
import org.diasporadesk.reporting.periods.application.PeriodFigures.Series;
import org.diasporadesk.reporting.periods.application.PeriodFigures.UnitActivity;

/**
 * A series as CSV for spreadsheets: one row per period and area (the area itself, then each unit below it), the
 * late adjustment of a signed-off period in columns of its own. A withheld cell reads {@value #WITHHELD}, never
 * a number, exactly as in the JSON.
 */
final class SeriesCsv {

    static final String WITHHELD = "withheld";

    private static final String[] HEADER = { "period", "from", "until", "status", "area", "name",
        "migrants_recorded", "households_recorded", "tickets_opened", "late_migrants_recorded",
        "late_households_recorded", "late_tickets_opened" };

    private SeriesCsv() {
    }

    static void write(Series series, Writer out) {
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
            for (PeriodReport period : series.periods()) {
                Activities late = period.lateAdjustment();
                row(csv, period, series.area(), series.name(), period.figures().migrantsRecorded(),
                        period.figures().householdsRecorded(), period.figures().ticketsOpened(),
                        late == null ? null : late.migrantsRecorded(), late == null ? null : late.householdsRecorded(),
                        late == null ? null : late.ticketsOpened());
                List<UnitActivity> below = period.figures().below();
                for (int i = 0; i < below.size(); i++) {
                    UnitActivity unit = below.get(i);
                    UnitActivity lateUnit = late == null ? null : late.below().get(i);
                    row(csv, period, unit.area(), unit.name(), unit.migrantsRecorded(), unit.householdsRecorded(),
                            unit.ticketsOpened(), lateUnit == null ? null : lateUnit.migrantsRecorded(),
                            lateUnit == null ? null : lateUnit.householdsRecorded(),
                            lateUnit == null ? null : lateUnit.ticketsOpened());
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void row(CSVPrinter csv, PeriodReport period, String area, String name, Cell... cells)
            throws IOException {
        Object[] values = new Object[HEADER.length];
        values[0] = period.period();
        values[1] = period.from();
        values[2] = period.until();
        values[3] = period.status();
        values[4] = area;
        values[5] = name;
        for (int i = 0; i < cells.length; i++) {
            values[6 + i] = cells[i] == null ? "" : cells[i].suppressed() ? WITHHELD : cells[i].value();
        }
        csv.printRecord(values);
    }
}
