package fr.esms.indicateurs.ingest;

import fr.esms.indicateurs.ingest.PivotRow.DocumentRow;
import fr.esms.indicateurs.ingest.PivotRow.EventRow;
import fr.esms.indicateurs.ingest.PivotRow.ProjectRow;
import fr.esms.indicateurs.ingest.PivotRow.RecordRow;
import fr.esms.indicateurs.ingest.PivotRow.StayRow;
import fr.esms.indicateurs.ingest.tddui.PseudonymKey;
import fr.esms.indicateurs.ingest.tddui.Pseudonymizer;
import fr.esms.indicateurs.ingest.tddui.TdduiPackageReader;
import fr.esms.indicateurs.rules.EssmsActivity.DmpStatus;
import fr.esms.indicateurs.rules.EssmsActivity.EventStatus;
import fr.esms.indicateurs.rules.EssmsActivity.ProjectStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** The mapping table on hand-made NDJSON: statuses, dates, the derived manifest, the record, the CSV complement. */
class TdduiMappingTest {

    static final String ET = TestPackages.ET1;
    static final byte[] KEY = "k".repeat(32).getBytes(StandardCharsets.US_ASCII);
    static final String PATIENT = "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"meta\":{\"lastUpdated\":"
            + "\"2025-03-20T10:00:00+01:00\"},\"identifier\":[{\"system\":\"urn:oid:1.2.250.1.213.1.4.8\",\"value\":"
            + "\"185057512345678\"},{\"system\":\"https://identifiant-medicosocial-localusager.esante.gouv.fr\","
            + "\"value\":\"3" + ET + "/U1\"}],\"name\":[{\"family\":\"MARTIN\"}],\"birthDate\":\"1950-01-01\"}";

    @TempDir
    Path dir;

    private static String event(String id, String status, String start) {
        return "{\"resourceType\":\"Encounter\",\"id\":\"" + id + "\",\"meta\":{\"profile\":[\"https://interop.esante"
                + ".gouv.fr/ig/fhir/tddui/StructureDefinition/tddui-encounter-evenement|2.3.0\"]},\"identifier\":[{"
                + "\"system\":\"https://identifiant-medicosocial-evenement.esante.gouv.fr\",\"value\":\"3" + ET + "/"
                + id + "\"}]," + (status == null ? "" : "\"status\":\"" + status + "\",")
                + "\"subject\":{\"reference\":\"Patient/p1\"}" + (start == null ? "" : ",\"period\":{\"start\":\""
                + start + "\"}") + "}";
    }

    private static String carePlan(String id, String status, String start) {
        return "{\"resourceType\":\"CarePlan\",\"id\":\"" + id + "\",\"identifier\":[{\"system\":\"https://identifiant-"
                + "medicosocial-projetpersonnalise.esante.gouv.fr\",\"value\":\"3" + ET + "/" + id + "\"}],\"status\":\""
                + status + "\",\"intent\":\"plan\",\"subject\":{\"reference\":\"Patient/p1\"}"
                + (start == null ? "" : ",\"period\":{\"start\":\"" + start + "\"}") + "}";
    }

    private RecordingVisitor read(Map<String, String> files) throws IOException {
        Path folder = TestPackages.folder(dir, "p", files);
        Path keyFile = dir.resolve("cle");
        Files.writeString(keyFile, Base64.getEncoder().encodeToString(KEY));
        PackageReader reader = new PackageReader(TestPackages.REFERENTIAL::contains, EditorProfiles.none(), null,
                new TdduiPackageReader(TestPackages.REFERENTIAL::contains, new PseudonymKey(null, keyFile)));
        RecordingVisitor v = new RecordingVisitor();
        reader.read(TestPackages.pkg(folder), v);
        return v;
    }

