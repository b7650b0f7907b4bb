package fr.esms.indicateurs.store;

import fr.esms.indicateurs.rules.AdjustmentCatalogue;
import fr.esms.indicateurs.rules.EssmsActivity;
import fr.esms.indicateurs.rules.EssmsActivity.DmpStatus;
import fr.esms.indicateurs.rules.EssmsActivity.EventStatus;
import fr.esms.indicateurs.rules.EssmsActivity.ProjectStatus;
import fr.esms.indicateurs.rules.IndicatorCalculator;
import fr.esms.indicateurs.rules.MeasureWindow;
import fr.esms.indicateurs.rules.RulesVersion;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import static fr.esms.indicateurs.store.SegmentCompactionTest.FINESS;
import static fr.esms.indicateurs.store.SegmentCompactionTest.photos;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The archives of a compaction: who goes there, and that a window passing over them computes every figure as a
 * base never compacted does.
 */
class CompactionSplitTest {

    static final MeasureWindow SEPTEMBER = new MeasureWindow(YearMonth.of(2026, 9), 1);
    static final MeasureWindow OCTOBER = new MeasureWindow(YearMonth.of(2026, 10), 1);
    static final MeasureWindow NOVEMBER = new MeasureWindow(YearMonth.of(2026, 11), 1);

