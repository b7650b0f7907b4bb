package fr.esms.indicateurs.store;

import fr.esms.indicateurs.rules.EssmsActivity;
import fr.esms.indicateurs.rules.EssmsActivity.AgendaEvent;
import fr.esms.indicateurs.rules.EssmsActivity.Dated;
import fr.esms.indicateurs.rules.EssmsActivity.DmpDocument;
import fr.esms.indicateurs.rules.EssmsActivity.DuiRecord;
import fr.esms.indicateurs.rules.EssmsActivity.MssMessage;
import fr.esms.indicateurs.rules.EssmsActivity.PersonalisedProject;
import fr.esms.indicateurs.rules.EssmsActivity.RecordUpdate;
import fr.esms.indicateurs.rules.EssmsActivity.Stay;
import fr.esms.indicateurs.rules.MeasureWindow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Combines the segments of one ESSMS key by key, as the format requires: taken in export order
 * ({@link StoredSegment#EXPORT_ORDER}) and each in file order, a row replaces the row of the same key, so the
 * latest export wins and, inside one package, the last row. Keys: a stay by person and entry date, a record,
 * projet personnalisé, agenda event, MSS message, DMP document or counted event by its identifier; record update
 * months are a union.
 */
final class SegmentMerge {

    private record StayKey(String personId, LocalDate entry) {
    }

    private record IdKey(Class<?> kind, String id) {
    }

    private record CountedKey(CountedEvent.Kind kind, String id) {
    }

    private final Map<Object, Object> latest;
    private long rowsRead;
    /** For the purge: the segment each kept row comes from. */
    private final Map<Object, StoredSegment> origins;

    private SegmentMerge(boolean withOrigins, int expectedRows) {
        this.latest = new LinkedHashMap<>(Math.max(16, expectedRows * 4 / 3));
        this.origins = withOrigins ? new LinkedHashMap<>() : null;
    }

    /** Combines {@code segments} (in any order) of one ESSMS. */
    static SegmentMerge of(List<StoredSegment> segments) {
        return combine(segments, false);
    }

    /**
     * Combines the segments of one ESSMS that may matter for {@code window}, passing over those
     * {@link WindowSelection} says it needs not. One rule looks at records of persons not accompanied: a DMP
     * document of the window whose record is in no export is reported as such ({@code rules/Populations}); when
     * archives were passed over and a document of the window names a record not among those read, the archives
     * are read after all, from {@code archives}.
     *
     * @param archives        every archive segment of the ESSMS, data included (asked only in that rare case)
     * @param archivesOmitted the caller may have left out archives the selection would pass over
     */
    static SegmentMerge forWindow(List<StoredSegment> segments, MeasureWindow window,
                                  Supplier<List<StoredSegment>> archives, boolean archivesOmitted) {
        WindowSelection selection = WindowSelection.of(segments, window);
        List<StoredSegment> needed = new ArrayList<>(selection.needed());
        SegmentMerge merge = combine(needed, false);
        if ((selection.archivesPassed() || (archivesOmitted && selection.everySnapshotCompacted()))
                && merge.documentOfUnreadRecord(window)) {
            needed.removeIf(s -> s.content() == SegmentContent.ARCHIVES);
            needed.addAll(archives.get());
            return combine(needed, false);
        }
        return merge;
    }

    /** {@link #forWindow(List, MeasureWindow, Supplier, boolean)} when {@code segments} holds every archive. */
    static SegmentMerge forWindow(List<StoredSegment> segments, MeasureWindow window) {
        return forWindow(segments, window,
                () -> segments.stream().filter(s -> s.content() == SegmentContent.ARCHIVES).toList(), false);
    }

    /** A DMP document dated inside the window names a record that no row read holds. */
    private boolean documentOfUnreadRecord(MeasureWindow window) {
        java.util.Set<String> records = new java.util.HashSet<>();
        List<DmpDocument> documents = new ArrayList<>();
        for (Object row : latest.values()) {
            if (row instanceof StoredRecord r) {
                records.add(r.recordId());
            } else if (row instanceof DmpDocument d && window.contains(d.deposited())) {
                documents.add(d);
            }
        }
        return documents.stream().anyMatch(d -> !records.contains(d.recordId()));
    }

    /** The same as {@link #of}, remembering where each kept row comes from ({@link #origin}). */
    static SegmentMerge withOrigins(List<StoredSegment> segments) {
        return combine(segments, true);
    }

    /**
     * Compacted segments first, each row ranked by the package it came from; then the others in export order,
     * each row replacing the kept one unless that one comes from a compacted row of a later export (a package
     * ingested after the compaction but sorting before some of its packages: a late correction). The kept row of
     * each key is then the one of the latest export, exactly as if nothing had been compacted.
     */
    private static SegmentMerge combine(List<StoredSegment> segments, boolean withOrigins) {
        List<StoredSegment> compacted = new ArrayList<>();
        List<StoredSegment> ordered = new ArrayList<>(segments.size());
        long bytes = 0;
        for (StoredSegment segment : segments) {
            bytes += segment.data().length;
            (segment.content().isCompacted() ? compacted : ordered).add(segment);
        }
        ordered.sort(StoredSegment.EXPORT_ORDER);
        // About 20 bytes a row: sized once rather than grown and rehashed several times.
        SegmentMerge merge = new SegmentMerge(withOrigins, (int) Math.min(bytes / 20, 1 << 24));
        // The package of each key's compacted row, only when something may outrank it or be outranked by it.
        Map<Object, StoredSegment> compactedOrigins = null;
        // A compacted segment is placed (ordre, rang) as the latest package it holds rows of.
        StoredSegment newestCompacted = compacted.stream().max(StoredSegment.PACKAGE_ORDER).orElse(null);
        // A compaction's archives never share a key with its compacted segment: they need no ranking between them.
        long compactions = compacted.stream().filter(c -> c.content() == SegmentContent.COMPACTES).count();
        if (compactions > 1 || (newestCompacted != null && !ordered.isEmpty()
                && StoredSegment.PACKAGE_ORDER.compare(ordered.get(0), newestCompacted) <= 0)) {
            compactedOrigins = new HashMap<>();
        }
        for (StoredSegment segment : compacted) {
            Map<Object, StoredSegment> ranks = compactedOrigins;
            read(segment, () -> SegmentCodec.decodeCompacted(segment.finess(), segment.data(), (origin, row) -> {
                merge.rowsRead++;
                Object key = keyOf(row);
                if (ranks != null) {
                    StoredSegment kept = ranks.get(key);
                    if (kept != null && StoredSegment.EXPORT_ORDER.compare(kept, origin) > 0) {
                        return;
                    }
                    ranks.put(key, origin);
                }
                merge.keep(key, row, origin);
            }));
        }
        for (StoredSegment segment : ordered) {
            Map<Object, StoredSegment> ranks = compactedOrigins != null
                    && StoredSegment.PACKAGE_ORDER.compare(segment, newestCompacted) <= 0 ? compactedOrigins : null;
            read(segment, () -> SegmentCodec.decode(segment.data(), row -> {
                merge.rowsRead++;
                Object key = keyOf(row);
                if (ranks != null) {
                    StoredSegment kept = ranks.get(key);
                    if (kept != null) {
                        if (StoredSegment.EXPORT_ORDER.compare(kept, segment) > 0) {
                            return;
                        }
                        // Replaced by this export: any later segment read here outranks it too.
                        ranks.remove(key);
                    }
                }
                merge.keep(key, row, segment);
            }));
        }
        return merge;
    }

    private void keep(Object key, Object row, StoredSegment origin) {
        latest.put(key, row);
        if (origins != null) {
            origins.put(key, origin);
        }
    }

    private static void read(StoredSegment segment, Runnable decoding) {
        try {
            decoding.run();
        } catch (RuntimeException e) {
            throw new StoreException("données de l'ESSMS " + segment.finess() + " illisibles dans le segment "
                    + segment.part() + " du paquet " + segment.sha256() + " (" + e.getMessage() + ") : base "
                    + "modifiée hors de l'application ou écrite par une version plus récente d'esms-indicateurs ;"
                    + " utiliser cette version-là, ou restaurer la base depuis une sauvegarde", e);
        }
    }

    static Object keyOf(Object row) {
        if (row instanceof Stay s) {
            return new StayKey(s.personId(), s.entry());
        } else if (row instanceof RecordUpdate u) {
            return u;
        } else if (row instanceof StoredRecord r) {
            return new IdKey(StoredRecord.class, r.recordId());
        } else if (row instanceof PersonalisedProject p) {
            return new IdKey(PersonalisedProject.class, p.projectId());
        } else if (row instanceof AgendaEvent e) {
            return new IdKey(AgendaEvent.class, e.eventId());
        } else if (row instanceof MssMessage m) {
            return new IdKey(MssMessage.class, m.messageId());
        } else if (row instanceof DmpDocument d) {
            return new IdKey(DmpDocument.class, d.documentId());
        } else if (row instanceof CountedEvent c) {
            return new CountedKey(c.kind(), c.id());
        }
        throw new IllegalArgumentException("ligne de segment inconnue : " + row);
    }

    /** Rows decoded, replaced ones included. */
    long rowsRead() {
        return rowsRead;
    }

    /** The kept rows: one per key. */
    Collection<Object> rows() {
        return latest.values();
    }

    /** The segment the kept row of {@code row}'s key comes from ({@link #withOrigins} only). */
    StoredSegment origin(Object row) {
        return origins.get(keyOf(row));
    }

    /**
     * The rows that may count in {@code window}: stays and projets personnalisés overlapping it, update months,
     * events, messages, documents and counted events inside it, and every record (a snapshot of any age). The
     * rules decide what counts.
     */
    EssmsActivity activity(MeasureWindow window) {
        return activity(window, false);
    }

    /** Every kept row, whatever its dates: the latest version of each key. */
    EssmsActivity everyRow() {
        return activity(null, true);
    }

    /** @param window null when {@code everyRow} */
    private EssmsActivity activity(MeasureWindow window, boolean everyRow) {
        List<Stay> stays = new ArrayList<>();
        List<DuiRecord> records = new ArrayList<>();
        List<RecordUpdate> updates = new ArrayList<>();
        List<PersonalisedProject> projects = new ArrayList<>();
        List<AgendaEvent> events = new ArrayList<>();
        List<MssMessage> messages = new ArrayList<>();
        List<DmpDocument> documents = new ArrayList<>();
        List<Dated> prescriptions = new ArrayList<>();
        List<Dated> parcours = new ArrayList<>();
        // The window's bounds once, not once per row.
        LocalDate start = everyRow ? null : window.start();
        LocalDate end = everyRow ? null : window.end();
        for (Object row : latest.values()) {
            if (row instanceof Stay s) {
                if (everyRow || overlaps(s.entry(), s.exit(), start, end)) {
                    stays.add(s);
                }
            } else if (row instanceof StoredRecord r) {
                records.add(new DuiRecord(r.recordId(), r.personId()));
            } else if (row instanceof RecordUpdate u) {
                if (everyRow || window.contains(u.month())) {
                    updates.add(u);
                }
            } else if (row instanceof PersonalisedProject p) {
                if (everyRow || overlaps(p.start(), p.end(), start, end)) {
                    projects.add(p);
                }
            } else if (row instanceof AgendaEvent e) {
                if (everyRow || inside(e.date(), start, end)) {
                    events.add(e);
                }
            } else if (row instanceof MssMessage m) {
                if (everyRow || inside(m.sent(), start, end)) {
                    messages.add(m);
                }
            } else if (row instanceof DmpDocument d) {
                if (everyRow || inside(d.deposited(), start, end)) {
                    documents.add(d);
                }
            } else if (row instanceof CountedEvent c && (everyRow || inside(c.date(), start, end))) {
                (c.kind() == CountedEvent.Kind.EPRESCRIPTION ? prescriptions : parcours)
                        .add(new Dated(c.id(), c.date()));
            }
        }
        return new EssmsActivity(stays, records, updates, projects, events, messages, documents, prescriptions,
                parcours);
    }

    /** As {@link MeasureWindow#contains(LocalDate)}. */
    private static boolean inside(LocalDate date, LocalDate start, LocalDate end) {
        return date != null && !date.isBefore(start) && !date.isAfter(end);
    }

    /** As {@link MeasureWindow#overlaps}: either end of the period open when null. */
    private static boolean overlaps(LocalDate from, LocalDate to, LocalDate start, LocalDate end) {
        return (from == null || !from.isAfter(end)) && (to == null || !to.isBefore(start));
    }
}
