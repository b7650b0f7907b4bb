package fr.esms.indicateurs.store;

import fr.esms.indicateurs.rules.MeasureWindow;

import java.util.ArrayList;
import java.util.List;

/**
 * The segments of one ESSMS a window needs, decided on their place, content and dates alone (data may be absent:
 * on H2 the data of the others is then never read).
 *
 * <ul>
 * <li>Passes over the oldest segments of dated rows (in export order) whose rows all end before the window. Right
 * because they are the oldest: a key they hold is either replaced by a later segment, which is read, or given
 * only by them, dated before the window, where it would not count. A segment of dated rows that cannot be passed
 * over ends the series: a later one may replace a row it holds inside the window by a version dated before it.
 * <li>Passes over the archives ({@link SegmentContent#ARCHIVES}) whose persons all left before the window, when
 * every snapshot row of the ESSMS is compacted (no package waits for its compaction, which could hold an older
 * version of an archived key): such a person is accompanied in no window starting after their exit, so neither
 * their records nor their projets personnalisés can count ({@link SegmentMerge#forWindow} reads them after all in
 * the one case a rule looks at such a record).
 * </ul>
 *
 * @param needed                 in export order
 * @param archivesPassed         an archive was passed over
 * @param everySnapshotCompacted no snapshot segment waits for its compaction
 */
record WindowSelection(List<StoredSegment> needed, boolean archivesPassed, boolean everySnapshotCompacted) {

    static WindowSelection of(List<StoredSegment> segments, MeasureWindow window) {
        List<StoredSegment> ordered = new ArrayList<>(segments);
        ordered.sort(StoredSegment.EXPORT_ORDER);
        boolean everySnapshotCompacted = ordered.stream()
                .noneMatch(s -> s.content() == SegmentContent.PHOTOS || s.content() == SegmentContent.MIXTE);
        List<StoredSegment> needed = new ArrayList<>(ordered.size());
        boolean oldestDated = true;
        boolean archivesPassed = false;
        for (StoredSegment segment : ordered) {
            if (segment.content() == SegmentContent.ARCHIVES) {
                if (everySnapshotCompacted && endsBefore(segment, window)) {
                    archivesPassed = true;
                } else {
                    needed.add(segment);
                }
            } else if (segment.content() == SegmentContent.PHOTOS || segment.content() == SegmentContent.COMPACTES) {
                needed.add(segment);
            } else if (oldestDated && segment.content() == SegmentContent.EVENEMENTS && endsBefore(segment, window)) {
                continue;
            } else {
                oldestDated = false;
                needed.add(segment);
            }
        }
        return new WindowSelection(List.copyOf(needed), archivesPassed, everySnapshotCompacted);
    }

    private static boolean endsBefore(StoredSegment segment, MeasureWindow window) {
        return segment.latestDate() != null && segment.latestDate().isBefore(window.start());
    }
}
