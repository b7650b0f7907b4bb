package fr.esms.indicateurs.solde;

import fr.esms.indicateurs.ingest.ExportPackage;
import fr.esms.indicateurs.ingest.Manifest;
import fr.esms.indicateurs.ingest.PackageVisitor;
import fr.esms.indicateurs.ingest.PivotFile;
import fr.esms.indicateurs.ingest.PivotRow.DocumentRow;
import fr.esms.indicateurs.ingest.PivotRow.EventRow;
import fr.esms.indicateurs.ingest.PivotRow.MessageRow;
import fr.esms.indicateurs.ingest.PivotRow.ProjectRow;
import fr.esms.indicateurs.ingest.PivotRow.RecordRow;
import fr.esms.indicateurs.ingest.PivotRow.StayRow;
import fr.esms.indicateurs.referential.Essms;
import fr.esms.indicateurs.referential.Project;
import fr.esms.indicateurs.referential.Project.FundingType;
import fr.esms.indicateurs.referential.Referential;
import fr.esms.indicateurs.rules.EssmsActivity.DmpStatus;
import fr.esms.indicateurs.rules.EssmsActivity.EventStatus;
import fr.esms.indicateurs.rules.EssmsActivity.ProjectStatus;
import fr.esms.indicateurs.store.PivotStore;
import fr.esms.indicateurs.store.ReferentialStore;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * Hand-made projects, measured at the end of October 2026 (final windows August–October 2026), fed to the store
 * through lambda package sources. Ingesting again changes nothing (same package content), so tests may load it
 * before each test. Expected figures are computed by hand in the tests.
 *
 * <ul>
 *   <li>{@code P-ATTEINT} (acquisition): A1 and A2 reach every target; A2 (PDS) has 2 persons under ANONYMAT
 *       removed from its DMP denominator, and reaches DOSSIERS_ACTIFS at exactly 90 %.</li>
 *   <li>{@code P-MANQUE} (montée de version): B1 reaches; B2 has 17 active records for 20 persons, one short.</li>
 *   <li>{@code P-PJM} (acquisition): C1, a mandataire judiciaire (category 340), 1 message and no DMP document.</li>
 *   <li>{@code P-TROU} (acquisition): D1 reaches; D2 has only data from before August 2026.</li>
 *   <li>{@code P-VIDE}: a project without ESSMS.</li>
 * </ul>
 */
public final class SoldeFixture {

    public static final String A1 = "350000006";
    public static final String A2 = "350000105";
    public static final String B1 = "350000204";
    public static final String B2 = "350000303";
    public static final String C1 = "350000402";
    public static final String D1 = "350000501";
    public static final String D2 = "350000600";
    static final String EJ_LOGIVIE = "350000709";
    static final String EJ_MEDIANE = "350000808";

    public static final ExportPackage LOGIVIE_AUGUST = pkg("logivie-2026-08.zip");
    public static final ExportPackage LOGIVIE_OCTOBER = pkg("logivie-2026-10.zip");
    public static final ExportPackage MEDIANE_OCTOBER = pkg("mediane-2026-10.zip");

    private static final LocalDate ENTRY = LocalDate.of(2026, 1, 15);

    private SoldeFixture() {
    }

