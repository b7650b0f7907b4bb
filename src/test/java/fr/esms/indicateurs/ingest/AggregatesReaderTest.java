package fr.esms.indicateurs.ingest;

import fr.esms.indicateurs.ingest.PivotRow.AggregateRow;
import fr.esms.indicateurs.rules.AggregateCounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;

import static fr.esms.indicateurs.ingest.TestPackages.ET1;
import static fr.esms.indicateurs.ingest.TestPackages.ET2;
import static fr.esms.indicateurs.ingest.TestPackages.ET_UNKNOWN;
import static fr.esms.indicateurs.ingest.TestPackages.files;
import static fr.esms.indicateurs.ingest.TestPackages.folder;
import static fr.esms.indicateurs.ingest.TestPackages.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** {@code agregats.csv}: columns, counts, whole-month periods and the consistency rules between counts. */
class AggregatesReaderTest {

    private static final String HEADER = "finess;periode_debut;periode_fin;personnes_accompagnees;dossiers_actifs;"
            + "dossiers_actifs_pp;dossiers_actifs_agenda;messages_mss;dmp_alimentes;exclusions_mss;exclusions_dmp\n";
    private static final String WHOLE_MONTHS = " : une ligne d'agrégats doit couvrir des mois civils entiers (du"
            + " premier jour d'un mois au dernier jour d'un mois, 1 à 12 mois), sinon elle ne peut servir aucune"
            + " fenêtre";

    @TempDir
    Path depot;

