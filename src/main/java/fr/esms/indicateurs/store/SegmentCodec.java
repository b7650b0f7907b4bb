package fr.esms.indicateurs.store;

import fr.esms.indicateurs.rules.EssmsActivity.AgendaEvent;
import fr.esms.indicateurs.rules.EssmsActivity.DmpDocument;
import fr.esms.indicateurs.rules.EssmsActivity.DmpStatus;
import fr.esms.indicateurs.rules.EssmsActivity.EventStatus;
import fr.esms.indicateurs.rules.EssmsActivity.MssMessage;
import fr.esms.indicateurs.rules.EssmsActivity.PersonalisedProject;
import fr.esms.indicateurs.rules.EssmsActivity.ProjectStatus;
import fr.esms.indicateurs.rules.EssmsActivity.RecordUpdate;
import fr.esms.indicateurs.rules.EssmsActivity.Stay;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The binary form of a segment: the pivot rows of one kind ({@link SegmentContent}) one package gave for one
 * ESSMS, in file order. Each row is a tag then its fields: texts as a length and UTF-8 bytes, dates as day
 * numbers, statuses as their rank, all in variable-length integers (17 bytes a row on average over a generated
 * national month, against well over 100 as a database row with its index). Only what the rules read, or may one
 * day read, is kept: exactly the columns of the former row tables. This class holds the layout and its
 * {@link Encoder}; {@link SegmentDecoder} reads it back.
 */
final class SegmentCodec {

    /** First byte of every segment: the layout below. A new layout gets a new number; old ones stay readable. */
    static final byte FORMAT_1 = 1;
    /**
     * A compacted segment ({@link SegmentContent#COMPACTES}, {@link SegmentCompaction}): a table of the segments
     * its rows come from (their place among exports), then rows each preceded by the index of its origin.
     */
    static final byte FORMAT_COMPACTED = 2;

    static final byte STAY = 1;
    static final byte RECORD = 2;
    static final byte UPDATE = 3;
    static final byte PROJECT = 4;
    static final byte EVENT = 5;
    static final byte MESSAGE = 6;
    static final byte DOCUMENT = 7;
    static final byte PRESCRIPTION = 8;
    static final byte PARCOURS = 9;

    private SegmentCodec() {
    }

    /** Rows appended one after the other; {@link #truncate} forgets the rows of a file rejected whole. */
    static final class Encoder {
        private byte[] bytes = new byte[128];
        private int size;
        /**
         * The latest date of the dated rows written since the encoder was made or emptied; never lowered by
         * {@link #truncate}, so it may be later than the rows kept, never earlier (which is what a reader may
         * rely on to pass a segment over).
         */
        private LocalDate latest;

        Encoder() {
            bytes[size++] = FORMAT_1;
        }

        /**
         * A compacted segment whose rows come from {@code origins} (in export order): append each row with
         * {@link #origin} then {@link #row}.
         */
        static Encoder compacted(List<StoredSegment> origins) {
            Encoder encoder = new Encoder();
            encoder.bytes[0] = FORMAT_COMPACTED;
            encoder.unsigned(origins.size());
            for (StoredSegment origin : origins) {
                encoder.text(origin.order());
                encoder.unsigned(origin.rank());
                encoder.text(origin.sha256());
                encoder.unsigned(origin.part());
            }
            return encoder;
        }

        /** In a compacted segment, before each row: the index of its origin in the table. */
        void origin(int index) {
            unsigned(index);
        }

        /** Bytes written, the format byte included. */
        int size() {
            return size;
        }

        void truncate(int newSize) {
            size = newSize;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }

        /** A segment of the rows written between byte positions {@code from} and {@code to}. */
        byte[] slice(int from, int to) {
            byte[] segment = new byte[1 + to - from];
            segment[0] = FORMAT_1;
            System.arraycopy(bytes, from, segment, 1, to - from);
            return segment;
        }

        /** Forgets every row. */
        void clear() {
            size = 1;
            latest = null;
        }

        /** See {@link #latest}; null when no dated row was written. */
        LocalDate latestDate() {
            return latest;
        }

        private void dated(LocalDate date) {
            if (date != null && (latest == null || date.isAfter(latest))) {
                latest = date;
            }
        }

        void stay(String personId, LocalDate entry, LocalDate exit, List<String> exclusionCodes) {
            tag(STAY);
            text(personId);
            date(entry);
            date(exit);
            text(exclusionCodes.isEmpty() ? null : String.join("|", exclusionCodes));
        }

