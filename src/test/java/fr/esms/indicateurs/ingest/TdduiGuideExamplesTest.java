package fr.esms.indicateurs.ingest;

import fr.esms.indicateurs.ingest.PivotRow.EventRow;
import fr.esms.indicateurs.ingest.PivotRow.RecordRow;
import fr.esms.indicateurs.ingest.PivotRow.StayRow;
import fr.esms.indicateurs.ingest.tddui.PseudonymKey;
import fr.esms.indicateurs.ingest.tddui.Pseudonymizer;
import fr.esms.indicateurs.ingest.tddui.TdduiPackageReader;
import fr.esms.indicateurs.rules.EssmsActivity.EventStatus;
import fr.esms.indicateurs.support.TdduiGuide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guide's own examples ({@code src/test/resources/tddui/guide/}, copied from the ANS repository, see its
 * {@code SOURCES.md}), read as they are: what they yield, what is rejected and with which message, and that no
 * identity of them reaches anything the reader hands out.
 */
class TdduiGuideExamplesTest {

    static final String BUNDLE = TdduiGuide.BUNDLE;
    static final String CAREPLAN = TdduiGuide.CAREPLAN;
    static final List<String> IDENTITIES = TdduiGuide.IDENTITIES;
    static final byte[] KEY = "clé de test : trente-deux octets au moins, pour HMAC".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private RecordingVisitor read(Map<String, String> files, java.util.Set<String> referential) throws IOException {
        Path folder = TestPackages.folder(dir, "paquet-tddui", files);
        Path keyFile = dir.resolve("cle");
        Files.writeString(keyFile, Base64.getEncoder().encodeToString(KEY));
        PackageReader reader = new PackageReader(referential::contains, EditorProfiles.none(), null,
                new TdduiPackageReader(referential::contains, new PseudonymKey(null, keyFile)));
        RecordingVisitor visitor = new RecordingVisitor();
        reader.read(TestPackages.pkg(folder), visitor);
        return visitor;
    }

    private static String guide(String name) throws IOException {
        return TdduiGuide.read(name);
    }

    @Test
    void theGuideBundleAloneIsRejectedWholeForItsLegalEntityFinessFailsTheKey() throws IOException {
        RecordingVisitor v = read(Map.of(BUNDLE, guide(BUNDLE)), TestPackages.REFERENTIAL);

        assertThat(v.events).containsExactly("packageRejected");
        Rejection r = v.packageRejections.get(0);
        assertThat(r.file()).isEqualTo(BUNDLE);
        assertThat(r.line()).isEqualTo(2);
        assertThat(r.column()).isEqualTo("Bundle.entry[1].resource.identifier[0].value");
        assertThat(r.reason()).isEqualTo("paquet « paquet-tddui », " + BUNDLE + ", Bundle.entry[1].resource"
                + ".identifier[0].value : FINESS juridique de l'Organization : numéro FINESS avec une clé de contrôle"
                + " (Luhn) fausse (FINESS 480787529) : paquet rejeté en entier");
        assertNoIdentity(v);
    }

    @Test
    void withAManifestEachResourceOfTheGuideBundleIsRejectedForItsEssmsFinessAndTheRestIsIgnored() throws IOException {
        RecordingVisitor v = read(files(BUNDLE, guide(BUNDLE)), TestPackages.REFERENTIAL);

        assertThat(v.manifests).hasSize(1);
        assertThat(v.rows).isEmpty();
        assertThat(v.rejections).extracting(Rejection::file, Rejection::line, Rejection::column, Rejection::value,
                Rejection::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(BUNDLE, 3L, "Bundle.entry[2].resource.identifier[0].value", "",
                        "Encounter (séjour) : numéro FINESS avec une clé de contrôle (Luhn) fausse (FINESS 480787529)"),
                org.assertj.core.groups.Tuple.tuple(BUNDLE, 4L, "Bundle.entry[3].resource.identifier[0].value", "",
                        "Encounter (événement) : numéro FINESS avec une clé de contrôle (Luhn) fausse"
                                + " (FINESS 480787529)"),
                org.assertj.core.groups.Tuple.tuple(BUNDLE, 1L, "Bundle.entry[0].resource.identifier.value", "",
                        "dossier de l'usager : numéro FINESS avec une clé de contrôle (Luhn) fausse"
                                + " (FINESS 480787529)"));
        assertThat(v.summaries).extracting(FileSummary::file, FileSummary::read, FileSummary::kept,
                FileSummary::rejected).contains(
                org.assertj.core.groups.Tuple.tuple(BUNDLE, 2L, 0L, 2L),
                org.assertj.core.groups.Tuple.tuple(TdduiPackageReader.RECORDS, 1L, 0L, 1L),
                org.assertj.core.groups.Tuple.tuple("mss.csv : source absente (ni TDDUI ni mss.csv)", 0L, 0L, 0L),
                org.assertj.core.groups.Tuple.tuple("dmp.csv : source absente (ni TDDUI ni dmp.csv)", 0L, 0L, 0L));
        assertThat(v.summaries).allMatch(f -> f.rejectedWhole() == null);
        assertThat(v.warnings).extracting(RecordingVisitor.Warning::message).contains(
                "ressources sans usage pour les indicateurs, ignorées : Practitioner 1, PractitionerRole 1, Task 2");
        assertThat(v.warnings).extracting(RecordingVisitor.Warning::message)
                .anyMatch(m -> m.startsWith("source MSS (messages MSSanté envoyés) absente"))
                .anyMatch(m -> m.startsWith("source DMP (documents déposés) absente"));
        assertNoIdentity(v);
    }

