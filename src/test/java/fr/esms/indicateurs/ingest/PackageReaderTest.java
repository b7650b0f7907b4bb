package fr.esms.indicateurs.ingest;

import fr.esms.indicateurs.ingest.PivotRow.CounterRow;
import fr.esms.indicateurs.ingest.PivotRow.DocumentRow;
import fr.esms.indicateurs.ingest.PivotRow.EventRow;
import fr.esms.indicateurs.ingest.PivotRow.MessageRow;
import fr.esms.indicateurs.ingest.PivotRow.ModificationRow;
import fr.esms.indicateurs.ingest.PivotRow.ProjectRow;
import fr.esms.indicateurs.ingest.PivotRow.RecordRow;
import fr.esms.indicateurs.ingest.PivotRow.StayRow;
import fr.esms.indicateurs.rules.EssmsActivity.DmpStatus;
import fr.esms.indicateurs.rules.EssmsActivity.EventStatus;
import fr.esms.indicateurs.rules.EssmsActivity.ProjectStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static fr.esms.indicateurs.ingest.TestPackages.ET1;
import static fr.esms.indicateurs.ingest.TestPackages.ET2;
import static fr.esms.indicateurs.ingest.TestPackages.ET_CORSE;
import static fr.esms.indicateurs.ingest.TestPackages.ET_UNKNOWN;
import static fr.esms.indicateurs.ingest.TestPackages.files;
import static fr.esms.indicateurs.ingest.TestPackages.folder;
import static fr.esms.indicateurs.ingest.TestPackages.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class PackageReaderTest {

    @TempDir
    Path depot;

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    // ------------------------------------------------------------------ a complete, valid package

    @Test
    void readsAValidPackageFileByFileInPivotOrder() throws Exception {
        Path pkg = folder(depot, "2025-03-editeur", files(
                "eparcours.csv", "finess;echange_id;date_echange\n" + ET1 + ";E1;2025-03-04\n",
                "usagers.csv", "finess;usager_id;date_entree;date_sortie;motifs_exclusion\n"
                        + ET1 + ";U1;2024-01-15;;\n"
                        + ET1 + ";U2;2024-02-01;2025-03-10; ANONYMAT || AUTRE |\n",
                "dossiers.csv", "finess;dossier_id;usager_id;date_creation;date_derniere_modification\n"
                        + ET1 + ";D1;U1;2024-01-15;2025-03-20\n",
                "modifications.csv", "finess;dossier_id;date_modification\n" + ET1 + ";D1;2025-03-20T14:05\n",
                "projets_personnalises.csv", "finess;dossier_id;pp_id;statut;date_debut;date_fin\n"
                        + ET1 + ";D1;P1;EN_PREPARATION;;\n"
                        + ET1 + ";D1;P2;ACTIF;2025-01-01;2025-12-31\n",
                "agenda.csv", "finess;dossier_id;evenement_id;date_evenement;statut;type\n"
                        + ET1 + ";D1;A1;2025-03-05;;rendez-vous\n"
                        + ET1 + ";D1;A2;2025-03-06;REALISE;\n",
                "mss.csv", "finess;message_id;date_envoi;dossier_id;type_destinataire\n"
                        + ET1 + ";M1;2025-03-07;D1;USAGER\n"
                        + ET1 + ";M2;2025-03-08;;\n",
                "dmp.csv", "finess;dossier_id;document_id;date_depot;statut;type_document\n"
                        + ET1 + ";D1;DOC1;2025-03-09;;11488-4\n"
                        + ET1 + ";D1;DOC2;2025-03-09;REMPLACE;\n",
                "eprescription.csv", "finess;prescription_id;date_import\n" + ET2 + ";RX1;2025-03-03T08:00:59\n"));

        RecordingVisitor v = read(pkg);

        assertThat(v.packageRejections).isEmpty();
        assertThat(v.rejections).isEmpty();
        assertThat(v.warnings).isEmpty();
        assertThat(v.manifests).containsExactly(new Manifest("Editeur SA", "DUI Plus", "4.2", "130000003",
                d("2025-04-02"), d("2025-03-01"), d("2025-03-31")));
        assertThat(v.events).first().isEqualTo("manifest");
        assertThat(v.summaries).extracting(FileSummary::file).containsExactly("usagers.csv", "dossiers.csv",
                "modifications.csv", "projets_personnalises.csv", "agenda.csv", "mss.csv", "dmp.csv",
                "eprescription.csv", "eparcours.csv");
        assertThat(v.events).containsSubsequence("manifest", "row usagers.csv", "row usagers.csv",
                "fileRead usagers.csv", "row dossiers.csv", "fileRead dossiers.csv", "row eparcours.csv",
                "fileRead eparcours.csv");

        assertThat(v.rowsOf(PivotFile.USAGERS)).containsExactly(
                new StayRow(ET1, "U1", d("2024-01-15"), null, List.of(), 2),
                new StayRow(ET1, "U2", d("2024-02-01"), d("2025-03-10"), List.of("ANONYMAT", "AUTRE"), 3));
        assertThat(v.rowsOf(PivotFile.DOSSIERS)).containsExactly(
                new RecordRow(ET1, "D1", "U1", d("2024-01-15"), d("2025-03-20"), 2));
        assertThat(v.rowsOf(PivotFile.MODIFICATIONS)).containsExactly(
                new ModificationRow(ET1, "D1", d("2025-03-20"), 2));
        assertThat(v.rowsOf(PivotFile.PROJETS_PERSONNALISES)).containsExactly(
                new ProjectRow(ET1, "D1", "P1", ProjectStatus.EN_PREPARATION, null, null, 2),
                new ProjectRow(ET1, "D1", "P2", ProjectStatus.ACTIF, d("2025-01-01"), d("2025-12-31"), 3));
        assertThat(v.rowsOf(PivotFile.AGENDA)).containsExactly(
                new EventRow(ET1, "D1", "A1", d("2025-03-05"), EventStatus.PREVU, "rendez-vous", 2),
                new EventRow(ET1, "D1", "A2", d("2025-03-06"), EventStatus.REALISE, null, 3));
        assertThat(v.rowsOf(PivotFile.MSS)).containsExactly(
                new MessageRow(ET1, "M1", d("2025-03-07"), "D1", "USAGER", 2),
                new MessageRow(ET1, "M2", d("2025-03-08"), null, null, 3));
        assertThat(v.rowsOf(PivotFile.DMP)).containsExactly(
                new DocumentRow(ET1, "D1", "DOC1", d("2025-03-09"), DmpStatus.DEPOSE, "11488-4", 2),
                new DocumentRow(ET1, "D1", "DOC2", d("2025-03-09"), DmpStatus.REMPLACE, null, 3));
        assertThat(v.rowsOf(PivotFile.EPRESCRIPTION)).containsExactly(
                new CounterRow(ET2, "RX1", d("2025-03-03"), 2));
        assertThat(v.rowsOf(PivotFile.EPARCOURS)).containsExactly(
                new CounterRow(ET1, "E1", d("2025-03-04"), 2));
        assertThat(v.summaryOf("usagers.csv")).isEqualTo(new FileSummary("usagers.csv", 2, 2, 0, null));
    }

    @Test
    void aPackageWithOnlyTheManifestIsReadWithNoFile() throws Exception {
        RecordingVisitor v = read(folder(depot, "p", files()));

        assertThat(v.events).containsExactly("manifest");
    }

    // ------------------------------------------------------------------ manifest

    @Test
    void aPackageWithoutManifestIsRejectedWhole() throws Exception {
        Map<String, String> files = files("usagers.csv", "finess;usager_id;date_entree\n" + ET1 + ";U1;2025-01-01\n");
        files.remove("export.csv");

        RecordingVisitor v = read(folder(depot, "sans-manifeste", files));

        assertThat(v.events).containsExactly("packageRejected");
        assertThat(v.packageRejections).singleElement().satisfies(r -> {
            assertThat(r.packageName()).isEqualTo("sans-manifeste");
            assertThat(r.file()).isEqualTo("export.csv");
            assertThat(r.reason()).isEqualTo("paquet sans export.csv : rejeté en entier");
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing column   | editeur;logiciel;finess_ej;date_extraction;periode_debut\\nE;L;130000003;2025-04-02;2025-03-01\\n                               | 0 | periode_fin     | colonne obligatoire absente
            no data row      | editeur;logiciel;finess_ej;date_extraction;periode_debut;periode_fin\\n                                                               | 0 |                 | aucune ligne de données (exactement une attendue)
            two data rows    | editeur;logiciel;finess_ej;date_extraction;periode_debut;periode_fin\\nE;L;130000003;2025-04-02;2025-03-01;2025-03-31\\nE;L;130000003;2025-04-02;2025-03-01;2025-03-31\\n | 0 | | 2 lignes de données (exactement une attendue)
            empty editeur    | editeur;logiciel;finess_ej;date_extraction;periode_debut;periode_fin\\n ;L;130000003;2025-04-02;2025-03-01;2025-03-31\\n        | 2 | editeur         | valeur obligatoire manquante
            bad finess_ej    | editeur;logiciel;finess_ej;date_extraction;periode_debut;periode_fin\\nE;L;130000004;2025-04-02;2025-03-01;2025-03-31\\n         | 2 | finess_ej       | numéro FINESS avec une clé de contrôle (Luhn) fausse
            impossible date  | editeur;logiciel;finess_ej;date_extraction;periode_debut;periode_fin\\nE;L;130000003;2026-02-30;2025-03-01;2025-03-31\\n         | 2 | date_extraction | date impossible
            bad date format  | editeur;logiciel;finess_ej;date_extraction;periode_debut;periode_fin\\nE;L;130000003;2025-04-02;01/03/2025;2025-03-31\\n         | 2 | periode_debut   | date mal formée
            period reversed  | editeur;logiciel;finess_ej;date_extraction;periode_debut;periode_fin\\nE;L;130000003;2025-04-02;2025-03-31;2025-03-01\\n         | 2 | periode_fin     | fin de période antérieure au début de période
            """)
    void anyManifestProblemRejectsThePackageNamingPackageFileAndColumn(String name, String manifest, long line,
                                                                      String column, String reason) throws Exception {
        Map<String, String> files = files("usagers.csv", "finess;usager_id;date_entree\n" + ET1 + ";U1;2025-01-01\n");
        files.put("export.csv", manifest.replace("\\n", "\n"));

        RecordingVisitor v = read(folder(depot, "paquet-1", files));

        assertThat(v.events).containsExactly("packageRejected");
        Rejection r = v.packageRejections.get(0);
        assertThat(r.packageName()).isEqualTo("paquet-1");
        assertThat(r.file()).isEqualTo("export.csv");
        assertThat(r.line()).isEqualTo(line);
        assertThat(r.column()).isEqualTo(column == null ? "" : column);
        assertThat(r.reason()).startsWith("paquet « paquet-1 », export.csv")
                .contains(reason).endsWith("paquet rejeté en entier");
        if (column != null) {
            assertThat(r.reason()).contains("colonne « " + column + " »");
        }
    }

    @ParameterizedTest(name = "{0} {1} at {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2030-01-01 | 2026-10-01 | 2026-12-03T09:00:00Z | date_extraction 2030-01-01 postérieure au jour de l'ingestion (2026-12-03) : un export daté dans le futur passerait devant toutes les corrections ; faire corriger le manifeste
            2026-12-04 | 2026-10-01 | 2026-12-03T09:00:00Z | date_extraction 2026-12-04 postérieure au jour de l'ingestion (2026-12-03)
            2026-12-05 | 2026-10-01 | 2026-12-03T22:30:00Z | date_extraction 2026-12-05 postérieure au jour de l'ingestion (2026-12-03)
            2026-09-30 | 2026-10-01 | 2026-12-03T09:00:00Z | date_extraction 2026-09-30 antérieure au début de la période exportée (periode_debut 2026-10-01) : un export ne peut pas avoir été extrait avant la période qu'il couvre ; faire corriger le manifeste
            """)
    void anExtractionDateInTheFutureOrBeforeThePeriodRejectsThePackageWhole(String extraction, String start,
                                                                          String now, String reason) throws Exception {
        Map<String, String> files = files("usagers.csv", "finess;usager_id;date_entree\n" + ET1 + ";U1;2025-01-01\n");
        files.put("export.csv", "editeur;logiciel;finess_ej;date_extraction;periode_debut;periode_fin\n"
                + "E;L;130000003;" + extraction + ";" + start + ";2026-10-31\n");

        RecordingVisitor v = readOn(folder(depot, "p", files), now);

        assertThat(v.events).containsExactly("packageRejected");
        Rejection r = v.packageRejections.get(0);
        assertThat(r).extracting(Rejection::file, Rejection::line, Rejection::column, Rejection::value)
                .containsExactly("export.csv", 2L, "date_extraction", extraction);
        assertThat(r.reason()).startsWith("paquet « p », export.csv, ligne 2, colonne « date_extraction » : " + reason)
                .endsWith("faire corriger le manifeste : paquet rejeté en entier");
    }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({
            "2026-12-03, 2026-12-03T09:00:00Z",
            "2026-10-01, 2026-12-03T09:00:00Z",
            // 21:30 UTC is 22:30 in Paris but already December 4 in La Réunion, where the editor dated its export
            "2026-12-04, 2026-12-03T21:30:00Z"})
    void anExtractionDateOfTheDayOrOfThePeriodsFirstDayIsAccepted(String extraction, String now) throws Exception {
        Map<String, String> files = files();
        files.put("export.csv", "editeur;logiciel;finess_ej;date_extraction;periode_debut;periode_fin\n"
                + "E;L;130000003;" + extraction + ";2026-10-01;2026-10-31\n");

        RecordingVisitor v = readOn(folder(depot, "p", files), now);

        assertThat(v.packageRejections).isEmpty();
        assertThat(v.manifests).extracting(Manifest::extractionDate).containsExactly(d(extraction));
    }

    private static RecordingVisitor readOn(Path source, String instant) {
        RecordingVisitor visitor = new RecordingVisitor();
        new PackageReader(TestPackages.REFERENTIAL::contains, EditorProfiles.none(), null,
                java.time.Clock.fixed(java.time.Instant.parse(instant), java.time.ZoneId.of("Europe/Paris")))
                .read(TestPackages.pkg(source), visitor);
        return visitor;
    }

    @Test
    void manifestWarnsOfUnknownColumnsAndCorsicanFinessJuridique() throws Exception {
        Map<String, String> files = files();
        files.put("export.csv", " EDITEUR ;Logiciel;finess_ej;date_extraction;periode_debut;periode_fin;commentaire\n"
                + "E;L;2A0000012;2025-04-02T10:00;2025-01-01;2025-03-31;premier envoi\n");

        RecordingVisitor v = read(folder(depot, "p", files));

        assertThat(v.manifests).containsExactly(new Manifest("E", "L", null, "2A0000012", d("2025-04-02"),
                d("2025-01-01"), d("2025-03-31")));
        assertThat(v.warnings).extracting(RecordingVisitor.Warning::file, RecordingVisitor.Warning::message)
                .containsExactly(
                        tuple("export.csv", "colonnes inconnues ignorées : commentaire"),
                        tuple("export.csv", "FINESS juridique 2A0000012 : numéro FINESS corse : clé de contrôle non vérifiée"));
    }

    // ------------------------------------------------------------------ row rejections

    @Test
    void eachRowProblemIsRejectedWithItsFrenchReasonLineAndColumnAndGoodRowsAreKept() throws Exception {
        String usagers = """
                finess;usager_id;date_entree;date_sortie;motifs_exclusion
                %1$s;U1;2025-01-01;;
                ;U2;2025-01-01;;
                99000001;U3;2025-01-01;;
                010000017;U4;2025-01-01;;
                %2$s;U5;2025-01-01;;
                %1$s;;2025-01-01;;
                %1$s;U7;2026-02-30;;
                %1$s;U8;01/02/2025;;
                %1$s;U9;2025-03-10;2025-03-09;
                %1$s;U10;2025-03-10;2025-03-10;
                %1$s;U11;2025-01-01T25:00;;
                """.formatted(ET1, ET_UNKNOWN);

        RecordingVisitor v = read(folder(depot, "p", files("usagers.csv", usagers)));

        assertThat(v.rejectionsOf("usagers.csv"))
                .extracting(Rejection::packageName, Rejection::line, Rejection::column, Rejection::value,
                        Rejection::reason)
                .containsExactly(
                        tuple("p", 3L, "finess", "", "valeur obligatoire manquante"),
                        tuple("p", 4L, "finess", "99000001",
                                "numéro FINESS mal formé (attendu : département 01–95, 2A, 2B, 97 ou 98 puis 7 chiffres)"),
                        tuple("p", 5L, "finess", "010000017", "numéro FINESS avec une clé de contrôle (Luhn) fausse"),
                        tuple("p", 6L, "finess", ET_UNKNOWN, "ESSMS absent du référentiel (essms.csv) : ligne rejetée"),
                        tuple("p", 7L, "usager_id", "", "valeur obligatoire manquante"),
                        tuple("p", 8L, "date_entree", "2026-02-30",
                                "date impossible (attendu AAAA-MM-JJ ou AAAA-MM-JJTHH:MM[:SS])"),
                        tuple("p", 9L, "date_entree", "01/02/2025",
                                "date mal formée (attendu AAAA-MM-JJ ou AAAA-MM-JJTHH:MM[:SS])"),
                        tuple("p", 10L, "date_sortie", "2025-03-09",
                                "date de sortie antérieure à la date d'entrée (2025-03-10)"),
                        tuple("p", 12L, "date_entree", "2025-01-01T25:00",
                                "heure impossible (attendu AAAA-MM-JJ ou AAAA-MM-JJTHH:MM[:SS])"));
        assertThat(v.rejectionsOf("usagers.csv")).allSatisfy(r -> assertThat(r.file()).isEqualTo("usagers.csv"));
        assertThat(v.rowsOf(PivotFile.USAGERS)).extracting(PivotRow::line).containsExactly(2L, 11L);
        assertThat(v.summaryOf("usagers.csv")).isEqualTo(new FileSummary("usagers.csv", 11, 2, 9, null));
    }

    @Test
    void aRowIsRejectedOnItsFirstProblemInColumnOrder() throws Exception {
        RecordingVisitor v = read(folder(depot, "p", files("dossiers.csv",
                "date_derniere_modification;date_creation;usager_id;dossier_id;finess\n"
                        + "2025-13-01;bad;;;" + ET_UNKNOWN + "\n"
                        + "2025-13-01;bad;;D1;" + ET1 + "\n")));

        assertThat(v.rejections).extracting(Rejection::line, Rejection::column)
                .containsExactly(tuple(2L, "finess"), tuple(3L, "usager_id"));
    }

    @Test
    void identifiersThatLookLikeANirAreRefusedAndNeverCopiedIntoTheReport() throws Exception {
        RecordingVisitor v = read(folder(depot, "p", files(
                "usagers.csv", "finess;usager_id;date_entree\n"
                        + ET1 + ";1850175123456;2025-01-01\n"
                        + ET1 + ";285017512345678;2025-01-01\n"
                        + ET1 + ";385017512345678;2025-01-01\n"
                        + ET1 + ";12345;2025-01-01\n",
                "mss.csv", "finess;message_id;date_envoi;dossier_id\n"
                        + ET1 + ";M1;2025-03-01;7850175123456\n"
                        + ET1 + ";M2;1850175123456;\n")));

        assertThat(v.rejections)
                .extracting(Rejection::file, Rejection::line, Rejection::column, Rejection::value)
                .containsExactly(
                        tuple("usagers.csv", 2L, "usager_id", "(masqué)"),
                        tuple("usagers.csv", 3L, "usager_id", "(masqué)"),
                        tuple("mss.csv", 2L, "dossier_id", "(masqué)"),
                        tuple("mss.csv", 3L, "date_envoi", "(masqué)"));
        assertThat(v.rejections.subList(0, 3)).allSatisfy(r -> assertThat(r.reason()).isEqualTo(
                "identifiant ressemblant à un NIR ou un INS (13 ou 15 chiffres commençant par 1, 2, 7 ou 8, même"
                        + " séparés par des espaces, des points ou des tirets) : refusé, les identifiants doivent être"
                        + " pseudonymes"));
        assertThat(v.rejections.toString()).doesNotContain("1850175123456", "285017512345678", "7850175123456");
        // 15 digits starting with 3 and short numbers are not NIR-like
        assertThat(v.rowsOf(PivotFile.USAGERS)).extracting(r -> ((StayRow) r).personId())
                .containsExactly("385017512345678", "12345");
    }

    @Test
    void aNirGroupedWithSpacesDotsOrDashesIsRefusedInEveryIdentifierColumnAndNeverCopied() throws Exception {
        RecordingVisitor v = read(folder(depot, "p", files(
                "usagers.csv", "finess;usager_id;date_entree\n"
                        + ET1 + ";1 85 05 75 123 456 78;2025-01-01\n"
                        + ET1 + ";U1;2025-01-01\n",
                "dossiers.csv", "finess;dossier_id;usager_id;date_creation;date_derniere_modification\n"
                        + ET1 + ";1.85.05.75.123.456;U1;2025-01-01;2025-03-01\n"
                        + ET1 + ";D1;2-85-05-2A-123-456-78;2025-01-01;2025-03-01\n",
                "agenda.csv", "finess;dossier_id;evenement_id;date_evenement\n"
                        + ET1 + ";D1;1850575123456 78;2025-03-01\n",
                "mss.csv", "finess;message_id;date_envoi;dossier_id\n"
                        + ET1 + ";M1;2025-03-01;7 85 05 75 123 456\n"
                        + ET1 + "; 1 85 05 75 123 456 78 ;2025-03-01;\n")));

        assertThat(v.rejections)
                .extracting(Rejection::file, Rejection::line, Rejection::column, Rejection::value, Rejection::reason)
                .containsExactly(
                        tuple("usagers.csv", 2L, "usager_id", "(masqué)", Fields.NIR_REASON),
                        tuple("dossiers.csv", 2L, "dossier_id", "(masqué)", Fields.NIR_REASON),
                        tuple("dossiers.csv", 3L, "usager_id", "(masqué)", Fields.NIR_REASON),
                        tuple("agenda.csv", 2L, "evenement_id", "(masqué)", Fields.NIR_REASON),
                        tuple("mss.csv", 2L, "dossier_id", "(masqué)", Fields.NIR_REASON),
                        tuple("mss.csv", 3L, "message_id", "(masqué)", Fields.NIR_REASON));
        assertThat(v.toString() + v.rejections + v.rows + v.warnings)
                .doesNotContain("123 456", "123.456", "123-456", "1850575123456");
        assertThat(v.rowsOf(PivotFile.USAGERS)).extracting(r -> ((StayRow) r).personId()).containsExactly("U1");
    }

    @Test
    void aNirInAFreeTextColumnIsMaskedBeforeTheRowGoesAnywhereAndTheRowIsKept() throws Exception {
        RecordingVisitor v = read(folder(depot, "p", files(
                "usagers.csv", "finess;usager_id;date_entree;motifs_exclusion\n"
                        + ET1 + ";U1;2025-01-01;REFUS_USAGER|note 1 85 05 75 123 456 78\n",
                "agenda.csv", "finess;dossier_id;evenement_id;date_evenement;statut;type\n"
                        + ET1 + ";D1;E1;2025-03-01;REALISE;RDV de 1 85 05 75 123 456 78\n"
                        + ET1 + ";D1;E2;2025-03-02;REALISE;visite 2026-03-02\n",
                "dmp.csv", "finess;dossier_id;document_id;date_depot;statut;type_document\n"
                        + ET1 + ";D1;DOC1;2025-03-01;DEPOSE;CR-1850575123456\n"
                        + ET1 + ";D1;DOC2;2025-03-01;DEPOSE;285052A12345612 synthèse\n")));

        assertThat(v.rejections).isEmpty();
        assertThat(v.rowsOf(PivotFile.USAGERS)).extracting(r -> ((StayRow) r).exclusionCodes())
                .containsExactly(List.of("REFUS_USAGER", "note (masqué)"));
        assertThat(v.rowsOf(PivotFile.AGENDA)).extracting(r -> ((EventRow) r).type())
                .containsExactly("RDV de (masqué)", "visite 2026-03-02");
        assertThat(v.rowsOf(PivotFile.DMP)).extracting(r -> ((DocumentRow) r).documentType())
                .containsExactly("CR-(masqué)", "(masqué) synthèse");
    }

    @Test
    void aNirWrittenAsACountOrReadAsAHeaderIsNeverKeptNorCopied() throws Exception {
        String aggregates = String.join(";", PivotLayout.AGGREGATE_COLUMNS) + "\n"
                + ET1 + ";2025-03-01;2025-03-31;1850575123456;0;0;0;0;0;0;0\n"
                + ET1 + ";2025-03-01;2025-03-31;1 85 05 75 123 456;0;0;0;0;0;0;0\n";
        // A file without its header line: its first row, a NIR in it, is read as the header.
        String headerless = ET1 + ";1 85 05 75 123 456 78;2025-03-01\n";
        RecordingVisitor v = read(folder(depot, "p", files("agregats.csv", aggregates, "mss.csv", headerless)));

        assertThat(v.rejectionsOf("agregats.csv"))
                .extracting(Rejection::line, Rejection::column, Rejection::value, Rejection::reason)
                .containsExactly(
                        tuple(2L, "personnes_accompagnees", "(masqué)", Fields.NIR_COUNT_REASON),
                        tuple(3L, "personnes_accompagnees", "(masqué)",
                                "nombre entier positif ou nul attendu dans la colonne personnes_accompagnees"));
        assertThat(v.warnings).extracting(RecordingVisitor.Warning::message)
                .contains("colonnes inconnues ignorées : " + ET1 + ", (masqué), 2025-03-01");
        assertThat(v.rows).isEmpty();
        assertThat(v.rejections.toString() + v.warnings).doesNotContain("123 456", "1850575123456");
    }

    @Test
    void corsicanFinessIsAcceptedWithOneWarningPerFile() throws Exception {
        RecordingVisitor v = read(folder(depot, "p", files("usagers.csv", "finess;usager_id;date_entree\n"
                + ET_CORSE + ";U1;2025-01-01\n" + ET_CORSE + ";U2;2025-01-01\n" + "2B0000001;U3;2025-01-01\n")));

        assertThat(v.rowsOf(PivotFile.USAGERS)).hasSize(2);
        assertThat(v.warnings).singleElement().isEqualTo(new RecordingVisitor.Warning("usagers.csv", 2,
                "numéro FINESS corse 2A0000012 : clé de contrôle non vérifiée (lignes acceptées)"));
        // Corsican numbers still have to be in the referential.
        assertThat(v.rejections).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(4);
            assertThat(r.reason()).isEqualTo("ESSMS absent du référentiel (essms.csv) : ligne rejetée");
        });
    }

    @Test
    void unknownStatusesAreRejectedNamingTheAllowedValuesAndEmptyOnesTakeTheDefault() throws Exception {
        RecordingVisitor v = read(folder(depot, "p", files(
                "projets_personnalises.csv", "finess;dossier_id;pp_id;statut;date_debut;date_fin\n"
                        + ET1 + ";D1;P1;VALIDE;;\n"
                        + ET1 + ";D1;P2;;;\n"
                        + ET1 + ";D1;P3;actif;;\n"
                        + ET1 + ";D1;P4;CLOS;2025-03-01;2025-02-28\n",
                "agenda.csv", "finess;dossier_id;evenement_id;date_evenement;statut\n"
                        + ET1 + ";D1;A1;2025-03-01;FAIT\n"
                        + ET1 + ";D1;A2;2025-03-01; \n",
                "mss.csv", "finess;message_id;date_envoi;type_destinataire\n"
                        + ET1 + ";M1;2025-03-01;PATIENT\n",
                "dmp.csv", "finess;dossier_id;document_id;date_depot;statut\n"
                        + ET1 + ";D1;X1;2025-03-01;ENVOYE\n"
                        + ET1 + ";D1;X2;2025-03-01;\n")));

        assertThat(v.rejections).extracting(Rejection::file, Rejection::line, Rejection::column, Rejection::value,
                Rejection::reason).containsExactly(
                tuple("projets_personnalises.csv", 2L, "statut", "VALIDE",
                        "statut inconnu (valeurs admises : EN_PREPARATION, ACTIF, CLOS, ANNULE)"),
                tuple("projets_personnalises.csv", 3L, "statut", "", "valeur obligatoire manquante"),
                tuple("projets_personnalises.csv", 4L, "statut", "actif",
                        "statut inconnu (valeurs admises : EN_PREPARATION, ACTIF, CLOS, ANNULE)"),
                tuple("projets_personnalises.csv", 5L, "date_fin", "2025-02-28",
                        "date de fin antérieure à la date de début (2025-03-01)"),
                tuple("agenda.csv", 2L, "statut", "FAIT", "statut inconnu (valeurs admises : PREVU, REALISE, ANNULE)"),
                tuple("mss.csv", 2L, "type_destinataire", "PATIENT",
                        "type de destinataire inconnu (valeurs admises : PROFESSIONNEL, USAGER)"),
                tuple("dmp.csv", 2L, "statut", "ENVOYE",
                        "statut inconnu (valeurs admises : DEPOSE, REMPLACE, SUPPRIME, ERREUR)"));
        assertThat(v.rowsOf(PivotFile.AGENDA)).singleElement()
                .satisfies(r -> assertThat(((EventRow) r).status()).isEqualTo(EventStatus.PREVU));
        assertThat(v.rowsOf(PivotFile.DMP)).singleElement()
                .satisfies(r -> assertThat(((DocumentRow) r).status()).isEqualTo(DmpStatus.DEPOSE));
    }

    @Test
    void aRowWithMoreOrFewerFieldsThanTheHeaderIsRejectedButEmptyTrailingFieldsAreTolerated() throws Exception {
        RecordingVisitor v = read(folder(depot, "p", files("eparcours.csv", "finess;echange_id;date_echange\n"
                + ET1 + ";E1;2025-03-01;;\n"
                + ET1 + ";E2;2025-03-01;x\n"
                + ET1 + ";E3\n")));

        assertThat(v.rowsOf(PivotFile.EPARCOURS)).extracting(PivotRow::line).containsExactly(2L);
        assertThat(v.rejections).extracting(Rejection::line, Rejection::column, Rejection::reason).containsExactly(
                tuple(3L, "", "la ligne compte 4 champs alors que l'en-tête en compte 3"),
                tuple(4L, "", "la ligne compte 2 champs alors que l'en-tête en compte 3"));
    }

    // ------------------------------------------------------------------ CSV rules

    @Test
    void headersAreMatchedCaseInsensitivelyInAnyOrderAndExtraColumnsAreIgnoredWithAWarning() throws Exception {
        RecordingVisitor v = read(folder(depot, "p", files("dossiers.csv",
                " Date_Creation ;DOSSIER_ID;Commentaire;finess;Usager_Id;date_derniere_modification;\n"
                        + "2024-01-15;D1;libre;" + ET1 + ";U1;2025-03-20;\n")));

        assertThat(v.rowsOf(PivotFile.DOSSIERS)).containsExactly(
                new RecordRow(ET1, "D1", "U1", d("2024-01-15"), d("2025-03-20"), 2));
        assertThat(v.warnings).containsExactly(new RecordingVisitor.Warning("dossiers.csv", 1,
                "colonnes inconnues ignorées : Commentaire, (sans nom, colonne 7)"));
    }

    @Test
    void aLeadingBomIsTolerated() throws Exception {
        RecordingVisitor v = read(folder(depot, "p", files("usagers.csv",
                "\uFEFFfiness;usager_id;date_entree\n" + ET1 + ";U1;2025-01-01\n")));

        assertThat(v.rejections).isEmpty();
        assertThat(v.warnings).isEmpty();
        assertThat(v.rowsOf(PivotFile.USAGERS)).hasSize(1);
    }

    @Test
    void aFileThatIsNotUtf8IsRejectedWholeAndTheOtherFilesAreStillRead() throws Exception {
        ByteArrayOutputStream latin1 = new ByteArrayOutputStream();
        latin1.writeBytes(TestPackages.utf8("finess;dossier_id;evenement_id;date_evenement;type\n"
                + ET1 + ";D1;A1;2025-03-01;ok\n"));
        latin1.writeBytes(TestPackages.utf8(ET1 + ";D1;A2;2025-03-01;activit"));
        latin1.write(0xE9); // 'é' in ISO-8859-1
        latin1.writeBytes(TestPackages.utf8("\n"));
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("export.csv", TestPackages.utf8(TestPackages.MANIFEST));
        files.put("agenda.csv", latin1.toByteArray());
        files.put("mss.csv", TestPackages.utf8("finess;message_id;date_envoi\n" + ET1 + ";M1;2025-03-01\n"));

        RecordingVisitor v = read(TestPackages.folderOfBytes(depot, "p", files));

        assertThat(v.rowsOf(PivotFile.AGENDA)).isEmpty();
        assertThat(v.rejectionsOf("agenda.csv")).singleElement().isEqualTo(new Rejection("p", "agenda.csv", 0, "",
                "", "fichier non décodable en UTF-8 (octets invalides ligne 3) : fichier rejeté en entier"));
        assertThat(v.summaryOf("agenda.csv")).isEqualTo(new FileSummary("agenda.csv", 0, 0, 0,
                "fichier non décodable en UTF-8 (octets invalides ligne 3) : fichier rejeté en entier"));
        assertThat(v.rowsOf(PivotFile.MSS)).hasSize(1);
        assertThat(v.summaryOf("mss.csv")).isEqualTo(new FileSummary("mss.csv", 1, 1, 0, null));
    }

    @Test
    void aMissingRequiredColumnRejectsTheWholeFileNamingItAndTheOtherFilesAreStillRead() throws Exception {
        RecordingVisitor v = read(folder(depot, "p", files(
                "usagers.csv", "finess;date_entree;motif\n" + ET1 + ";2025-01-01;x\n",
                "dossiers.csv", "finess;dossier_id\n" + ET1 + ";D1\n",
                "mss.csv", "finess;message_id;date_envoi\n" + ET1 + ";M1;2025-03-01\n")));

        assertThat(v.rejectionsOf("usagers.csv")).containsExactly(new Rejection("p", "usagers.csv", 0, "usager_id",
                "", "colonne obligatoire « usager_id » absente : fichier rejeté en entier"));
        assertThat(v.summaryOf("usagers.csv")).isEqualTo(new FileSummary("usagers.csv", 0, 0, 0,
                "colonne obligatoire « usager_id » absente : fichier rejeté en entier"));
        assertThat(v.warnings).contains(new RecordingVisitor.Warning("usagers.csv", 1,
                "colonnes inconnues ignorées : motif"));
        assertThat(v.rejectionsOf("dossiers.csv")).extracting(Rejection::line, Rejection::column)
                .containsExactly(tuple(0L, "usager_id"), tuple(0L, "date_creation"),
                        tuple(0L, "date_derniere_modification"));
        assertThat(v.summaryOf("dossiers.csv").rejectedWhole()).isEqualTo("colonnes obligatoires absentes :"
                + " usager_id, date_creation, date_derniere_modification : fichier rejeté en entier");
        assertThat(v.rowsOf(PivotFile.USAGERS)).isEmpty();
        assertThat(v.rowsOf(PivotFile.DOSSIERS)).isEmpty();
        assertThat(v.rowsOf(PivotFile.MSS)).hasSize(1);
    }

    @Test
    void anEmptyFileOrADoubledColumnRejectsTheWholeFile() throws Exception {
        RecordingVisitor v = read(folder(depot, "p", files(
                "usagers.csv", "",
                "mss.csv", "finess;message_id;date_envoi;FINESS\n" + ET1 + ";M1;2025-03-01;" + ET1 + "\n")));

        assertThat(v.summaryOf("usagers.csv").rejectedWhole())
                .isEqualTo("fichier vide (ligne d'en-tête absente) : fichier rejeté en entier");
        assertThat(v.rejectionsOf("mss.csv")).singleElement().satisfies(r -> {
            assertThat(r.column()).isEqualTo("finess");
            assertThat(r.reason()).isEqualTo("colonne « finess » en double dans l'en-tête : fichier rejeté en entier");
        });
    }

    @Test
    void anUnclosedQuoteRejectsTheWholeFileBeforeAnyRow() throws Exception {
        RecordingVisitor v = read(folder(depot, "p", files("agenda.csv",
                "finess;dossier_id;evenement_id;date_evenement;type\n"
                        + ET1 + ";D1;A1;2025-03-01;ok\n"
                        + ET1 + ";D1;A2;2025-03-01;\"non fermé\n"
                        + ET1 + ";D1;A3;2025-03-01;ok\n")));

        assertThat(v.rowsOf(PivotFile.AGENDA)).isEmpty();
        assertThat(v.summaryOf("agenda.csv").rejectedWhole()).isEqualTo("fichier CSV mal formé (ligne 3 :"
                + " guillemet ouvert jamais refermé) : fichier rejeté en entier");
    }

    @Test
    void aHugeLineRejectsTheWholeFileInsteadOfBeingHeldInMemory() throws Exception {
        RecordingVisitor v = read(folder(depot, "p", files("agenda.csv",
                "finess;dossier_id;evenement_id;date_evenement;type\n"
                        + ET1 + ";D1;A1;2025-03-01;ok\n"
                        + ET1 + ";D1;A2;2025-03-01;\"" + "x".repeat((int) CsvTable.MAX_LINE_CHARS) + "\"\n")));

        assertThat(v.rowsOf(PivotFile.AGENDA)).isEmpty();
        assertThat(v.summaryOf("agenda.csv").rejectedWhole()).isEqualTo("fichier CSV mal formé (ligne 3 :"
                + " plus de 1048576 caractères) : fichier rejeté en entier");
    }

    @Test
    void lineNumbersArePhysicalLinesEvenAfterMultiLineQuotedFieldsAndBlankLines() throws Exception {
        String agenda = "finess;dossier_id;evenement_id;date_evenement;type\r\n"
                + ET1 + ";D1;A1;2025-03-01;\"atelier\r\ncuisine; « \"\"maison\"\" »\"\r\n"  // lines 2-3
                + ET1 + ";D1;A2;2025-02-30;x\r\n"                                            // line 4
                + "\r\n"                                                                     // line 5
                + ET1 + ";D1;A3;2025-03-01;\"a\nb\nc\"\r\n"                                   // lines 6-8
                + ";;;;\r\n"                                                                 // line 9
                + ET1 + ";D1;A4;bad;x";                                                      // line 10, no EOL

        RecordingVisitor v = read(folder(depot, "p", files("agenda.csv", agenda)));

        assertThat(v.rowsOf(PivotFile.AGENDA)).extracting(PivotRow::line, r -> ((EventRow) r).type())
                .containsExactly(tuple(2L, "atelier\r\ncuisine; « \"maison\" »"), tuple(6L, "a\nb\nc"));
        assertThat(v.rejections).extracting(Rejection::line, Rejection::column)
                .containsExactly(tuple(4L, "date_evenement"), tuple(10L, "date_evenement"));
        assertThat(v.warnings).containsExactly(new RecordingVisitor.Warning("agenda.csv", 5,
                "2 ligne(s) vide(s) ignorée(s), la première ligne 5"));
        assertThat(v.summaryOf("agenda.csv")).isEqualTo(new FileSummary("agenda.csv", 4, 2, 2, null));
    }

    @Test
    void readIsAlwaysKeptPlusRejected() throws Exception {
        RecordingVisitor v = read(folder(depot, "p", files(
                "mss.csv", "finess;message_id;date_envoi\n" + ET1 + ";M1;2025-03-01\n;M2;2025-03-01\n"
                        + ET1 + ";M3;x\n")));

        assertThat(v.summaries).allSatisfy(s -> assertThat(s.read()).isEqualTo(s.kept() + s.rejected()));
        assertThat(v.summaryOf("mss.csv")).isEqualTo(new FileSummary("mss.csv", 3, 1, 2, null));
    }

    // ------------------------------------------------------------------ other files of the package

    @Test
    void unknownFilesSubFoldersAndNestedZipsAreIgnoredWithWarnings() throws Exception {
        Map<String, String> files = files(
                "notes.txt", "bonjour",
                "archive.zip", "not opened",
                "sous/usagers.csv", "finess;usager_id;date_entree\n" + ET1 + ";U1;2025-01-01\n",
                ".DS_Store", "hidden");

        RecordingVisitor v = read(folder(depot, "p", files));

        assertThat(v.warnings).containsExactlyInAnyOrder(
                new RecordingVisitor.Warning("notes.txt", 0, "fichier inconnu du format pivot : ignoré"),
                new RecordingVisitor.Warning("archive.zip", 0, "archive imbriquée non ouverte : ignorée"),
                new RecordingVisitor.Warning("sous/usagers.csv", 0, "fichier hors du dossier du paquet (sa racine"
                        + " ou un seul sous-dossier), ou qui n'est pas un fichier ordinaire : ignoré"));
        assertThat(v.summaries).isEmpty();
        assertThat(v.events).first().isEqualTo("manifest");
    }

    @Test
    void fileNamesAreMatchedCaseInsensitively() throws Exception {
        Map<String, String> files = files("MSS.CSV", "finess;message_id;date_envoi\n" + ET1 + ";M1;2025-03-01\n");
        files.put("Export.csv", files.remove("export.csv"));

        RecordingVisitor v = read(folder(depot, "p", files));

        assertThat(v.manifests).hasSize(1);
        assertThat(v.summaryOf("mss.csv")).isEqualTo(new FileSummary("mss.csv", 1, 1, 0, null));
    }

    @Test
    void aMissingPackageIsAnOperationalErrorNotARejection() {
        RecordingVisitor v = new RecordingVisitor();
        PackageReader reader = new PackageReader(TestPackages.REFERENTIAL::contains);

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> reader.read(TestPackages.pkg(depot.resolve("absent.zip")), v))
                .isInstanceOf(java.io.UncheckedIOException.class);
        assertThat(v.events).isEmpty();
        assertThat(Files.exists(depot.resolve("absent.zip"))).isFalse();
    }
}