    public static void load(PivotStore store, ReferentialStore referential) {
        referential.replace(referential());
        store.ingest(LOGIVIE_AUGUST, (p, v) -> {
            v.manifest(new Manifest("Logivie", "Logivie DUI", "4.2", EJ_LOGIVIE, LocalDate.of(2026, 9, 2),
                    LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 31)));
            // A1's first three messages, in August.
            for (int i = 1; i <= 3; i++) {
                v.row(PivotFile.MSS, new MessageRow(A1, "M" + i, LocalDate.of(2026, 8, 20), "D" + i,
                        "PROFESSIONNEL", i + 1));
            }
            // D2: everything ends before the window (a stay left on 30 June, a record last updated in May, a
            // message of 31 July).
            v.row(PivotFile.USAGERS, new StayRow(D2, "U1", ENTRY, LocalDate.of(2026, 6, 30), List.of(), 2));
            v.row(PivotFile.DOSSIERS, new RecordRow(D2, "D1", "U1", ENTRY, LocalDate.of(2026, 5, 10), 2));
            v.row(PivotFile.MSS, new MessageRow(D2, "M1", LocalDate.of(2026, 7, 31), "D1", "PROFESSIONNEL", 5));
        });
        store.ingest(LOGIVIE_OCTOBER, (p, v) -> {
            v.manifest(new Manifest("Logivie", "Logivie DUI", "4.2", EJ_LOGIVIE, LocalDate.of(2026, 11, 3),
                    LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31)));
            essms(v, A1, 10, 10, 10, 9, 4, 3, 7, 0);
            essms(v, A2, 20, 18, 17, 17, 14, 0, 13, 2);
            essms(v, B1, 10, 10, 10, 10, 8, 0, 8, 0);
            essms(v, B2, 20, 17, 17, 17, 14, 0, 14, 0);
        });
        store.ingest(MEDIANE_OCTOBER, (p, v) -> {
            v.manifest(new Manifest("Médiane", "Médiane ESMS", "2.0", EJ_MEDIANE, LocalDate.of(2026, 11, 5),
                    LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31)));
            essms(v, C1, 10, 10, 9, 10, 1, 0, 0, 0);
            essms(v, D1, 10, 10, 10, 10, 7, 0, 7, 0);
        });
    }

    public static Referential referential() {
        List<Project> projects = List.of(
                new Project("P-ATTEINT", "DUI des EHPAD du bassin rennais", EJ_LOGIVIE, FundingType.ACQUISITION,
                        LocalDate.of(2025, 6, 2), LocalDate.of(2026, 9, 30)),
                new Project("P-MANQUE", "Montée de version Logivie", EJ_LOGIVIE, FundingType.MONTEE_VERSION,
                        LocalDate.of(2025, 6, 2), null),
                new Project("P-PJM", "DUI du service mandataire", EJ_MEDIANE, FundingType.ACQUISITION, null, null),
                new Project("P-TROU", "Projet avec un ESSMS muet", EJ_MEDIANE, FundingType.ACQUISITION, null, null),
                new Project("P-VIDE", "Projet sans ESSMS", EJ_MEDIANE, FundingType.ACQUISITION, null, null));
        List<Essms> essms = List.of(
                new Essms(A1, EJ_LOGIVIE, "EHPAD Les Tilleuls", "500", "35", "P-ATTEINT", "Logivie"),
                new Essms(A2, EJ_LOGIVIE, "CHRS L'Escale", "178", "35", "P-ATTEINT", "Logivie"),
                new Essms(B1, EJ_LOGIVIE, "EHPAD Les Chênes", "500", "35", "P-MANQUE", "Logivie"),
                new Essms(B2, EJ_LOGIVIE, "EHPAD Les Saules", "500", "35", "P-MANQUE", "Logivie"),
                new Essms(C1, EJ_MEDIANE, "Service mandataire 35", "340", "35", "P-PJM", "Médiane"),
                new Essms(D1, EJ_MEDIANE, "EHPAD Le Verger", "500", "35", "P-TROU", "Médiane"),
                new Essms(D2, EJ_MEDIANE, "EHPAD La Source", "500", "35", "P-TROU", "Médiane"));
        return new Referential(essms, projects, List.of(), List.of(), List.of());
    }

    /**
     * One ESSMS: {@code persons} accompanied since January 2026 (U1..); records D1.. of which the first
     * {@code active} were updated in October, the others in March; the first {@code projects} records hold an
     * active PP, the first {@code events} an agenda event in September; {@code messages} messages M(first)..;
     * the first {@code documents} persons a DMP document in October; the last {@code anonymous} persons carry
     * ANONYMAT.
     */
    static void essms(PackageVisitor v, String finess, int persons, int active, int projects, int events,
                      int messages, int messagesBefore, int documents, int anonymous) {
        for (int i = 1; i <= persons; i++) {
            v.row(PivotFile.USAGERS, new StayRow(finess, "U" + i, ENTRY, null,
                    i > persons - anonymous ? List.of("ANONYMAT") : List.of(), i + 1));
            v.row(PivotFile.DOSSIERS, new RecordRow(finess, "D" + i, "U" + i, ENTRY,
                    i <= active ? LocalDate.of(2026, 10, 10) : LocalDate.of(2026, 3, 10), i + 1));
            if (i <= projects) {
                v.row(PivotFile.PROJETS_PERSONNALISES, new ProjectRow(finess, "D" + i, "PP" + i, ProjectStatus.ACTIF,
                        LocalDate.of(2026, 2, 1), null, i + 1));
            }
            if (i <= events) {
                v.row(PivotFile.AGENDA, new EventRow(finess, "D" + i, "E" + i, LocalDate.of(2026, 9, 15),
                        EventStatus.REALISE, "rendez-vous", i + 1));
            }
            if (i <= documents) {
                v.row(PivotFile.DMP, new DocumentRow(finess, "D" + i, "DOC" + i, LocalDate.of(2026, 10, 5),
                        DmpStatus.DEPOSE, "CR", i + 1));
            }
        }
        for (int i = messagesBefore + 1; i <= messagesBefore + messages; i++) {
            v.row(PivotFile.MSS, new MessageRow(finess, "M" + i, LocalDate.of(2026, 9, 1 + i % 28), null,
                    "PROFESSIONNEL", i + 1));
        }
    }

    static ExportPackage pkg(String name) {
        return new ExportPackage(name, Path.of(name), SoldeCsv.sha256(name.getBytes(StandardCharsets.UTF_8)));
    }
}