    @Test
    void ndjsonWithoutManifestIsMappedRowByRowAndItsManifestDerived() throws IOException {
        String ndjson = String.join("\n",
                "{\"resourceType\":\"Organization\",\"identifier\":[{\"system\":\"urn:oid:1.2.250.1.71.4.2.2\","
                        + "\"value\":\"1" + TestPackages.EJ + "\"}]}",
                PATIENT,
                "{\"resourceType\":\"Encounter\",\"id\":\"s1\",\"meta\":{\"profile\":[\"https://interop.esante.gouv.fr"
                        + "/ig/fhir/tddui/StructureDefinition/tddui-encounter-sejour\"]},\"extension\":[{\"url\":"
                        + "\"urn:esms-indicateurs:fhir:motif-exclusion\",\"valueCode\":\"ANONYMAT\"}],\"status\":"
                        + "\"in-progress\",\"subject\":{\"reference\":\"Patient/p1\"},\"period\":{\"start\":"
                        + "\"2024-01-10\"}}",
                event("e1", "planned", "2025-03-05T09:00:00+01:00"),
                event("e2", "triaged", "2025-03-06"),
                event("e3", "finished", "2025-03-07"),
                event("e4", "cancelled", "2025-03-08"),
                event("e5", "arrived", "2025-03-09"),
                event("e6", "finished", null),
                event("e7", "finished", "2025-02-30"),
                carePlan("pp1", "on-hold", "2025-01-01"),
                carePlan("pp2", "draft", null),
                carePlan("pp3", "suspended", null),
                "") + "\n";
        RecordingVisitor v = read(Map.of("export.ndjson", ndjson));

        assertThat(v.packageRejections).isEmpty();
        // extraction: the latest meta.lastUpdated; period: from the first activity's month to the extraction
        assertThat(v.manifests).containsExactly(new Manifest("non renseigné (export TDDUI sans export.csv)", "TDDUI",
                null, TestPackages.EJ, LocalDate.of(2025, 3, 20), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 20)));
        Pseudonymizer p = new Pseudonymizer(KEY);
        String person = p.pseudonym("3" + ET + "/U1");
        assertThat(person).isEqualTo("3c5f1ffad282909c56c4cd7af9ce4144"); // Python: hmac.new(b'k'*32, …).hexdigest()[:32]
        assertThat(v.rowsOf(PivotFile.USAGERS)).containsExactly(
                new StayRow(ET, person, LocalDate.of(2024, 1, 10), null, List.of("ANONYMAT"), 3));
        assertThat(v.rowsOf(PivotFile.AGENDA)).extracting(r -> ((EventRow) r).status(), r -> ((EventRow) r).date())
                .containsExactly(tuple(EventStatus.PREVU, LocalDate.of(2025, 3, 5)),
                        tuple(EventStatus.PREVU, LocalDate.of(2025, 3, 6)),
                        tuple(EventStatus.REALISE, LocalDate.of(2025, 3, 7)),
                        tuple(EventStatus.ANNULE, LocalDate.of(2025, 3, 8)));
        assertThat(((EventRow) v.rowsOf(PivotFile.AGENDA).get(0)).eventId()).isEqualTo(p.pseudonym("3" + ET + "/e1"));
        assertThat(v.rowsOf(PivotFile.PROJETS_PERSONNALISES)).containsExactly(
                new ProjectRow(ET, person, p.pseudonym("3" + ET + "/pp1"), ProjectStatus.ACTIF,
                        LocalDate.of(2025, 1, 1), null, 11),
                new ProjectRow(ET, person, p.pseudonym("3" + ET + "/pp2"), ProjectStatus.EN_PREPARATION, null, null, 12));
        assertThat(v.rejections).extracting(Rejection::line, Rejection::column, Rejection::reason).containsExactly(
                tuple(8L, "Encounter.status", "Encounter (événement) : statut « arrived » absent ou hors de ceux du"
                        + " guide pour un événement (planned, triaged, finished, cancelled)"),
                tuple(9L, "Encounter.period.start", "Encounter (événement) : événement sans date (period.start)"),
                tuple(10L, "Encounter.period.start", "Encounter (événement) : date impossible"),
                tuple(13L, "CarePlan.status", "CarePlan (projet personnalisé) : statut « suspended » absent ou inconnu"
                        + " pour un projet personnalisé (draft, active, on-hold, completed, revoked, entered-in-error)"));
        // one record for the patient: last update = its meta.lastUpdated, created = its first activity
        assertThat(v.rowsOf(PivotFile.DOSSIERS)).containsExactly(new RecordRow(ET, person, person,
                LocalDate.of(2024, 1, 10), LocalDate.of(2025, 3, 20), 2));
        assertThat(v.summaries).extracting(FileSummary::file, FileSummary::read, FileSummary::kept,
                FileSummary::rejected).contains(tuple("export.ndjson", 11L, 7L, 4L));
        assertThat(String.join("\n", v.rows.stream().map(Object::toString).toList())
                + v.rejections + v.warnings).doesNotContain("MARTIN", "1950-01-01", "185057512345678");
    }

    @Test
    void aDepositOfTheCsvComplementMeetsThePatientsRecordThroughTheSamePseudonym() throws IOException {
        Map<String, String> files = new LinkedHashMap<>(TestPackages.files(
                "dmp.csv", "finess;dossier_id;document_id;date_depot\n" + ET + ";3" + ET + "/U1;DOC1;2025-03-10\n"));
        files.put("bundle.json", "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":"
                + PATIENT + "},{\"resource\":" + event("e1", "finished", "2025-03-07") + "}]}");
        RecordingVisitor v = read(files);

        String person = new Pseudonymizer(KEY).pseudonym("3" + ET + "/U1");
        assertThat(v.rowsOf(PivotFile.DMP)).containsExactly(new DocumentRow(ET, person, "DOC1",
                LocalDate.of(2025, 3, 10), DmpStatus.DEPOSE, null, 2));
        assertThat(v.rowsOf(PivotFile.DOSSIERS)).extracting(r -> ((RecordRow) r).recordId()).containsExactly(person);
        assertThat(v.warnings).extracting(RecordingVisitor.Warning::message)
                .anyMatch(m -> m.startsWith("source MSS (messages MSSanté envoyés) absente"))
                .noneMatch(m -> m.startsWith("source DMP"));
    }
}
