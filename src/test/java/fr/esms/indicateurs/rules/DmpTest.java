package fr.esms.indicateurs.rules;

import org.junit.jupiter.api.Test;

import static fr.esms.indicateurs.rules.Attainment.NON;
import static fr.esms.indicateurs.rules.Attainment.OUI;
import static fr.esms.indicateurs.rules.EssmsActivity.DmpStatus.DEPOSE;
import static fr.esms.indicateurs.rules.EssmsActivity.DmpStatus.ERREUR;
import static fr.esms.indicateurs.rules.EssmsActivity.DmpStatus.REMPLACE;
import static fr.esms.indicateurs.rules.EssmsActivity.DmpStatus.SUPPRIME;
import static fr.esms.indicateurs.rules.Indicator.DMP;
import static fr.esms.indicateurs.rules.Scenario.scenario;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * indicateurs.md, DMP: distinct accompanied persons with at least one document {@code DEPOSE} or
 * {@code REMPLACE} dated inside the window, over persons accompanied. Window 2026-03 (one month).
 */
class DmpTest {

    @Test
    void countsPersonsWithADocumentDepositedOrReplacedInsideTheWindow() {
        EssmsMeasure m = scenario()
                .activePerson("P1", "D1").document("DOC1", "D1", "2026-03-05", DEPOSE)      // yes
                .activePerson("P2", "D2").document("DOC2", "D2", "2026-03-31", REMPLACE)    // yes, last day
                .activePerson("P3", "D3").document("DOC3", "D3", "2026-03-05", SUPPRIME)    // no
                .activePerson("P4", "D4").document("DOC4", "D4", "2026-03-05", ERREUR)      // no
                .activePerson("P5", "D5").document("DOC5a", "D5", "2026-03-01", DEPOSE)
                .document("DOC5b", "D5", "2026-03-02", DEPOSE)                               // yes, once
                .activePerson("P6", "D6").document("DOC6a", "D6", "2026-02-28", DEPOSE)     // no: day before
                .document("DOC6b", "D6", "2026-04-01", DEPOSE)                               // no: day after
                .stay("P7", "2025-01-01", "2026-02-15").record("D7", "P7", "2026-03")
                .document("DOC7", "D7", "2026-03-05", DEPOSE)                                // no: not accompanied
                .accompanied("P8").record("D8", "P8", "2025-11")
                .document("DOC8", "D8", "2026-03-10", DEPOSE)                                // yes: no active
                .measure();                                                                  // record needed

        // accompanied P1..P6, P8 = 7; persons fed: P1 P2 P5 P8 = 4 -> 4/7 = 57.14 -> 57.1
        // manque: (4 + k) x 100 >= 70 x 7 = 490 -> k = 1
        assertThat(Row.of(m, DMP)).isEqualTo(Row.rated(DMP, 4, 7, 0, 7, "57.1", 70, NON, 1));
    }

    @Test
    void personWithDocumentsOnTwoRecordsIsCountedOnce() {
        EssmsMeasure m = scenario()
                .accompanied("P1").record("D1a", "P1", "2026-03").record("D1b", "P1", "2026-03")
                .document("DOCa", "D1a", "2026-03-05", DEPOSE).document("DOCb", "D1b", "2026-03-06", REMPLACE)
                .measure();

        assertThat(Row.of(m, DMP)).isEqualTo(Row.rated(DMP, 1, 1, 0, 1, "100.0", 70, OUI, 0));
    }

    @Test
    void documentOfAnUnknownRecordIsNotCountedAndIsReported() {
        EssmsMeasure m = scenario()
                .activePerson("P1", "D1")
                .document("DOC1", "D999", "2026-03-05", DEPOSE)
                .measure();

        // 0/1; manque: k x 100 >= 70 -> 1
        assertThat(Row.of(m, DMP)).isEqualTo(Row.rated(DMP, 0, 1, 0, 1, "0.0", 70, NON, 1));
        assertThat(m.warnings()).singleElement().asString().startsWith("1 document(s) DMP");
    }

    @Test
    void documentOfAPersonOutsideTheFileActiveIsNotCounted() {
        EssmsMeasure m = scenario()
                .accompanied("P1").accompanied("P2")
                .stay("OUT", "2025-01-01", "2026-02-28").record("DOUT", "OUT", "2026-03")
                .document("DOC1", "DOUT", "2026-03-05", DEPOSE)
                .measure();

        // the document's person is not accompanied: 0/2, and no inconsistent DMP
        assertThat(Row.of(m, DMP)).isEqualTo(Row.rated(DMP, 0, 2, 0, 2, "0.0", 70, NON, 2));
        assertThat(m.warnings()).isEmpty();
    }
}
