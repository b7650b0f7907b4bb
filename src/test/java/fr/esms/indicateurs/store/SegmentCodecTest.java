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
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SegmentCodecTest {

    private static List<Object> roundTrip(List<Object> rows) {
        SegmentCodec.Encoder encoder = new SegmentCodec.Encoder();
        rows.forEach(encoder::row);
        List<Object> decoded = new ArrayList<>();
        SegmentCodec.decode(encoder.toByteArray(), decoded::add);
        return decoded;
    }

    @Test
    void everyKindOfRowComesBackEqualWithItsEmptyFieldsAndExtremeValues() {
        List<Object> rows = List.of(
                new Stay("U1", LocalDate.of(1958, 3, 1), null, List.of()),
                new Stay("Usager été ü €", LocalDate.of(2026, 1, 31), LocalDate.of(2026, 2, 1),
                        List.of("ANONYMAT", "REFUS_MSS")),
                new StoredRecord("D1", "U1", LocalDate.of(1900, 1, 1), LocalDate.of(9999, 12, 31)),
                new RecordUpdate("D1", YearMonth.of(2026, 12)),
                new RecordUpdate("D1", YearMonth.of(2027, 1)),
                new PersonalisedProject("P1", "D1", ProjectStatus.EN_PREPARATION, null, null),
                new PersonalisedProject("P2", "D1", ProjectStatus.ANNULE, LocalDate.of(2026, 1, 1),
                        LocalDate.of(2026, 6, 30)),
                new AgendaEvent("E1", "D1", LocalDate.of(2026, 10, 5), EventStatus.ANNULE),
                new AgendaEvent("x".repeat(300), "D1", LocalDate.of(1970, 1, 1), EventStatus.PREVU),
                new MssMessage("M1", LocalDate.of(1969, 12, 31)),
                new DmpDocument("DOC1", "D1", LocalDate.of(2026, 10, 2), DmpStatus.ERREUR),
                new CountedEvent(CountedEvent.Kind.EPRESCRIPTION, "RX1", LocalDate.of(2026, 10, 3)),
                new CountedEvent(CountedEvent.Kind.EPARCOURS, "", LocalDate.of(2026, 10, 4)));

        assertThat(roundTrip(rows)).containsExactlyElementsOf(rows);
    }

    @Test
    void truncatingForgetsTheRowsWrittenSinceAndSlicesAreSegmentsOfTheirOwn() {
        SegmentCodec.Encoder encoder = new SegmentCodec.Encoder();
        encoder.message("M1", LocalDate.of(2026, 10, 1));
        int mark = encoder.size();
        encoder.message("M2", LocalDate.of(2026, 10, 2));
        encoder.message("M3", LocalDate.of(2026, 10, 3));

        List<Object> second = new ArrayList<>();
        SegmentCodec.decode(encoder.slice(mark, encoder.size()), second::add);
        assertThat(second).containsExactly(new MssMessage("M2", LocalDate.of(2026, 10, 2)),
                new MssMessage("M3", LocalDate.of(2026, 10, 3)));

        encoder.truncate(mark);
        List<Object> kept = new ArrayList<>();
        SegmentCodec.decode(encoder.toByteArray(), kept::add);
        assertThat(kept).containsExactly(new MssMessage("M1", LocalDate.of(2026, 10, 1)));
    }

    @Test
    void anUnknownFormatOrRowTypeIsRefusedWithAMessage() {
        assertThatThrownBy(() -> SegmentCodec.decode(new byte[]{9, 1}, r -> { }))
                .hasMessageContaining("format 9 inconnu");
        assertThatThrownBy(() -> SegmentCodec.decode(new byte[]{1, 42}, r -> { }))
                .hasMessageContaining("ligne de type 42");
    }
}
