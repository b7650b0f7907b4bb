package fr.esms.indicateurs.store;

import fr.esms.indicateurs.rules.EssmsActivity;
import fr.esms.indicateurs.rules.EssmsActivity.AgendaEvent;
import fr.esms.indicateurs.rules.EssmsActivity.Dated;
import fr.esms.indicateurs.rules.EssmsActivity.EventStatus;
import fr.esms.indicateurs.rules.EssmsActivity.PersonalisedProject;
import fr.esms.indicateurs.rules.EssmsActivity.ProjectStatus;
import fr.esms.indicateurs.rules.EssmsActivity.RecordUpdate;
import fr.esms.indicateurs.rules.EssmsActivity.Stay;
import fr.esms.indicateurs.rules.MeasureWindow;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The key-by-key combination of an ESSMS's segments, computed by hand. */
class SegmentMergeTest {

    static final MeasureWindow OCTOBER = new MeasureWindow(YearMonth.of(2026, 10), 1);

    static StoredSegment segment(String sha, int part, String order, long rank,
                                 Consumer<SegmentCodec.Encoder> rows) {
        return segment(sha, part, order, rank, SegmentContent.MIXTE, rows);
    }

    static StoredSegment segment(String sha, int part, String order, long rank, SegmentContent content,
                                 Consumer<SegmentCodec.Encoder> rows) {
        SegmentCodec.Encoder encoder = new SegmentCodec.Encoder();
        rows.accept(encoder);
        return new StoredSegment("010000016", sha, part, order, rank, content, encoder.latestDate(),
                encoder.toByteArray());
    }

    static AgendaEvent event(String id, int day, EventStatus status) {
        return new AgendaEvent(id, "D1", LocalDate.of(2026, 10, day), status);
    }

    @Test
    void theLatestExportWinsThenTheLastIngestedThenTheLastPartWhateverTheOrderTheSegmentsComeIn() {
        List<StoredSegment> segments = new ArrayList<>(List.of(
                // November's export, ingested first.
                segment("nov", 0, "2026-11-03|p", 1, s -> {
                    s.event("E1", "D1", LocalDate.of(2026, 10, 5), EventStatus.REALISE);
                    s.event("E2", "D1", LocalDate.of(2026, 10, 6), EventStatus.REALISE);
                }),
                // October's, ingested later: loses on E1, alone on E3.
                segment("oct", 0, "2026-10-03|p", 7, s -> {
                    s.event("E1", "D1", LocalDate.of(2026, 10, 5), EventStatus.ANNULE);
                    s.event("E3", "D1", LocalDate.of(2026, 10, 7), EventStatus.PREVU);
                }),
                // Another content under November's date and name, ingested after it: wins on E2.
                segment("nov-bis", 0, "2026-11-03|p", 9, s -> s.event("E2", "D1", LocalDate.of(2026, 10, 6),
                        EventStatus.ANNULE)),
                // Two parts of one package: the second part is later in file order.
                segment("dec", 1, "2026-12-03|p", 10, s -> s.event("E4", "D1", LocalDate.of(2026, 10, 9),
                        EventStatus.REALISE)),
                segment("dec", 0, "2026-12-03|p", 10, s -> s.event("E4", "D1", LocalDate.of(2026, 10, 8),
                        EventStatus.PREVU))));
        List<AgendaEvent> expected = List.of(event("E1", 5, EventStatus.REALISE), event("E2", 6, EventStatus.ANNULE),
                event("E3", 7, EventStatus.PREVU), event("E4", 9, EventStatus.REALISE));

        for (int i = 0; i < 5; i++) {
            Collections.rotate(segments, 1);
            assertThat(SegmentMerge.of(segments).activity(OCTOBER).events()).containsExactlyInAnyOrderElementsOf(
                    expected);
        }
    }

    static final MeasureWindow NOVEMBER = new MeasureWindow(YearMonth.of(2026, 11), 1);

