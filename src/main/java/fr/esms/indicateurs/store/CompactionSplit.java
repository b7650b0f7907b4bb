package fr.esms.indicateurs.store;

import fr.esms.indicateurs.rules.EssmsActivity.PersonalisedProject;
import fr.esms.indicateurs.rules.EssmsActivity.Stay;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How a compaction lays out the kept snapshot rows of an ESSMS. The rows of persons whose every stay has ended
 * (their stays, their records, the projets personnalisés of those records) go to archives
 * ({@link SegmentContent#ARCHIVES}): one per month of last exit, numbered by that month (so that an archive no
 * new export touches is written once, then left as it is), dated with the latest exit it holds. Everything else
 * (persons still accompanied, records and projects of no known stay) goes to the compacted segment, part 0. A
 * month's calculation then decodes about what its own export holds, however many persons left over the years.
 */
final class CompactionSplit {

    private CompactionSplit() {
    }

    /**
     * The compacted segment then the archives of {@code finess}, from {@code merge} (its snapshot segments
     * combined {@link SegmentMerge#withOrigins}); each placed among exports as the latest package it holds rows
     * of (an archive's place then changes only with its rows). Empty when no row is kept.
     */
    static List<StoredSegment> segments(String finess, SegmentMerge merge) {
        Map<String, LocalDate> lastExitOfPersonsGone = lastExits(merge.rows());
        Map<String, String> personByRecord = new HashMap<>();
        for (Object row : merge.rows()) {
            if (row instanceof StoredRecord r) {
                personByRecord.put(r.recordId(), r.personId());
            }
        }
        Map<Integer, List<Object>> rowsByPart = new TreeMap<>();
        Map<Integer, LocalDate> latestExitByPart = new HashMap<>();
        for (Object row : merge.rows()) {
            String person = row instanceof Stay s ? s.personId()
                    : row instanceof StoredRecord r ? r.personId()
                    : row instanceof PersonalisedProject p ? personByRecord.get(p.recordId()) : null;
            LocalDate exit = person == null ? null : lastExitOfPersonsGone.get(person);
            int part = exit == null ? 0 : archivePart(exit);
            rowsByPart.computeIfAbsent(part, p -> new ArrayList<>()).add(row);
            if (exit != null) {
                latestExitByPart.merge(part, exit, (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        List<StoredSegment> segments = new ArrayList<>();
        rowsByPart.forEach((part, rows) -> segments.addAll(encode(finess, merge, rows,
                part == 0 ? SegmentContent.COMPACTES : SegmentContent.ARCHIVES, part, latestExitByPart.get(part))));
        return segments;
    }

    /** The part number of the archive of the persons who left last in the month of {@code exit}: never 0. */
    static int archivePart(LocalDate exit) {
        return Math.max(1, exit.getYear() * 12 + exit.getMonthValue());
    }

    /** The latest exit of each person with stays, every one of them ended. */
    private static Map<String, LocalDate> lastExits(Collection<Object> rows) {
        Map<String, LocalDate> lastExit = new HashMap<>();
        Set<String> staying = new HashSet<>();
        for (Object row : rows) {
            if (row instanceof Stay s) {
                if (s.exit() == null) {
                    staying.add(s.personId());
                } else {
                    lastExit.merge(s.personId(), s.exit(), (a, b) -> a.isAfter(b) ? a : b);
                }
            }
        }
        lastExit.keySet().removeAll(staying);
        return lastExit;
    }

    /**
     * {@code rows} (kept rows of {@code merge}) as one segment of {@code content} and part {@code part}, each row
     * with its package, placed among exports as the latest of them; empty when there is no row.
     */
    static List<StoredSegment> encode(String finess, SegmentMerge merge, Collection<Object> rows,
                                      SegmentContent content, int part, LocalDate latestExit) {
        // The packages the rows come from, in export order: the table at the head of the segment. Each row's
        // origin looked up once.
        List<StoredSegment> originOfRow = new ArrayList<>(rows.size());
        Map<StoredSegment, Integer> indexes = new IdentityHashMap<>();
        List<StoredSegment> origins = new ArrayList<>();
        for (Object row : rows) {
            StoredSegment origin = merge.origin(row);
            originOfRow.add(origin);
            if (indexes.putIfAbsent(origin, -1) == null) {
                origins.add(origin);
            }
        }
        if (origins.isEmpty()) {
            return List.of();
        }
        origins.sort(StoredSegment.EXPORT_ORDER);
        for (int i = 0; i < origins.size(); i++) {
            indexes.put(origins.get(i), i);
        }
        SegmentCodec.Encoder encoder = SegmentCodec.Encoder.compacted(origins);
        int i = 0;
        for (Object row : rows) {
            encoder.origin(indexes.get(originOfRow.get(i++)));
            encoder.row(row);
        }
        StoredSegment newest = origins.get(origins.size() - 1);
        return List.of(new StoredSegment(finess, SegmentCompaction.COMPACTED_PACKAGE, part, newest.order(),
                newest.rank(), content, latestExit, encoder.toByteArray()));
    }
}