    @Test
    void aConsistentRowBecomesAnAggregateRowWithItsCounts() throws Exception {
        RecordingVisitor v = read(folder(depot, "p", files("agregats.csv", HEADER
                + ET1 + ";2025-03-01;2025-03-31;100;90;85;80;120;60;0;5\n"
                + ET2 + ";2025-01-01;2025-03-31T00:00;0;0;0;0;0;0;0;0\n")));

        assertThat(v.rejections).isEmpty();
        assertThat(v.warnings).isEmpty();
        assertThat(v.rowsOf(PivotFile.AGREGATS)).containsExactly(
                new AggregateRow(ET1, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31),
                        new AggregateCounts(100, 90, 85, 80, 120, 60, 0, 5), 2),
                new AggregateRow(ET2, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31),
                        new AggregateCounts(0, 0, 0, 0, 0, 0, 0, 0), 3));
        assertThat(v.summaryOf("agregats.csv")).isEqualTo(new FileSummary("agregats.csv", 2, 2, 0, null));
    }

    @Test
    void eachConsistencyRuleRejectsTheRowStatingTheRuleWithTheValuesAndGoodRowsAreKept() throws Exception {
        String rows = HEADER
                + ET1 + ";2025-03-01;2025-03-31;100;90;85;80;120;60;0;5\n"        // 2 kept
                + ET1 + ";2025-03-01;2025-02-28;100;90;85;80;120;60;0;5\n"        // 3 end before start
                + ET1 + ";2025-03-02;2025-03-31;100;90;85;80;120;60;0;5\n"        // 4 start not 1st day
                + ET1 + ";2025-03-01;2025-03-30;100;90;85;80;120;60;0;5\n"        // 5 end not last day
                + ET1 + ";2024-01-01;2025-01-31;100;90;85;80;120;60;0;5\n"        // 6 13 months
                + ET1 + ";2025-03-01;2025-03-31;100;101;85;80;120;60;0;5\n"       // 7 actifs > personnes
                + ET1 + ";2025-03-01;2025-03-31;100;10;12;8;120;60;0;5\n"         // 8 pp > actifs
                + ET1 + ";2025-03-01;2025-03-31;100;10;8;11;120;60;0;5\n"         // 9 agenda > actifs
                + ET1 + ";2025-03-01;2025-03-31;100;90;85;80;120;101;0;5\n"       // 10 dmp > personnes
                + ET1 + ";2025-03-01;2025-03-31;100;90;85;80;120;60;101;5\n"      // 11 excl. mss > personnes
                + ET1 + ";2025-03-01;2025-03-31;100;90;85;80;120;60;0;101\n"      // 12 excl. dmp > personnes
                + ET2 + ";2024-01-01;2024-12-31;100;100;100;100;500;100;100;100\n"; // 13 kept: 12 months, at the limits

        RecordingVisitor v = read(folder(depot, "p", files("agregats.csv", rows)));

        assertThat(v.rejectionsOf("agregats.csv"))
                .extracting(Rejection::packageName, Rejection::file, Rejection::line, Rejection::column,
                        Rejection::value, Rejection::reason)
                .containsExactly(
                        tuple("p", "agregats.csv", 3L, "periode_fin", "2025-02-28",
                                "incohérent : periode_fin (2025-02-28) antérieure à periode_debut (2025-03-01)"),
                        tuple("p", "agregats.csv", 4L, "periode_debut", "2025-03-02",
                                "periode_debut (2025-03-02) n'est pas le premier jour d'un mois" + WHOLE_MONTHS),
                        tuple("p", "agregats.csv", 5L, "periode_fin", "2025-03-30",
                                "periode_fin (2025-03-30) n'est pas le dernier jour d'un mois" + WHOLE_MONTHS),
                        tuple("p", "agregats.csv", 6L, "periode_fin", "2025-01-31",
                                "période de 13 mois (du 2024-01-01 au 2025-01-31)" + WHOLE_MONTHS),
                        tuple("p", "agregats.csv", 7L, "dossiers_actifs", "101",
                                "incohérent : dossiers_actifs (101) > personnes_accompagnees (100)"
                                        + " (règle : dossiers_actifs <= personnes_accompagnees)"),
                        tuple("p", "agregats.csv", 8L, "dossiers_actifs_pp", "12",
                                "incohérent : dossiers_actifs_pp (12) > dossiers_actifs (10)"
                                        + " (règle : dossiers_actifs_pp <= dossiers_actifs)"),
                        tuple("p", "agregats.csv", 9L, "dossiers_actifs_agenda", "11",
                                "incohérent : dossiers_actifs_agenda (11) > dossiers_actifs (10)"
                                        + " (règle : dossiers_actifs_agenda <= dossiers_actifs)"),
                        tuple("p", "agregats.csv", 10L, "dmp_alimentes", "101",
                                "incohérent : dmp_alimentes (101) > personnes_accompagnees (100)"
                                        + " (règle : dmp_alimentes <= personnes_accompagnees)"),
                        tuple("p", "agregats.csv", 11L, "exclusions_mss", "101",
                                "incohérent : exclusions_mss (101) > personnes_accompagnees (100)"
                                        + " (règle : exclusions_mss <= personnes_accompagnees)"),
                        tuple("p", "agregats.csv", 12L, "exclusions_dmp", "101",
                                "incohérent : exclusions_dmp (101) > personnes_accompagnees (100)"
                                        + " (règle : exclusions_dmp <= personnes_accompagnees)"));
        assertThat(v.rowsOf(PivotFile.AGREGATS)).extracting(PivotRow::line).containsExactly(2L, 13L);
        assertThat(v.summaryOf("agregats.csv")).isEqualTo(new FileSummary("agregats.csv", 12, 2, 10, null));
    }

    @Test
    void countsMustBeNonNegativeIntegersAndTheMessageNamesTheColumn() throws Exception {
        String rows = HEADER
                + ET1 + ";2025-03-01;2025-03-31;-1;0;0;0;0;0;0;0\n"
                + ET1 + ";2025-03-01;2025-03-31;10;2.5;0;0;0;0;0;0\n"
                + ET1 + ";2025-03-01;2025-03-31;10;2;deux;0;0;0;0;0\n"
                + ET1 + ";2025-03-01;2025-03-31;10;2;1;;0;0;0;0\n"
                + ET1 + ";2025-03-01;2025-03-31;10;2;1;1;1 000;0;0;0\n"
                + ET1 + ";2025-03-01;2025-03-31;10;2;1;1;3;4;0;0\n"
                + ET_UNKNOWN + ";2025-03-01;2025-03-31;10;2;1;1;3;4;0;0\n"
                + ET1 + ";2025-03;2025-03-31;10;2;1;1;3;4;0;0\n";

        RecordingVisitor v = read(folder(depot, "p", files("agregats.csv", rows)));

        assertThat(v.rejectionsOf("agregats.csv"))
                .extracting(Rejection::line, Rejection::column, Rejection::value, Rejection::reason)
                .containsExactly(
                        tuple(2L, "personnes_accompagnees", "-1",
                                "nombre entier positif ou nul attendu dans la colonne personnes_accompagnees"),
                        tuple(3L, "dossiers_actifs", "2.5",
                                "nombre entier positif ou nul attendu dans la colonne dossiers_actifs"),
                        tuple(4L, "dossiers_actifs_pp", "deux",
                                "nombre entier positif ou nul attendu dans la colonne dossiers_actifs_pp"),
                        tuple(5L, "dossiers_actifs_agenda", "", "valeur obligatoire manquante"),
                        tuple(6L, "messages_mss", "1 000",
                                "nombre entier positif ou nul attendu dans la colonne messages_mss"),
                        tuple(8L, "finess", ET_UNKNOWN, "ESSMS absent du référentiel (essms.csv) : ligne rejetée"),
                        tuple(9L, "periode_debut", "2025-03",
                                "date mal formée (attendu AAAA-MM-JJ ou AAAA-MM-JJTHH:MM[:SS])"));
        assertThat(v.rowsOf(PivotFile.AGREGATS)).extracting(PivotRow::line).containsExactly(7L);
    }

    @Test
    void everyColumnIsRequired() throws Exception {
        RecordingVisitor v = read(folder(depot, "p", files("agregats.csv",
                "finess;periode_debut;periode_fin;personnes_accompagnees;dossiers_actifs;dossiers_actifs_pp;"
                        + "dossiers_actifs_agenda;messages_mss;dmp_alimentes;exclusions_mss\n"
                        + ET1 + ";2025-03-01;2025-03-31;100;90;85;80;120;60;0\n")));

        assertThat(v.rejectionsOf("agregats.csv"))
                .extracting(Rejection::line, Rejection::column, Rejection::reason)
                .containsExactly(tuple(0L, "exclusions_dmp",
                        "colonne obligatoire « exclusions_dmp » absente : fichier rejeté en entier"));
        assertThat(v.rowsOf(PivotFile.AGREGATS)).isEmpty();
        assertThat(v.warnings).isEmpty();
    }
}