    final StoredSegment october = photos("oct", "2026-10-31|a", 1, s -> {
        s.stay("U1", LocalDate.of(2025, 1, 1), null, List.of());
        s.record("D1", "U1", LocalDate.of(2025, 1, 1), LocalDate.of(2026, 10, 2));
        s.stay("U2", LocalDate.of(2025, 3, 1), LocalDate.of(2026, 9, 15), List.of());
        s.record("D2", "U2", LocalDate.of(2025, 3, 1), LocalDate.of(2026, 9, 1));
        s.project("P2", "D2", ProjectStatus.ACTIF, LocalDate.of(2026, 1, 1), null);
        s.stay("U3", LocalDate.of(2024, 1, 1), LocalDate.of(2026, 8, 10), List.of());
        s.stay("U3", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 5), List.of());
        s.record("D9", "U9", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 10, 1));
        s.project("P0", "D0", ProjectStatus.ACTIF, LocalDate.of(2026, 1, 1), null);
    });
    /** U1 is still accompanied; the same record D1 updated again. */
    final StoredSegment november = photos("nov", "2026-11-30|a", 2, s -> {
        s.stay("U1", LocalDate.of(2025, 1, 1), null, List.of());
        s.record("D1", "U1", LocalDate.of(2025, 1, 1), LocalDate.of(2026, 11, 2));
    });

    static List<StoredSegment> split(List<StoredSegment> segments) {
        return CompactionSplit.segments(FINESS, SegmentMerge.withOrigins(segments));
    }

    /** The kept rows of each output segment, by content/part. */
    static Map<String, List<String>> layout(List<StoredSegment> segments) {
        return segments.stream().collect(Collectors.toMap(s -> s.content().code + s.part() + "/" + s.latestDate(),
                s -> SegmentMerge.of(List.of(s)).rows().stream().map(CompactionSplitTest::name).sorted().toList()));
    }

    static String name(Object row) {
        return row instanceof EssmsActivity.Stay s ? s.personId() + "@" + s.entry()
                : row instanceof StoredRecord r ? r.recordId()
                : row instanceof EssmsActivity.PersonalisedProject p ? p.projectId() : row.toString();
    }

    @Test
    void personsWhoseEveryStayEndedGoToTheArchiveOfTheMonthOfTheirLastExitWithTheirRecordsAndProjects() {
        List<StoredSegment> out = split(List.of(october, november));

        int september = CompactionSplit.archivePart(LocalDate.of(2026, 9, 1));
        int octoberPart = CompactionSplit.archivePart(LocalDate.of(2026, 10, 1));
        assertThat(layout(out)).containsOnly(
                // U1 still accompanied; D9's person has no stay, P0's record is in no export: kept current.
                Map.entry("C0/null", List.of("D1", "D9", "P0", "U1@2025-01-01")),
                Map.entry("A" + september + "/2026-09-15", List.of("D2", "P2", "U2@2025-03-01")),
                // U3 left twice: archived under the later exit, both stays together.
                Map.entry("A" + octoberPart + "/2026-10-05", List.of("U3@2024-01-01", "U3@2026-09-01")));
        // Each placed as the latest package it holds rows of: the archives as October's, the rest as November's.
        assertThat(out).extracting(StoredSegment::order)
                .containsExactlyInAnyOrder("2026-11-30|a", "2026-10-31|a", "2026-10-31|a");
    }

    @Test
    void aWindowReadsOnlyTheArchivesOfPersonsWhoLeftDuringItOrLaterUnlessAPackageWaitsOrADocumentNamesThem() {
        List<StoredSegment> out = split(List.of(october, november));

        // September: U2 (left Sept. 15th) and U3 count, so both archives are read: 4 + 3 + 2 rows.
        assertThat(SegmentMerge.forWindow(out, SEPTEMBER).rowsRead()).isEqualTo(9);
        // October: U2's archive is passed over, U3's (left Oct. 5th) read. November: only the compacted rows.
        assertThat(SegmentMerge.forWindow(out, OCTOBER).rowsRead()).isEqualTo(6);
        assertThat(SegmentMerge.forWindow(out, NOVEMBER).rowsRead()).isEqualTo(4);
        // A package not compacted yet (it might hold an older version of an archived key): everything is read.
        List<StoredSegment> waiting = new ArrayList<>(out);
        waiting.add(photos("late", "2026-09-20|b", 3, s -> s.stay("U2", LocalDate.of(2025, 3, 1), null, List.of())));
        assertThat(SegmentMerge.forWindow(waiting, NOVEMBER).activity(NOVEMBER).stays())
                .extracting(EssmsActivity.Stay::personId).containsExactly("U1");
        // A DMP document of November names D2, archived: read after all, so it is not a record in no export.
        List<StoredSegment> named = new ArrayList<>(out);
        named.add(SegmentMergeTest.segment("dmp", 0, "2026-11-30|d", 4, SegmentContent.EVENEMENTS,
                s -> s.document("DOC", "D2", LocalDate.of(2026, 11, 3), DmpStatus.DEPOSE)));
        assertThat(SegmentMerge.forWindow(named, NOVEMBER).activity(NOVEMBER).records())
                .extracting(EssmsActivity.DuiRecord::recordId).contains("D2");
    }

    @Test
    void everyFigureOfEveryWindowIsTheSameAsOnABaseNeverCompacted() {
        IndicatorCalculator calculator = new IndicatorCalculator(RulesVersion.v2025(new AdjustmentCatalogue(
                List.of())));
        List<MeasureWindow> windows = List.of(SEPTEMBER, OCTOBER, NOVEMBER, new MeasureWindow(YearMonth.of(2026,
                11), 3), new MeasureWindow(YearMonth.of(2026, 12), 1));
        Random random = new Random(20261204);
        for (int round = 0; round < 300; round++) {
            List<StoredSegment> exports = new ArrayList<>();
            int months = 2 + random.nextInt(4);
            for (int m = 0; m < months; m++) {
                exports.add(randomExport(random, m));
            }
            // Compacted after each export but the last, which may wait (or not) for its compaction.
            List<StoredSegment> base = new ArrayList<>(exports.subList(0, 1));
            for (int m = 1; m < months; m++) {
                base.add(exports.get(m));
                if (m < months - 1 || random.nextBoolean()) {
                    List<StoredSegment> snapshots = base.stream().filter(s -> s.content() != SegmentContent.EVENEMENTS)
                            .toList();
                    base.removeAll(snapshots);
                    base.addAll(split(snapshots));
                }
            }
            base.add(randomDated(random));
            exports.add(base.get(base.size() - 1));
            for (MeasureWindow window : windows) {
                assertThat(calculator.compute(FINESS, "500", window,
                        SegmentMerge.forWindow(base, window).activity(window), List.of()))
                        .as("round %d, %s", round, window)
                        .isEqualTo(calculator.compute(FINESS, "500", window,
                                SegmentMerge.of(exports).activity(window), List.of()));
            }
        }
    }

    /** Month {@code m} of 2026-08 onwards: persons U0–U7 with random stays, records and projects. */
    static StoredSegment randomExport(Random random, int m) {
        LocalDate extraction = LocalDate.of(2026, 8, 28).plusMonths(m);
        // Sometimes extracted earlier than the previous export (a late correction).
        String order = (random.nextInt(6) == 0 ? extraction.minusMonths(2) : extraction) + "|x";
        return photos("m" + m, order, m + 1, s -> {
            for (int p = 0; p < 8; p++) {
                if (random.nextInt(4) == 0) {
                    continue;
                }
                LocalDate exit = random.nextBoolean() ? null : LocalDate.of(2026, 7, 1).plusDays(random.nextInt(150));
                s.stay("U" + p, LocalDate.of(2026, 1 + random.nextInt(2), 1), exit, List.of());
                s.record("D" + p, "U" + p, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 7, 1));
                s.project("P" + p, "D" + p, ProjectStatus.ACTIF, null, null);
            }
        });
    }

    /** Updates, events and DMP documents of random records (some of persons who left, some of none). */
    static StoredSegment randomDated(Random random) {
        return SegmentMergeTest.segment("dated", 0, "2026-12-31|x", 99, SegmentContent.EVENEMENTS, s -> {
            for (int i = 0; i < 12; i++) {
                String record = "D" + random.nextInt(10);
                LocalDate day = LocalDate.of(2026, 8, 1).plusDays(random.nextInt(140));
                s.update(record, YearMonth.from(day));
                s.event("E" + i, record, day, EventStatus.REALISE);
                s.document("DOC" + i, record, day, DmpStatus.DEPOSE);
            }
        });
    }
}
