package fr.esms.indicateurs.store;

import fr.esms.indicateurs.rules.EssmsActivity.PersonalisedProject;
import fr.esms.indicateurs.rules.EssmsActivity.ProjectStatus;
import fr.esms.indicateurs.rules.EssmsActivity.Stay;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Compacted snapshot segments combine exactly as the segments they replace, late corrections included. */
class SegmentCompactionTest {

    static final String FINESS = "010000016";

    static StoredSegment photos(String sha, String order, long rank, Consumer<SegmentCodec.Encoder> rows) {
        return SegmentMergeTest.segment(sha, 0, order, rank, SegmentContent.PHOTOS, rows);
    }

    static StoredSegment compact(List<StoredSegment> segments) {
        return SegmentCompaction.compacted(FINESS, SegmentMerge.withOrigins(segments));
    }

    static Stay stay(String person, LocalDate exit) {
        return new Stay(person, LocalDate.of(2026, 1, 1), exit, List.of());
    }

    /** Each kept row with the package (sha256) and part it came from. */
    static Map<Object, String> keptWithOrigins(List<StoredSegment> segments) {
        SegmentMerge merge = SegmentMerge.withOrigins(segments);
        Map<Object, String> kept = new HashMap<>();
        for (Object row : merge.rows()) {
            kept.put(row, merge.origin(row).sha256() + "/" + merge.origin(row).part());
        }
        return kept;
    }

    final StoredSegment september = photos("sep", "2026-09-30|a", 1, s -> {
        s.stay("U1", LocalDate.of(2026, 1, 1), null, List.of());
        s.record("D1", "U1", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 9, 10));
        s.project("P1", "D1", ProjectStatus.EN_PREPARATION, LocalDate.of(2026, 9, 1), null);
    });
    final StoredSegment october = photos("oct", "2026-10-31|a", 2, s -> {
        s.stay("U1", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 10, 15), List.of());
        s.record("D1", "U1", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 10, 20));
        s.stay("U2", LocalDate.of(2026, 1, 1), null, List.of());
    });
    final StoredSegment november = photos("nov", "2026-11-30|a", 3, s -> {
        s.stay("U2", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 11, 10), List.of());
        s.record("D2", "U2", LocalDate.of(2026, 2, 1), LocalDate.of(2026, 11, 2));
    });

    @Test
    void theCompactedSegmentHoldsTheWinningRowOfEachKeyWithItsPackageAndIsPlacedAsTheLatest() {
        StoredSegment compacted = compact(List.of(november, september, october));

        assertThat(compacted.content()).isEqualTo(SegmentContent.COMPACTES);
        assertThat(compacted.order()).isEqualTo("2026-11-30|a");
        assertThat(compacted.rank()).isEqualTo(3);
        SegmentMerge merge = SegmentMerge.withOrigins(List.of(compacted));
        // 8 rows before, 5 keys: U1 from October, D1 from October, P1 from September, U2 and D2 from November.
        assertThat(merge.rowsRead()).isEqualTo(5);
        assertThat(keptWithOrigins(List.of(compacted))).containsExactlyInAnyOrderEntriesOf(Map.of(
                stay("U1", LocalDate.of(2026, 10, 15)), "oct/0",
                new StoredRecord("D1", "U1", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 10, 20)), "oct/0",
                new PersonalisedProject("P1", "D1", ProjectStatus.EN_PREPARATION, LocalDate.of(2026, 9, 1), null),
                "sep/0",
                stay("U2", LocalDate.of(2026, 11, 10)), "nov/0",
                new StoredRecord("D2", "U2", LocalDate.of(2026, 2, 1), LocalDate.of(2026, 11, 2)), "nov/0"));
    }

    @Test
    void aLateCorrectionArrivingAfterTheCompactionWinsOnlyOverTheRowsOfOlderExports() {
        StoredSegment compacted = compact(List.of(september, october, november));
        // Extracted on October 15th, ingested after November's: newer than September, older than October.
        StoredSegment late = photos("late", "2026-10-15|b", 4, s -> {
            s.stay("U1", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 9, 30), List.of());
            s.project("P1", "D1", ProjectStatus.CLOS, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 10));
            s.stay("U2", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 10, 20), List.of());
            s.stay("U3", LocalDate.of(2026, 1, 1), null, List.of());
        });
        // Same date and name as November's, ingested later: it wins over November's.
        StoredSegment resent = photos("nov-bis", "2026-11-30|a", 5, s -> s.stay("U2", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 11, 25), List.of()));

        Map<Object, String> expected = Map.of(
                stay("U1", LocalDate.of(2026, 10, 15)), "oct/0",
                new StoredRecord("D1", "U1", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 10, 20)), "oct/0",
                new PersonalisedProject("P1", "D1", ProjectStatus.CLOS, LocalDate.of(2026, 9, 1),
                        LocalDate.of(2026, 10, 10)), "late/0",
                stay("U2", LocalDate.of(2026, 11, 25)), "nov-bis/0",
                new StoredRecord("D2", "U2", LocalDate.of(2026, 2, 1), LocalDate.of(2026, 11, 2)), "nov/0",
                stay("U3", null), "late/0");
        assertThat(keptWithOrigins(List.of(september, october, november, late, resent)))
                .containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(keptWithOrigins(List.of(resent, compacted, late))).containsExactlyInAnyOrderEntriesOf(expected);
        // Compacted again with the late correction, then given one more export: still the same.
        StoredSegment again = compact(List.of(late, compacted));
        assertThat(again.order()).isEqualTo("2026-11-30|a");
        assertThat(keptWithOrigins(List.of(again, resent))).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void anyMixOfCompactedAndOrdinarySegmentsKeepsTheRowsOfAnUncompactedBaseFromTheSamePackages() {
        Random random = new Random(20261203);
        for (int round = 0; round < 300; round++) {
            int packages = 2 + random.nextInt(8);
            List<StoredSegment> segments = new ArrayList<>();
            for (int p = 0; p < packages; p++) {
                // Few dates and names, so that orders tie and ranks decide; parts of one package in order.
                String order = "2026-1" + random.nextInt(3) + "-0" + (1 + random.nextInt(3)) + "|" + "ab".charAt(
                        random.nextInt(2));
                int parts = 1 + random.nextInt(2);
                for (int part = 0; part < parts; part++) {
                    int rows = 1 + random.nextInt(6);
                    int[] keys = random.ints(rows, 0, 6).toArray();
                    int[] exits = random.ints(rows, 1, 28).toArray();
                    segments.add(SegmentMergeTest.segment("p" + p, part, order, p + 1, SegmentContent.PHOTOS, s -> {
                        for (int i = 0; i < keys.length; i++) {
                            s.stay("U" + keys[i], LocalDate.of(2026, 1, 1), LocalDate.of(2026, 10, exits[i]),
                                    List.of());
                        }
                    }));
                }
            }
            Map<Object, String> expected = keptWithOrigins(segments);
            // Compact a random subset, maybe twice, as successive runs would (a late package may arrive between).
            List<StoredSegment> compactedBase = new ArrayList<>(segments);
            for (int step = 0; step < 2; step++) {
                List<StoredSegment> chosen = new ArrayList<>();
                for (StoredSegment s : compactedBase) {
                    if (random.nextBoolean()) {
                        chosen.add(s);
                    }
                }
                if (chosen.size() >= 2) {
                    compactedBase.removeAll(chosen);
                    compactedBase.add(compact(chosen));
                }
            }
            assertThat(keptWithOrigins(compactedBase)).as("round %d", round)
                    .containsExactlyInAnyOrderEntriesOf(expected);
        }
    }
}
