package fr.esms.indicateurs.ingest;

import fr.esms.indicateurs.ingest.PivotRow.EventRow;
import fr.esms.indicateurs.ingest.PivotRow.StayRow;
import fr.esms.indicateurs.rules.EssmsActivity.EventStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static fr.esms.indicateurs.ingest.TestPackages.ET1;
import static fr.esms.indicateurs.ingest.TestPackages.ET2;
import static fr.esms.indicateurs.ingest.TestPackages.REFERENTIAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Packages read through an editor profile: recognition, encodings, the editor's columns, words and date formats,
 * and French rejections that name the editor's file, line and column while the good rows are kept.
 */
class ProfileReadingTest {

    private static final Charset CP1252 = Charset.forName("windows-1252");

    @TempDir
    Path dir;

    /** Windows-1252, ';', dd/MM/yyyy, a manifest file, its own status words. */
    private static final String SOIGNE = """
            nom: soigne
            reconnaissance:
              fichiers: ["PARAMS.csv"]
            encodage: windows-1252
            formats-date: ["dd/MM/yyyy", "dd/MM/yyyy HH:mm"]
            manifeste:
              fichier: "PARAMS.csv"
              colonnes:
                editeur: "Éditeur"
                logiciel: "Logiciel"
                finess_ej: "FINESS juridique"
                date_extraction: "Extrait le"
                periode_debut: "Du"
                periode_fin: "Au"
            fichiers:
              usagers:
                fichier: "USAGERS*.csv"
                colonnes:
                  finess: "N° FINESS"
                  usager_id: "Usager"
                  date_entree: "Date d'entrée"
                  date_sortie: "Date de sortie"
              agenda:
                fichier: "AGENDA_*.csv"
                colonnes:
                  finess: { nom-fichier: "^AGENDA_([0-9AB]{9})" }
                  dossier_id: "Dossier"
                  evenement_id: "Événement"
                  date_evenement: "Date"
                  statut: { colonne: "État", valeurs: { "Planifié": PREVU, "Réalisé": REALISE, "Annulé": ANNULE } }
                  type: "Nature"
            """;

    private static final String PARAMS = "Éditeur;Logiciel;FINESS juridique;Extrait le;Du;Au\r\n"
            + "Soigné;Soigné DUI;130000003;03/11/2026 07:42;01/10/2026;31/10/2026\r\n";