    @Test
    void theOldestDatedSegmentsEndingBeforeTheWindowAreNotReadAndTheFiguresDoNotChange() {
        List<StoredSegment> segments = List.of(
                segment("sep", 0, "2026-10-03|p", 1, SegmentContent.PHOTOS, s -> s.record("D1", "U1",
                        LocalDate.of(2026, 1, 1), LocalDate.of(2026, 9, 15))),
                segment("sep", 1, "2026-10-03|p", 1, SegmentContent.EVENEMENTS, s -> {
                    s.event("E1", "D1", LocalDate.of(2026, 9, 5), EventStatus.REALISE);
                    s.update("D1", YearMonth.of(2026, 9));
                }),
                segment("oct", 0, "2026-11-03|p", 2, SegmentContent.EVENEMENTS, s -> s.event("E2", "D1",
                        LocalDate.of(2026, 10, 5), EventStatus.REALISE)),
                segment("nov", 0, "2026-12-03|p", 3, SegmentContent.EVENEMENTS, s -> s.event("E3", "D1",
                        LocalDate.of(2026, 11, 5), EventStatus.REALISE)));

        SegmentMerge forNovember = SegmentMerge.forWindow(segments, NOVEMBER);
        // September's and October's dated rows end before November: only the record and November's event read.
        assertThat(forNovember.rowsRead()).isEqualTo(2);
        assertThat(forNovember.activity(NOVEMBER)).isEqualTo(SegmentMerge.of(segments).activity(NOVEMBER));
        assertThat(forNovember.activity(NOVEMBER).events()).containsExactly(new AgendaEvent("E3", "D1",
                LocalDate.of(2026, 11, 5), EventStatus.REALISE));
        // For October, September's segment still goes; October's and November's are read.
        assertThat(SegmentMerge.forWindow(segments, OCTOBER).rowsRead()).isEqualTo(3);
    }

    @Test
    void aDatedSegmentThatMustBeReadEndsTheSeriesPassedOver() {
        // October's export plans E1 in November; November's moves it to October 30: for November, the later
        // segment ends before the window but must be read, or October's version would count.
        List<StoredSegment> segments = List.of(
                segment("oct", 0, "2026-11-03|p", 1, SegmentContent.EVENEMENTS, s -> s.event("E1", "D1",
                        LocalDate.of(2026, 11, 20), EventStatus.PREVU)),
                segment("nov", 0, "2026-12-03|p", 2, SegmentContent.EVENEMENTS, s -> s.event("E1", "D1",
                        LocalDate.of(2026, 10, 30), EventStatus.REALISE)));

        SegmentMerge forNovember = SegmentMerge.forWindow(segments, NOVEMBER);

        assertThat(forNovember.rowsRead()).isEqualTo(2);
        assertThat(forNovember.activity(NOVEMBER).events()).isEmpty();
    }

    @Test
    void aDatedSegmentEndingTheDayBeforeTheWindowIsPassedOverOneEndingOnItsFirstDayIsRead() {
        StoredSegment dayBefore = segment("a", 0, "2026-11-01|a", 1, SegmentContent.EVENEMENTS,
                s -> s.message("M1", LocalDate.of(2026, 10, 31)));
        StoredSegment firstDay = segment("b", 0, "2026-11-02|b", 2, SegmentContent.EVENEMENTS,
                s -> s.message("M2", LocalDate.of(2026, 11, 1)));

        SegmentMerge forNovember = SegmentMerge.forWindow(List.of(firstDay, dayBefore), NOVEMBER);

        assertThat(forNovember.rowsRead()).isEqualTo(1);
        assertThat(forNovember.activity(NOVEMBER).messages()).containsExactly(
                new EssmsActivity.MssMessage("M2", LocalDate.of(2026, 11, 1)));
    }

    @Test
    void segmentsWrittenBeforeTheSplitAreAlwaysRead() {
        List<StoredSegment> segments = List.of(segment("old", 0, "2026-10-03|p", 1, SegmentContent.MIXTE,
                s -> s.event("E1", "D1", LocalDate.of(2026, 9, 5), EventStatus.REALISE)),
                segment("nov", 0, "2026-12-03|p", 2, SegmentContent.EVENEMENTS, s -> s.event("E2", "D1",
                        LocalDate.of(2026, 11, 5), EventStatus.REALISE)));

        assertThat(SegmentMerge.forWindow(segments, NOVEMBER).rowsRead()).isEqualTo(2);
    }