        void record(String recordId, String personId, LocalDate created, LocalDate lastModified) {
            tag(RECORD);
            text(recordId);
            text(personId);
            date(created);
            date(lastModified);
        }

        void update(String recordId, YearMonth month) {
            tag(UPDATE);
            dated(month.atEndOfMonth());
            text(recordId);
            unsigned(month.getYear() * 12L + month.getMonthValue() - 1);
        }

        void project(String projectId, String recordId, ProjectStatus status, LocalDate start, LocalDate end) {
            tag(PROJECT);
            text(projectId);
            text(recordId);
            unsigned(status.ordinal());
            date(start);
            date(end);
        }

        void event(String eventId, String recordId, LocalDate date, EventStatus status) {
            tag(EVENT);
            dated(date);
            text(eventId);
            text(recordId);
            date(date);
            unsigned(status.ordinal());
        }

        void message(String messageId, LocalDate sent) {
            tag(MESSAGE);
            dated(sent);
            text(messageId);
            date(sent);
        }

        void document(String documentId, String recordId, LocalDate deposited, DmpStatus status) {
            tag(DOCUMENT);
            dated(deposited);
            text(documentId);
            text(recordId);
            date(deposited);
            unsigned(status.ordinal());
        }

        void counted(CountedEvent.Kind kind, String id, LocalDate date) {
            tag(kind == CountedEvent.Kind.EPRESCRIPTION ? PRESCRIPTION : PARCOURS);
            dated(date);
            text(id);
            date(date);
        }

        /** Appends a row as {@link #decode} gives it back. */
        void row(Object row) {
            if (row instanceof Stay s) {
                stay(s.personId(), s.entry(), s.exit(), s.exclusionCodes());
            } else if (row instanceof StoredRecord r) {
                record(r.recordId(), r.personId(), r.created(), r.lastModified());
            } else if (row instanceof RecordUpdate u) {
                update(u.recordId(), u.month());
            } else if (row instanceof PersonalisedProject p) {
                project(p.projectId(), p.recordId(), p.status(), p.start(), p.end());
            } else if (row instanceof AgendaEvent e) {
                event(e.eventId(), e.recordId(), e.date(), e.status());
            } else if (row instanceof MssMessage m) {
                message(m.messageId(), m.sent());
            } else if (row instanceof DmpDocument d) {
                document(d.documentId(), d.recordId(), d.deposited(), d.status());
            } else if (row instanceof CountedEvent c) {
                counted(c.kind(), c.id(), c.date());
            } else {
                throw new IllegalArgumentException("ligne de segment inconnue : " + row);
            }
        }

        private void tag(byte tag) {
            ensure(1);
            bytes[size++] = tag;
        }

        /** Null is length 0, otherwise length + 1. */
        private void text(String s) {
            if (s == null) {
                unsigned(0);
                return;
            }
            int n = s.length();
            ensure(5 + n);
            boolean ascii = true;
            for (int i = 0; i < n; i++) {
                if (s.charAt(i) >= 0x80) {
                    ascii = false;
                    break;
                }
            }
            if (ascii) {
                unsigned(n + 1L);
                for (int i = 0; i < n; i++) {
                    bytes[size++] = (byte) s.charAt(i);
                }
            } else {
                byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                unsigned(utf8.length + 1L);
                ensure(utf8.length);
                System.arraycopy(utf8, 0, bytes, size, utf8.length);
                size += utf8.length;
            }
        }

        /** Null is 0, otherwise the zigzag-encoded day number + 1 (dates before 1970 stay small too). */
        private void date(LocalDate d) {
            if (d == null) {
                unsigned(0);
                return;
            }
            long day = d.toEpochDay();
            unsigned(((day << 1) ^ (day >> 63)) + 1);
        }

        private void unsigned(long v) {
            ensure(10);
            while ((v & ~0x7FL) != 0) {
                bytes[size++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            bytes[size++] = (byte) v;
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }

    /**
     * Gives the rows of a segment, in order, as {@link Stay}, {@link StoredRecord}, {@link RecordUpdate},
     * {@link PersonalisedProject}, {@link AgendaEvent}, {@link MssMessage}, {@link DmpDocument} or
     * {@link CountedEvent}.
     */
    static void decode(byte[] segment, Consumer<Object> rows) {
        new SegmentDecoder(segment).forEach(rows);
    }

    /** The rows of a compacted segment of {@code finess}, each with the segment it came from (without data). */
    static void decodeCompacted(String finess, byte[] segment, BiConsumer<StoredSegment, Object> rows) {
        new SegmentDecoder(segment).forEachCompacted(finess, rows);
    }
}
