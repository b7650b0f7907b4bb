package fr.esms.indicateurs.store;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The segments of the package being read: per ESSMS, one encoder for its snapshot rows and one for its dated rows
 * ({@link SegmentContent}), written when the package is complete (or earlier in parts when it does not fit in
 * {@link #MEMORY_BYTES}). A file rejected whole is cut off again: the rows it gave are forgotten, or deleted when
 * a part holding them was already written. Runs inside the package's transaction, like the rest of its load.
 */
final class PackageSegments {

    /** Bytes held before writing parts: a package of a large organisme gestionnaire stays within a few MiB. */
    static final int MEMORY_BYTES = 32 << 20;
    private static final int ROWS_BETWEEN_SIZE_CHECKS = 8_192;

    /** One segment being filled: an ESSMS and what it holds. */
    private record Slot(String finess, SegmentContent content) {
        static final Comparator<Slot> ORDER = Comparator.comparing(Slot::finess).thenComparing(Slot::content);
    }

    private record Part(String finess, int part) {
    }

    private final JdbcTemplate jdbc;
    private final String sha256;
    private final int memoryBytes;
    private final Map<Slot, SegmentCodec.Encoder> encoders = new TreeMap<>(Slot.ORDER);
    /** Where the rows of the file being read start, in the segments it gave rows to. */
    private final Map<Slot, Integer> fileStarts = new HashMap<>();
    /** Parts already written that hold rows of the file being read. */
    private final List<Part> fileParts = new ArrayList<>();
    private String order;
    private long rank;
    private int nextPart;
    private int rowsSinceCheck;
    /** The slot of the previous row of each content and its encoder: rows mostly come ESSMS after ESSMS. */
    private final Map<SegmentContent, Slot> lastSlots = new HashMap<>();
    private final Map<SegmentContent, SegmentCodec.Encoder> lastEncoders = new HashMap<>();

    PackageSegments(JdbcTemplate jdbc, String sha256, int memoryBytes) {
        this.jdbc = jdbc;
        this.sha256 = sha256;
        this.memoryBytes = memoryBytes;
    }

    /** The package's place among exports; set once its manifest is read, before any row. */
    void orderedAs(String order, long rank) {
        this.order = order;
        this.rank = rank;
    }

    /** The encoder to append one snapshot row of {@code finess} to: a stay, a record, a projet personnalisé. */
    SegmentCodec.Encoder photos(String finess) {
        return encoder(finess, SegmentContent.PHOTOS);
    }

    /** The encoder to append one dated row of {@code finess} to: an update month, event, message, document... */
    SegmentCodec.Encoder events(String finess) {
        return encoder(finess, SegmentContent.EVENEMENTS);
    }

    private SegmentCodec.Encoder encoder(String finess, SegmentContent content) {
        if (++rowsSinceCheck >= ROWS_BETWEEN_SIZE_CHECKS) {
            rowsSinceCheck = 0;
            if (bufferedBytes() > memoryBytes) {
                write();
            }
        }
        Slot last = lastSlots.get(content);
        if (last != null && last.finess().equals(finess)) {
            return lastEncoders.get(content);
        }
        Slot slot = new Slot(finess, content);
        SegmentCodec.Encoder encoder = encoders.computeIfAbsent(slot, s -> new SegmentCodec.Encoder());
        fileStarts.putIfAbsent(slot, encoder.size());
        lastSlots.put(content, slot);
        lastEncoders.put(content, encoder);
        return encoder;
    }

    /** The file just read is kept. */
    void fileKept() {
        lastSlots.clear();
        fileStarts.clear();
        fileParts.clear();
    }

    /** The file just read is rejected whole: none of its rows stays. */
    void fileRejected() {
        lastSlots.clear();
        fileStarts.forEach((slot, start) -> encoders.get(slot).truncate(start));
        fileStarts.clear();
        jdbc.batchUpdate("DELETE FROM segment WHERE finess = ? AND sha256 = ? AND partie = ?",
                fileParts.stream().map(p -> new Object[]{p.finess(), sha256, p.part()}).toList());
        fileParts.clear();
    }

    /** Writes what remains. */
    void finish() {
        write();
    }

    private long bufferedBytes() {
        long total = 0;
        for (SegmentCodec.Encoder encoder : encoders.values()) {
            total += encoder.size();
        }
        return total;
    }

    /**
     * Writes every segment being filled as parts, in order: the rows of files already kept, then those of the
     * file being read (a part of their own, deleted again if that file is rejected whole).
     */
    private void write() {
        List<StoredSegment> parts = new ArrayList<>();
        for (Map.Entry<Slot, SegmentCodec.Encoder> entry : encoders.entrySet()) {
            Slot slot = entry.getKey();
            SegmentCodec.Encoder encoder = entry.getValue();
            int fileStart = fileStarts.getOrDefault(slot, encoder.size());
            if (fileStart > 1) {
                parts.add(part(slot, encoder, encoder.slice(1, fileStart)));
            }
            if (encoder.size() > fileStart) {
                StoredSegment part = part(slot, encoder, encoder.slice(fileStart, encoder.size()));
                fileParts.add(new Part(slot.finess(), part.part()));
                parts.add(part);
            }
            encoder.clear();
            fileStarts.computeIfPresent(slot, (s, start) -> 1);
        }
        jdbc.batchUpdate("INSERT INTO segment (" + StoredSegment.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                parts.stream().map(StoredSegment::values).toList());
    }

    /** The latest date of the encoder's rows covers those of any slice of it. */
    private StoredSegment part(Slot slot, SegmentCodec.Encoder encoder, byte[] data) {
        return new StoredSegment(slot.finess(), sha256, nextPart++, order, rank, slot.content(),
                slot.content() == SegmentContent.EVENEMENTS ? encoder.latestDate() : null, data);
    }
}