    @Test
    void keysAreThoseOfTheFormatAndUpdateMonthsAreAUnion() {
        EssmsActivity a = SegmentMerge.of(List.of(
                segment("a", 0, "2026-11-03|a", 1, s -> {
                    // Same person, two entry dates: two stays.
                    s.stay("U1", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), List.of());
                    s.stay("U1", LocalDate.of(2026, 9, 1), null, List.of());
                    // The same identifier in both counter files: two events.
                    s.counted(CountedEvent.Kind.EPRESCRIPTION, "X1", LocalDate.of(2026, 10, 1));
                    s.counted(CountedEvent.Kind.EPARCOURS, "X1", LocalDate.of(2026, 10, 2));
                    s.update("D1", YearMonth.of(2026, 10));
                }),
                segment("b", 0, "2026-11-04|b", 2, s -> {
                    s.update("D1", YearMonth.of(2026, 10));
                    s.update("D1", YearMonth.of(2026, 9));
                    // A later version of the first stay: it now reaches into October.
                    s.stay("U1", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 10, 1), List.of("ANONYMAT"));
                }))).activity(OCTOBER);

        assertThat(a.stays()).containsExactlyInAnyOrder(
                new Stay("U1", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 10, 1), List.of("ANONYMAT")),
                new Stay("U1", LocalDate.of(2026, 9, 1), null, List.of()));
        assertThat(a.ePrescriptions()).containsExactly(new Dated("X1", LocalDate.of(2026, 10, 1)));
        assertThat(a.eParcours()).containsExactly(new Dated("X1", LocalDate.of(2026, 10, 2)));
        // September is outside the window; October's two proofs are one month.
        assertThat(a.recordUpdates()).containsExactly(new RecordUpdate("D1", YearMonth.of(2026, 10)));
    }

    @Test
    void onlyRowsThatMayCountInTheWindowAreGivenItsFirstAndLastDaysIncluded() {
        EssmsActivity a = SegmentMerge.of(List.of(segment("a", 0, "2026-11-03|a", 1, s -> {
            s.stay("LEFT-BEFORE", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 9, 30), List.of());
            s.stay("LEFT-FIRST-DAY", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 10, 1), List.of());
            s.stay("CAME-LAST-DAY", LocalDate.of(2026, 10, 31), null, List.of());
            s.stay("CAME-AFTER", LocalDate.of(2026, 11, 1), null, List.of());
            s.record("D-OLD", "LEFT-BEFORE", LocalDate.of(2020, 1, 1), LocalDate.of(2021, 1, 1));
            s.project("P-NO-DATES", "D1", ProjectStatus.EN_PREPARATION, null, null);
            s.project("P-CLOSED-BEFORE", "D1", ProjectStatus.CLOS, LocalDate.of(2025, 1, 1),
                    LocalDate.of(2026, 9, 30));
            s.event("E-FIRST", "D1", LocalDate.of(2026, 10, 1), EventStatus.REALISE);
            s.event("E-LAST", "D1", LocalDate.of(2026, 10, 31), EventStatus.REALISE);
            s.event("E-AFTER", "D1", LocalDate.of(2026, 11, 1), EventStatus.REALISE);
            s.message("M-BEFORE", LocalDate.of(2026, 9, 30));
        }))).activity(OCTOBER);

        assertThat(a.stays()).extracting(Stay::personId).containsExactlyInAnyOrder("LEFT-FIRST-DAY",
                "CAME-LAST-DAY");
        // Records are snapshots of any age: all given.
        assertThat(a.records()).extracting(EssmsActivity.DuiRecord::recordId).containsExactly("D-OLD");
        assertThat(a.projects()).extracting(PersonalisedProject::projectId).containsExactly("P-NO-DATES");
        assertThat(a.events()).extracting(AgendaEvent::eventId).containsExactlyInAnyOrder("E-FIRST", "E-LAST");
        assertThat(a.messages()).isEmpty();
    }
}
