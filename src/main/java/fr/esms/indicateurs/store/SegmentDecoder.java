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

import static fr.esms.indicateurs.store.SegmentCodec.DOCUMENT;
import static fr.esms.indicateurs.store.SegmentCodec.EVENT;
import static fr.esms.indicateurs.store.SegmentCodec.FORMAT_1;
import static fr.esms.indicateurs.store.SegmentCodec.FORMAT_COMPACTED;
import static fr.esms.indicateurs.store.SegmentCodec.MESSAGE;
import static fr.esms.indicateurs.store.SegmentCodec.PARCOURS;
import static fr.esms.indicateurs.store.SegmentCodec.PRESCRIPTION;
import static fr.esms.indicateurs.store.SegmentCodec.PROJECT;
import static fr.esms.indicateurs.store.SegmentCodec.RECORD;
import static fr.esms.indicateurs.store.SegmentCodec.STAY;
import static fr.esms.indicateurs.store.SegmentCodec.UPDATE;

/**
 * Reads back the rows {@link SegmentCodec.Encoder} wrote, field for field in the same order; callers go through
 * {@link SegmentCodec#decode}. One decoder reads one segment once.
 */
final class SegmentDecoder {

    private static final ProjectStatus[] PROJECT_STATUSES = ProjectStatus.values();
    private static final EventStatus[] EVENT_STATUSES = EventStatus.values();
    private static final DmpStatus[] DMP_STATUSES = DmpStatus.values();

    private final byte[] bytes;
    private int position;

    SegmentDecoder(byte[] bytes) {
        this.bytes = bytes;
    }

    void forEach(Consumer<Object> rows) {
        if (bytes.length == 0 || bytes[0] != FORMAT_1) {
            throw new StoreException("segment de données illisible (format " + (bytes.length == 0 ? "vide"
                    : String.valueOf(bytes[0])) + " inconnu de cette version)", null);
        }
        position = 1;
        while (position < bytes.length) {
            rows.accept(row());
        }
    }

    /** A compacted segment ({@link SegmentCodec#FORMAT_COMPACTED}): each row with its origin. */
    void forEachCompacted(String finess, BiConsumer<StoredSegment, Object> rows) {
        if (bytes.length == 0 || bytes[0] != FORMAT_COMPACTED) {
            throw new StoreException("segment compacté illisible (format " + (bytes.length == 0 ? "vide"
                    : String.valueOf(bytes[0])) + " inattendu)", null);
        }
        position = 1;
        StoredSegment[] origins = new StoredSegment[(int) unsigned()];
        for (int i = 0; i < origins.length; i++) {
            String order = text();
            long rank = unsigned();
            String sha256 = text();
            int part = (int) unsigned();
            origins[i] = new StoredSegment(finess, sha256, part, order, rank, SegmentContent.PHOTOS, null, null);
        }
        while (position < bytes.length) {
            StoredSegment origin = origins[(int) unsigned()];
            rows.accept(origin, row());
        }
    }

    private Object row() {
        byte tag = bytes[position++];
        return switch (tag) {
            case STAY -> new Stay(text(), date(), date(), codes(text()));
            case RECORD -> new StoredRecord(text(), text(), date(), date());
            case UPDATE -> new RecordUpdate(text(), month());
            case PROJECT -> new PersonalisedProject(text(), text(), PROJECT_STATUSES[(int) unsigned()],
                    date(), date());
            case EVENT -> new AgendaEvent(text(), text(), date(), EVENT_STATUSES[(int) unsigned()]);
            case MESSAGE -> new MssMessage(text(), date());
            case DOCUMENT -> new DmpDocument(text(), text(), date(), DMP_STATUSES[(int) unsigned()]);
            case PRESCRIPTION -> new CountedEvent(CountedEvent.Kind.EPRESCRIPTION, text(), date());
            case PARCOURS -> new CountedEvent(CountedEvent.Kind.EPARCOURS, text(), date());
            default -> throw new StoreException("segment de données illisible (ligne de type " + tag
                    + " à l'octet " + (position - 1) + ")", null);
        };
    }

    private String text() {
        int length = (int) unsigned();
        if (length == 0) {
            return null;
        }
        length--;
        String s = new String(bytes, position, length, StandardCharsets.UTF_8);
        position += length;
        return s;
    }

    private LocalDate date() {
        long v = unsigned();
        if (v == 0) {
            return null;
        }
        v--;
        return LocalDate.ofEpochDay((v >>> 1) ^ -(v & 1));
    }

    private YearMonth month() {
        long months = unsigned();
        return YearMonth.of((int) (months / 12), (int) (months % 12) + 1);
    }

    private long unsigned() {
        long v = 0;
        int shift = 0;
        byte b;
        do {
            b = bytes[position++];
            v |= (long) (b & 0x7F) << shift;
            shift += 7;
        } while (b < 0);
        return v;
    }

    private static List<String> codes(String motifs) {
        return motifs == null ? List.of()
                : Arrays.stream(motifs.split("\\|")).filter(s -> !s.isBlank()).toList();
    }
}