    @Test
    void aWindows1252ExportIsReadWithItsColumnsWordsAndDates() throws IOException {
        Path pkg = folder("soigne_2026-10", Map.of(
                "PARAMS.csv", cp1252(PARAMS),
                "USAGERS.csv", cp1252("N° FINESS;Usager;Date d'entrée;Date de sortie\r\n"
                        + ET1 + ";U1;02/03/2019;\r\n"
                        + ET1 + ";U2;15/09/2026;20/10/2026\r\n"),
                "AGENDA_" + ET2 + ".csv", cp1252("Dossier;Événement;Date;État;Nature\r\n"
                        + "D1;E1;14/10/2026 09:30;Réalisé;Atelier – l’œil et le cœur (5 €)\r\n"
                        + "D1;E2;15/10/2026;annulé;\r\n")));

        RecordingVisitor v = read(pkg, SOIGNE);

        assertThat(v.packageRejections).isEmpty();
        assertThat(v.rejections).isEmpty();
        Manifest m = v.manifests.get(0);
        assertThat(m.editor()).isEqualTo("Soigné");
        assertThat(m.extractionDate()).isEqualTo(LocalDate.of(2026, 11, 3));
        assertThat(m.periodStart()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(m.periodEnd()).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(v.rowsOf(PivotFile.USAGERS)).containsExactly(
                new StayRow(ET1, "U1", LocalDate.of(2019, 3, 2), null, List.of(), 2),
                new StayRow(ET1, "U2", LocalDate.of(2026, 9, 15), LocalDate.of(2026, 10, 20), List.of(), 3));
        assertThat(v.rowsOf(PivotFile.AGENDA)).containsExactly(
                new EventRow(ET2, "D1", "E1", LocalDate.of(2026, 10, 14), EventStatus.REALISE,
                        "Atelier – l’œil et le cœur (5 €)", 2),
                new EventRow(ET2, "D1", "E2", LocalDate.of(2026, 10, 15), EventStatus.ANNULE, null, 3));
        assertThat(v.summaryOf("USAGERS.csv")).isEqualTo(new FileSummary("USAGERS.csv", 2, 2, 0, null));
        assertThat(v.warnings).extracting(RecordingVisitor.Warning::message)
                .contains("paquet lu avec le profil éditeur « soigne » (soigne.yaml)");
    }

    @Test
    void aProfileIsHeldToTheSameNirRulesInItsEditorsColumnsAndWords() throws IOException {
        Path pkg = folder("soigne_2026-10", Map.of(
                "PARAMS.csv", cp1252(PARAMS),
                "AGENDA_" + ET2 + ".csv", cp1252("Dossier;Événement;Date;État;Nature\r\n"
                        + "1 85 05 75 123 456 78;E1;14/10/2026;Réalisé;Atelier\r\n"
                        + "D1;E2;14/10/2026;1.85.05.75.123.456;Atelier\r\n"
                        + "D1;E3;15/10/2026;Réalisé;Visite de 2 85 05 2A 123 456 78\r\n")));

        RecordingVisitor v = read(pkg, SOIGNE);

        assertThat(v.rejections).extracting(Rejection::line, Rejection::column, Rejection::value)
                .containsExactly(tuple(2L, "Dossier", "(masqué)"), tuple(3L, "État", "(masqué)"));
        assertThat(v.rejections.get(0).reason()).isEqualTo(Fields.NIR_REASON);
        assertThat(v.rowsOf(PivotFile.AGENDA)).containsExactly(new EventRow(ET2, "D1", "E3",
                LocalDate.of(2026, 10, 15), EventStatus.REALISE, "Visite de (masqué)", 4));
        assertThat(v.rejections.toString() + v.warnings + v.rows).doesNotContain("123 456", "123.456");
    }

    @Test
    void badRowsAreRejectedNamingTheEditorsFileLineAndColumnAndGoodRowsAreKept() throws IOException {
        Path pkg = folder("soigne_2026-10", Map.of(
                "PARAMS.csv", cp1252(PARAMS),
                "USAGERS.csv", cp1252("N° FINESS;Usager;Date d'entrée;Date de sortie\r\n"
                        + ET1 + ";U1;2019-03-02;\r\n"          // ISO is always understood
                        + ET1 + ";U2;31/09/2026;\r\n"          // no 31 September
                        + ET1 + ";U3;15/09/2026;01/09/2026\r\n" // exit before entry
                        + ET1 + ";U4;15/09/2026;\r\n"),
                "AGENDA_" + ET2 + ".csv", cp1252("Dossier;Événement;Date;État;Nature\r\n"
                        + "D1;E1;14/10/2026;Fait;\r\n"
                        + "D1;E2;15/10/2026;Planifié;\r\n")));

        RecordingVisitor v = read(pkg, SOIGNE);

        assertThat(v.rejections).containsExactly(
                new Rejection("soigne_2026-10", "USAGERS.csv", 3, "Date d'entrée", "31/09/2026",
                        "date mal formée ou impossible (attendu dd/MM/yyyy ou dd/MM/yyyy HH:mm)"),
                new Rejection("soigne_2026-10", "USAGERS.csv", 4, "Date de sortie", "01/09/2026",
                        "date de sortie antérieure à la date d'entrée (2026-09-15)"),
                new Rejection("soigne_2026-10", "AGENDA_" + ET2 + ".csv", 2, "État", "Fait",
                        "valeur sans correspondance dans le profil pour « statut » (prévues : Planifié, Réalisé, "
                                + "Annulé)"));
        assertThat(v.rowsOf(PivotFile.USAGERS)).extracting(PivotRow::line).containsExactly(2L, 5L);
        assertThat(v.rowsOf(PivotFile.AGENDA)).extracting(PivotRow::line).containsExactly(3L);
    }

    @Test
    void aFileThatIsNotValidWindows1252IsRejectedWhole() throws IOException {
        byte[] usagers = concat(cp1252("N° FINESS;Usager;Date d'entrée\r\n" + ET1 + ";U1;02/03/2019\r\n"
                + ET1 + ";U"), new byte[]{(byte) 0x81}, cp1252("2;02/03/2019\r\n"));
        Path pkg = folder("soigne_2026-10", Map.of("PARAMS.csv", cp1252(PARAMS), "USAGERS.csv", usagers));

        RecordingVisitor v = read(pkg, SOIGNE);

        assertThat(v.rejections).containsExactly(new Rejection("soigne_2026-10", "USAGERS.csv", 0, "", "",
                "fichier non décodable en Windows-1252 (octets invalides ligne 3) : fichier rejeté en entier"));
        assertThat(v.rowsOf(PivotFile.USAGERS)).isEmpty();
    }

    @Test
    void aUtf8FileDeclaredWindows1252IsRejectedWhenItStartsWithABom() throws IOException {
        byte[] usagers = ("\uFEFFN° FINESS;Usager;Date d'entrée\r\n" + ET1 + ";U1;02/03/2019\r\n")
                .getBytes(StandardCharsets.UTF_8);
        Path pkg = folder("soigne_2026-10", Map.of("PARAMS.csv", cp1252(PARAMS), "USAGERS.csv", usagers));

        RecordingVisitor v = read(pkg, SOIGNE);

        assertThat(v.rejections).extracting(Rejection::reason).containsExactly(
                "fichier non décodable en Windows-1252 (le fichier commence par la marque d'ordre (BOM) de l'UTF-8 :"
                        + " il est en UTF-8, pas en Windows-1252) : fichier rejeté en entier");
    }

    @Test
    void aWindows1252FileDeclaredUtf8IsRejectedWhole() throws IOException {
        String profile = SOIGNE.replace("encodage: windows-1252", "encodage: utf-8");
        Path pkg = folder("soigne_2026-10", Map.of(
                "PARAMS.csv", PARAMS.getBytes(StandardCharsets.UTF_8),
                "USAGERS.csv", cp1252("N° FINESS;Usager;Date d'entrée\r\n" + ET1 + ";U1;02/03/2019\r\n")));

        RecordingVisitor v = read(pkg, profile);

        assertThat(v.rejections).extracting(Rejection::reason).containsExactly(
                "fichier non décodable en UTF-8 (octets invalides ligne 1) : fichier rejeté en entier");
    }

    @Test
    void anIso88591FileHoldingWindows1252CharactersIsRejectedWithTheReason() throws IOException {
        String profile = SOIGNE.replace("encodage: windows-1252", "encodage: iso-8859-1");
        Path pkg = folder("soigne_2026-10", Map.of(
                "PARAMS.csv", cp1252(PARAMS),
                "AGENDA_" + ET2 + ".csv", cp1252("Dossier;Événement;Date;État;Nature\r\n"
                        + "D1;E1;14/10/2026;Réalisé;Atelier d’écriture\r\n")));

        RecordingVisitor v = read(pkg, profile);

        assertThat(v.rejections).extracting(Rejection::reason).containsExactly(
                "fichier non décodable en ISO-8859-1 (octet 0x92 ligne 2, un caractère de contrôle en ISO-8859-1 :"
                        + " le fichier est sans doute en Windows-1252 (€, œ, ’), à déclarer ainsi dans le profil) :"
                        + " fichier rejeté en entier");
    }

    @Test
    void automaticDetectionReadsUtf8AsUtf8AndTheRestAsWindows1252() throws IOException {
        String profile = SOIGNE.replace("encodage: windows-1252", "encodage: auto");
        Path pkg = folder("soigne_2026-10", Map.of(
                "PARAMS.csv", PARAMS.getBytes(StandardCharsets.UTF_8),
                "USAGERS.csv", cp1252("N° FINESS;Usager;Date d'entrée\r\n" + ET1 + ";U1;02/03/2019\r\n"),
                "AGENDA_" + ET2 + ".csv", ("Dossier;Événement;Date;État;Nature\r\n"
                        + "D1;E1;14/10/2026;Réalisé;Atelier d’écriture\r\n").getBytes(StandardCharsets.UTF_8)));

        RecordingVisitor v = read(pkg, profile);

        assertThat(v.rejections).isEmpty();
        assertThat(v.manifests.get(0).editor()).isEqualTo("Soigné");
        assertThat(v.rowsOf(PivotFile.USAGERS)).hasSize(1);
        assertThat(((EventRow) v.rowsOf(PivotFile.AGENDA).get(0)).type()).isEqualTo("Atelier d’écriture");
        assertThat(v.warnings).contains(new RecordingVisitor.Warning("USAGERS.csv", 0,
                "fichier qui n'est pas en UTF-8 : lu en Windows-1252 (encodage détecté)"));
    }

    @Test
    void automaticDetectionStillRejectsABrokenFileInTheEncodingItFound() throws IOException {
        String profile = SOIGNE.replace("encodage: windows-1252", "encodage: auto");
        Path pkg = folder("soigne_2026-10", Map.of(
                "PARAMS.csv", PARAMS.getBytes(StandardCharsets.UTF_8),
                "USAGERS.csv", cp1252("N° FINESS;Usager;Date d'entrée\r\n" + ET1 + ";\"U1;02/03/2019\r\n"),
                "AGENDA_" + ET2 + ".csv", ("Dossier;Événement;Date;État;Nature\r\nD1;\"E1\"x;14/10/2026;;\r\n")
                        .getBytes(StandardCharsets.UTF_8)));

        RecordingVisitor v = read(pkg, profile);

        assertThat(v.rejections).extracting(Rejection::file, Rejection::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("USAGERS.csv", "fichier CSV mal formé (ligne 2 : guillemet ouvert"
                        + " jamais refermé) — séparateur attendu « ; » : fichier rejeté en entier"),
                org.assertj.core.groups.Tuple.tuple("AGENDA_" + ET2 + ".csv", "fichier CSV mal formé (ligne 2 :"
                        + " caractère inattendu après un guillemet fermant (les guillemets d'une valeur doivent être"
                        + " doublés)) — séparateur attendu « ; » : fichier rejeté en entier"));
        assertThat(v.warnings).contains(new RecordingVisitor.Warning("USAGERS.csv", 0,
                "fichier qui n'est pas en UTF-8 : lu en Windows-1252 (encodage détecté)"));
    }

    @Test
    void aMissingEditorColumnRejectsTheFileNamingTheEditorsColumn() throws IOException {
        Path pkg = folder("soigne_2026-10", Map.of(
                "PARAMS.csv", cp1252(PARAMS),
                "USAGERS.csv", cp1252("FINESS;Usager;Date d'entrée\r\n" + ET1 + ";U1;02/03/2019\r\n")));

        RecordingVisitor v = read(pkg, SOIGNE);

        assertThat(v.rejections).containsExactly(new Rejection("soigne_2026-10", "USAGERS.csv", 0, "N° FINESS", "",
                "colonne obligatoire « N° FINESS » absente : fichier rejeté en entier"));
        assertThat(v.warnings).contains(new RecordingVisitor.Warning("USAGERS.csv", 1,
                "colonnes inconnues ignorées : FINESS"));
    }

    @Test
    void aFileWhoseNameDoesNotGiveTheFinessIsRejectedWhole() throws IOException {
        Path pkg = folder("soigne_2026-10", Map.of(
                "PARAMS.csv", cp1252(PARAMS),
                "AGENDA_TOUS.csv", cp1252("Dossier;Événement;Date;État;Nature\r\nD1;E1;14/10/2026;Réalisé;\r\n")));

        RecordingVisitor v = read(pkg, SOIGNE);

        assertThat(v.rejections).extracting(Rejection::reason).containsExactly(
                "le nom du fichier « AGENDA_TOUS.csv » ne donne pas « finess » (motif du profil : "
                        + "^AGENDA_([0-9AB]{9})) : fichier rejeté en entier");
    }

    @Test
    void aManifestProblemNamesTheEditorsColumn() throws IOException {
        Path pkg = folder("soigne_2026-10", Map.of(
                "PARAMS.csv", cp1252(PARAMS.replace("03/11/2026 07:42", "2026/11/03"))));

        RecordingVisitor v = read(pkg, SOIGNE);

        assertThat(v.packageRejections).containsExactly(new Rejection("soigne_2026-10", "PARAMS.csv", 2,
                "Extrait le", "2026/11/03", "paquet « soigne_2026-10 », PARAMS.csv, ligne 2, colonne « Extrait le »"
                + " : date mal formée ou impossible (attendu dd/MM/yyyy ou dd/MM/yyyy HH:mm) : paquet rejeté en "
                + "entier"));
    }

    /** ',' delimiter, UTF-8 with BOM, ISO date-times, inside a zip's sub-folder, manifest from the package name. */
    @Test
    void aZippedExportInASubFolderTakesItsManifestFromThePackageName() throws IOException {
        String profile = """
                reconnaissance:
                  fichiers: ["patients.csv"]
                separateur: ","
                formats-date: ["yyyy-MM-dd'T'HH:mm:ss"]
                manifeste:
                  colonnes:
                    editeur: { constante: "Kalio" }
                    logiciel: { constante: "Kalio Care" }
                    finess_ej: { nom-paquet: "^kalio_([0-9]{9})_" }
                    periode_debut: { nom-paquet: "_([0-9]{6})-", formats-date: ["yyyyMM"] }
                    periode_fin: { nom-paquet: "-([0-9]{6})_", formats-date: ["yyyyMM"] }
                    date_extraction: { nom-paquet: "_([0-9]{8})\\\\.zip$", formats-date: ["yyyyMMdd"] }
                fichiers:
                  usagers:
                    fichier: "patients.csv"
                    colonnes:
                      finess: "facility_finess"
                      usager_id: "patient_ref"
                      date_entree: "admission_date"
                      date_sortie: "discharge_date"
                """;
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("export_kalio/patients.csv", ("\uFEFFpatient_ref,facility_finess,admission_date,discharge_date\n"
                + "P1," + ET1 + ",2019-03-02T10:15:00,\n"
                + "\"P,2\"," + ET1 + ",2026-09-15T00:00:00,2026-10-20T18:00:00\n").getBytes(StandardCharsets.UTF_8));
        Path zip = TestPackages.zipOfBytes(dir, "kalio_130000003_202608-202610_20261103.zip", entries);

        RecordingVisitor v = read(zip, profile);

        assertThat(v.packageRejections).isEmpty();
        assertThat(v.manifests).containsExactly(new Manifest("Kalio", "Kalio Care", null, "130000003",
                LocalDate.of(2026, 11, 3), LocalDate.of(2026, 8, 1), LocalDate.of(2026, 10, 31)));
        assertThat(v.rowsOf(PivotFile.USAGERS)).containsExactly(
                new StayRow(ET1, "P1", LocalDate.of(2019, 3, 2), null, List.of(), 2),
                new StayRow(ET1, "P,2", LocalDate.of(2026, 9, 15), LocalDate.of(2026, 10, 20), List.of(), 3));
    }

    /** A manifest made of constants and the package's name goes through the same check of its dates. */
    @Test
    void aManifestTakenFromThePackageNameIsRejectedWhenItsExtractionDateIsInTheFuture() throws IOException {
        String profile = """
                reconnaissance:
                  fichiers: ["patients.csv"]
                manifeste:
                  colonnes:
                    editeur: { constante: "Kalio" }
                    logiciel: { constante: "Kalio Care" }
                    finess_ej: { nom-paquet: "^kalio_([0-9]{9})_" }
                    periode_debut: { nom-paquet: "_([0-9]{6})_", formats-date: ["yyyyMM"] }
                    periode_fin: { nom-paquet: "_([0-9]{6})_", formats-date: ["yyyyMM"] }
                    date_extraction: { nom-paquet: "_([0-9]{8})$", formats-date: ["yyyyMMdd"] }
                fichiers:
                  usagers:
                    fichier: "patients.csv"
                    colonnes:
                      finess: "finess"
                      usager_id: "patient"
                      date_entree: "entree"
                """;
        Path pkg = folder("kalio_130000003_202610_20301103", Map.of("patients.csv",
                ("finess;patient;entree\n" + ET1 + ";P1;2026-10-02\n").getBytes(StandardCharsets.UTF_8)));

        RecordingVisitor v = read(pkg, profile);

        assertThat(v.rows).isEmpty();
        assertThat(v.packageRejections).singleElement().satisfies(r -> {
            assertThat(r.column()).isEqualTo("date_extraction (nom du paquet)");
            assertThat(r.reason()).contains("date_extraction 2030-11-03 postérieure au jour de l'ingestion (")
                    .endsWith("faire corriger le manifeste : paquet rejeté en entier");
        });
    }

    @Test
    void aPackageNoProfileRecognisesAndWithoutExportCsvIsRejected() throws IOException {
        Path pkg = folder("inconnu", Map.of("USAGERS.csv", cp1252("x;y\r\n")));

        RecordingVisitor v = read(pkg, SOIGNE);

        assertThat(v.packageRejections).extracting(Rejection::reason).containsExactly(
                "paquet sans export.csv qu'aucun profil éditeur ne reconnaît (profils : pivot, soigne) : rejeté en"
                        + " entier");
    }

    @Test
    void twoProfilesRecognisingAPackageRejectItAndTheOperatorCanNameOne() throws IOException {
        Path profiles = Files.createDirectories(dir.resolve("profils"));
        Files.writeString(profiles.resolve("soigne.yaml"), SOIGNE);
        Files.writeString(profiles.resolve("copie.yaml"), SOIGNE.replace("nom: soigne", "nom: copie"));
        Path pkg = folder("soigne_2026-10", Map.of("PARAMS.csv", cp1252(PARAMS),
                "USAGERS.csv", cp1252("N° FINESS;Usager;Date d'entrée\r\n" + ET1 + ";U1;02/03/2019\r\n")));
        EditorProfiles loaded = EditorProfiles.load(profiles);

        RecordingVisitor ambiguous = new RecordingVisitor();
        new PackageReader(REFERENTIAL::contains, loaded, null).read(TestPackages.pkg(pkg), ambiguous);
        RecordingVisitor named = new RecordingVisitor();
        new PackageReader(REFERENTIAL::contains, loaded, loaded.named("copie").orElseThrow())
                .read(TestPackages.pkg(pkg), named);

        assertThat(ambiguous.packageRejections).extracting(Rejection::reason).containsExactly(
                "plusieurs profils éditeurs reconnaissent ce paquet (profil éditeur « copie » (copie.yaml), profil "
                        + "éditeur « soigne » (soigne.yaml)) : préciser le profil à l'appel (--profil) ou rendre leur "
                        + "reconnaissance plus précise : paquet rejeté en entier");
        assertThat(named.packageRejections).isEmpty();
        assertThat(named.rowsOf(PivotFile.USAGERS)).hasSize(1);
    }

    @Test
    void aPivotManifestCanNameTheEditorWhoseProfileReadsTheDataFiles() throws IOException {
        String profile = """
                reconnaissance:
                  editeur: "editeur sa"
                formats-date: ["dd/MM/yyyy"]
                fichiers:
                  usagers:
                    fichier: "sejours.csv"
                    colonnes:
                      finess: "etablissement"
                      usager_id: "personne"
                      date_entree: "entree"
                """;
        Path pkg = TestPackages.folder(dir, "p", TestPackages.files(
                "sejours.csv", "etablissement;personne;entree\n" + ET1 + ";U1;02/03/2019\n",
                "usagers.csv", "finess;usager_id;date_entree\n" + ET1 + ";U9;2019-03-02\n"));

        RecordingVisitor v = read(pkg, profile);

        assertThat(v.manifests.get(0).editor()).isEqualTo("Editeur SA");
        assertThat(v.rowsOf(PivotFile.USAGERS)).extracting(r -> ((StayRow) r).personId()).containsExactly("U1");
        assertThat(v.warnings).contains(new RecordingVisitor.Warning("usagers.csv", 0,
                "fichier que le profil éditeur « p » (p.yaml) ne décrit pas : ignoré"));
    }

    @Test
    void pivotPackagesAreStillReadAsPivotWhenProfilesExist() throws IOException {
        Path pkg = TestPackages.folder(dir, "pivot", TestPackages.files(
                "usagers.csv", "finess;usager_id;date_entree\n" + ET1 + ";U1;2019-03-02\n"));

        RecordingVisitor v = read(pkg, SOIGNE);

        assertThat(v.packageRejections).isEmpty();
        assertThat(v.rowsOf(PivotFile.USAGERS)).hasSize(1);
        assertThat(v.warnings).extracting(RecordingVisitor.Warning::message)
                .noneMatch(m -> m.startsWith("paquet lu avec"));
    }

    // ---------------------------------------------------------------- helpers

    private RecordingVisitor read(Path pkg, String profileYaml) throws IOException {
        Path profiles = Files.createDirectories(dir.resolve("profils-" + System.nanoTime()));
        String name = profileYaml.contains("nom: soigne") ? "soigne.yaml" : "p.yaml";
        Files.writeString(profiles.resolve(name), profileYaml, StandardCharsets.UTF_8);
        RecordingVisitor visitor = new RecordingVisitor();
        new PackageReader(REFERENTIAL::contains, EditorProfiles.load(profiles), null)
                .read(TestPackages.pkg(pkg), visitor);
        return visitor;
    }

    private Path folder(String name, Map<String, byte[]> files) throws IOException {
        return TestPackages.folderOfBytes(dir, name, files);
    }

    private static byte[] cp1252(String text) {
        return text.getBytes(CP1252);
    }

    private static byte[] concat(byte[]... parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.write(part);
        }
        return out.toByteArray();
    }
}