    @Test
    void theGuideCarePlanAloneIsReadAsAProjetPersonnaliseAndRejectedForItsFinessKey() throws IOException {
        RecordingVisitor v = read(files(CAREPLAN, guide(CAREPLAN)), TestPackages.REFERENTIAL);

        assertThat(v.rejections).extracting(Rejection::column, Rejection::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("CarePlan.identifier[0].value", "CarePlan (projet personnalisé) :"
                        + " numéro FINESS avec une clé de contrôle (Luhn) fausse (FINESS 480787529)"));
        // A rejected resource founds no record: its patient (absent from the file) is not counted.
        assertThat(v.rowsOf(PivotFile.DOSSIERS)).isEmpty();
        assertNoIdentity(v);
    }

    /** The guide's bundle, only its FINESS 480787529 (wrong key) replaced by a valid one of the referential. */
    @Test
    void theGuideBundleWithAValidFinessYieldsItsStayItsEventAndThePatientsRecordAsPseudonyms() throws IOException {
        String bundle = guide(BUNDLE).replace("480787529", TestPackages.ET1);
        RecordingVisitor v = read(files(BUNDLE, bundle), TestPackages.REFERENTIAL);

        Pseudonymizer p = new Pseudonymizer(KEY);
        String person = p.pseudonym("3" + TestPackages.ET1 + "/194704032");
        assertThat(v.rejections).isEmpty();
        assertThat(v.rowsOf(PivotFile.USAGERS)).containsExactly(
                new StayRow(TestPackages.ET1, person, LocalDate.of(2023, 4, 14), null, List.of(), 3));
        assertThat(v.rowsOf(PivotFile.AGENDA)).containsExactly(new EventRow(TestPackages.ET1, person,
                p.pseudonym("3" + TestPackages.ET1 + "/147720425367411-EVN-12548"), LocalDate.of(2023, 4, 14),
                EventStatus.REALISE, null, 4));
        // No meta.lastUpdated in the example: the record's last update is its latest activity (2023-04-14).
        assertThat(v.rowsOf(PivotFile.DOSSIERS)).containsExactly(new RecordRow(TestPackages.ET1, person, person,
                LocalDate.of(2023, 4, 14), LocalDate.of(2023, 4, 14), 1));
        assertThat(person).matches("[0-9a-f]{32}");
        assertNoIdentity(v);
    }

    @Test
    void aFileThatIsNotJsonOrNotFhirR4IsRejectedWholeWithoutQuotingIt() throws IOException {
        RecordingVisitor v = read(files("a.json", "{\"resourceType\": \"Patient\", \"name\": DUPONT}",
                "b.json", "{\"nom\": \"DUPONT\"}",
                "c.ndjson", "{\"resourceType\": \"Transport\", \"id\": \"x\"}\n",
                "d.json", "{\"resourceType\": \"Bundle\", \"type\": \"document\", \"entry\": []}"),
                TestPackages.REFERENTIAL);

        assertThat(v.rejections).extracting(Rejection::file, Rejection::line, Rejection::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a.json", 0L,
                        "fichier qui n'est pas du JSON valide (ligne 1, colonne 44) : fichier rejeté en entier"),
                org.assertj.core.groups.Tuple.tuple("b.json", 0L,
                        "aucun « resourceType » : ce n'est pas une ressource FHIR : fichier rejeté en entier"),
                org.assertj.core.groups.Tuple.tuple("c.ndjson", 0L, "ligne 1 : type de ressource « Transport »"
                        + " inconnu de FHIR R4 : fichier rejeté en entier"),
                org.assertj.core.groups.Tuple.tuple("d.json", 0L, "Bundle de type « document » : seuls les Bundles"
                        + " transaction, batch, collection et searchset portent des données à lire : fichier rejeté"
                        + " en entier"));
        assertNoIdentity(v);
    }

    private static Map<String, String> files(String... nameThenContent) {
        Map<String, String> files = new LinkedHashMap<>(TestPackages.files());
        for (int i = 0; i < nameThenContent.length; i += 2) {
            files.put(nameThenContent[i], nameThenContent[i + 1]);
        }
        return files;
    }

    /** Nothing the reader handed out (rows, rejections, warnings, summaries, manifest) names a person. */
    static void assertNoIdentity(RecordingVisitor v) {
        List<String> said = new ArrayList<>();
        v.rows.forEach(r -> said.add(r.toString()));
        v.rejections.forEach(r -> said.add(r.toString()));
        v.packageRejections.forEach(r -> said.add(r.toString()));
        v.warnings.forEach(w -> said.add(w.toString()));
        v.summaries.forEach(s -> said.add(s.toString()));
        v.manifests.forEach(m -> said.add(m.toString()));
        for (String identity : IDENTITIES) {
            assertThat(said).as(identity).noneMatch(s -> s.contains(identity));
        }
    }
}
