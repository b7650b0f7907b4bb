package fr.esms.indicateurs.store;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The segments of the package being read, one encoder per ESSMS, written when the package is complete (or
 * earlier in parts when it does not fit in {@link #MEMORY_BYTES}). A file rejected whole is cut off again: the
 * rows it gave are forgotten, or deleted when a part holding them was already written. Runs inside the
 * package's transaction, like the rest of its load.
 */
final class PackageSegments {

    /** Bytes held before writing parts: a package of a large organisme gestionnaire stays within a few MiB. */
    static final int MEMORY_BYTES = 32 << 20;
    private static final int ROWS_BETWEEN_SIZE_CHECKS = 8_192;

    private record Part(String finess, int part) {
    }

    private final JdbcTemplate jdbc;
    private final String sha256;
    private final int memoryBytes;
    private final Map<String, SegmentCodec.Encoder> byFiness = new TreeMap<>();
    /** Where the rows of the file being read start, for the ESSMS it gave rows for. */
    private final Map<String, Integer> fileStarts = new HashMap<>();
    /** Parts already written that hold rows of the file being read. */
    private final List<Part> fileParts = new ArrayList<>();
    private String order;
    private long rank;
    private int nextPart;
    private int rowsSinceCheck;
    /** The ESSMS of the previous row and its encoder: rows mostly come ESSMS after ESSMS. */
    private String lastFiness;
    private SegmentCodec.Encoder lastEncoder;

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

    /** The encoder to append one row of {@code finess} to. */
    SegmentCodec.Encoder of(String finess) {
        if (++rowsSinceCheck >= ROWS_BETWEEN_SIZE_CHECKS) {
            rowsSinceCheck = 0;
            if (bufferedBytes() > memoryBytes) {
                write();
            }
        }
        if (finess.equals(lastFiness)) {
            return lastEncoder;
        }
        SegmentCodec.Encoder encoder = byFiness.computeIfAbsent(finess, f -> new SegmentCodec.Encoder());
        fileStarts.putIfAbsent(finess, encoder.size());
        lastFiness = finess;
        lastEncoder = encoder;
        return encoder;
    }

    /** The file just read is kept. */
    void fileKept() {
        lastFiness = null;
        fileStarts.clear();
        fileParts.clear();
    }

    /** The file just read is rejected whole: none of its rows stays. */
    void fileRejected() {
        lastFiness = null;
        fileStarts.forEach((finess, start) -> byFiness.get(finess).truncate(start));
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
        for (SegmentCodec.Encoder encoder : byFiness.values()) {
            total += encoder.size();
        }
        return total;
    }

    /**
     * Writes every ESSMS's rows as parts, in order: the rows of files already kept, then those of the file being
     * read (a part of their own, deleted again if that file is rejected whole).
     */
    private void write() {
        List<Object[]> parts = new ArrayList<>();
        for (Map.Entry<String, SegmentCodec.Encoder> entry : byFiness.entrySet()) {
            String finess = entry.getKey();
            SegmentCodec.Encoder encoder = entry.getValue();
            int fileStart = fileStarts.getOrDefault(finess, encoder.size());
            if (fileStart > 1) {
                parts.add(part(finess, encoder.slice(1, fileStart)));
            }
            if (encoder.size() > fileStart) {
                Object[] part = part(finess, encoder.slice(fileStart, encoder.size()));
                fileParts.add(new Part(finess, (Integer) part[2]));
                parts.add(part);
            }
            encoder.clear();
            fileStarts.computeIfPresent(finess, (f, start) -> 1);
        }
        jdbc.batchUpdate("INSERT INTO segment (finess, sha256, partie, ordre, rang, donnees) VALUES (?, ?, ?, ?, ?, ?)",
                parts);
    }

    private Object[] part(String finess, byte[] data) {
        return new Object[]{finess, sha256, nextPart++, order, rank, data};
    }
}
