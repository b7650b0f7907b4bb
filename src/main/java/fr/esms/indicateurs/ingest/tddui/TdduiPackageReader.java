package fr.esms.indicateurs.ingest.tddui;

import fr.esms.indicateurs.ingest.FileSummary;
import fr.esms.indicateurs.ingest.Manifest;
import fr.esms.indicateurs.ingest.PackageContent;
import fr.esms.indicateurs.ingest.PackageFormat;
import fr.esms.indicateurs.ingest.PackageReader;
import fr.esms.indicateurs.ingest.PackageVisitor;
import fr.esms.indicateurs.ingest.PivotFile;
import fr.esms.indicateurs.ingest.Rejection;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Reads a package that holds the ANS "Transfert de données DUI" (TDDUI) FHIR R4 export: {@code .json} files (Bundles
 * of type transaction, batch, collection or searchset, or single resources) and {@code .ndjson} files, with or
 * without an {@code export.csv}, and the pivot CSV files of what the guide does not carry ({@link CsvComplement}).
 *
 * <p>Two passes over each FHIR file, each streaming one resource at a time: the first checks that the file is JSON
 * and FHIR R4 (else it is rejected whole), learns the patients and what a manifest is derived from; the second maps
 * the resources ({@link ResourceMapper}) and hands the rows out. The DUI records come last ({@link RecordLedger}).
 * Identities never leave this class: every identifier is a pseudonym, a rejected resource is told by its position,
 * type and FHIRPath, never by its content.
 */
public final class TdduiPackageReader implements PackageFormat {

    /** The name under which the records derived from the patients are counted and rejected. */
    public static final String RECORDS = "dossiers (déduits du TDDUI)";

    private final Predicate<String> inReferential;
    private final PseudonymKey key;
    private final PackageReader pivot;

    public TdduiPackageReader(Predicate<String> inReferential, PseudonymKey key) {
        this.inReferential = inReferential;
        this.key = key;
        this.pivot = new PackageReader(inReferential);
    }

    /** Pivot files the TDDUI stands for: a package holding one is a pivot package, whatever else it holds. */
    private static final List<String> PIVOT_ONLY = List.of("usagers.csv", "dossiers.csv", "modifications.csv",
            "projets_personnalises.csv", "agenda.csv", "agregats.csv");

    @Override
    public boolean recognises(List<String> files) {
        return files.stream().anyMatch(TdduiPackageReader::isFhir)
                && files.stream().noneMatch(f -> PIVOT_ONLY.contains(f.toLowerCase(Locale.ROOT)));
    }

    static boolean isFhir(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".json") || lower.endsWith(".ndjson");
    }

    private static boolean isNdjson(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".ndjson");
    }

    @Override
    public void read(String packageName, PackageContent content, PackageVisitor visitor) throws IOException {
        List<String> fhirFiles = content.files().stream().filter(TdduiPackageReader::isFhir).toList();
        content.verify(fhirFiles);
        Pseudonymizer pseudonymizer = key.pseudonymizer();
        PatientDirectory patients = new PatientDirectory(pseudonymizer);
        PackageSurvey survey = new PackageSurvey(patients);
        FhirFileReader reader = new FhirFileReader();
        Map<String, String> notFhir = new LinkedHashMap<>();
        for (String file : fhirFiles) {
            try (InputStream in = content.open(file)) {
                survey.bundle(reader.read(in, isNdjson(file), entry -> survey.entry(file, entry)));
            } catch (FhirFileReader.NotFhir e) {
                notFhir.put(file, e.getMessage());
            }
        }
        boolean hasManifest = content.files().stream().anyMatch(n -> n.equalsIgnoreCase(PackageContent.MANIFEST));
        Manifest derived = null;
        if (!hasManifest) {
            if (notFhir.size() == fhirFiles.size()) {
                String file = fhirFiles.get(0);
                visitor.packageRejected(new Rejection(packageName, file, 0, "", "", "paquet « " + packageName
                        + " » sans export.csv et sans fichier FHIR R4 lisible (" + file + " : " + notFhir.get(file)
                        + ") : paquet rejeté en entier"));
                return;
            }
            try {
                derived = survey.manifest(fhirFiles.get(0));
            } catch (PackageSurvey.NoManifest e) {
                visitor.packageRejected(new Rejection(packageName, e.place.file(), e.place.position(),
                        e.place.path(), "", "paquet « " + packageName + " », " + e.place.file()
                        + (e.place.path().isEmpty() ? "" : ", " + e.place.path()) + " : " + e.getMessage()
                        + " : paquet rejeté en entier"));
                return;
            }
        }
        CsvComplement complement = new CsvComplement(content, derived);
        CsvComplement.Visitor csv = new CsvComplement.Visitor(visitor, pseudonymizer);
        pivot.read(packageName, complement, csv);
        if (csv.rejected() || csv.manifestRead() == null) {
            return;
        }
        visitor.warning("", 0, "paquet lu au format TDDUI (FHIR R4, guide « Transfert de données DUI »)"
                + (derived == null ? "" : " ; manifeste déduit des ressources (pas d'export.csv)"));
        complement.ignored().forEach(name -> visitor.warning(name, 0,
                "fichier CSV qu'un paquet TDDUI n'utilise pas (seuls mss.csv, dmp.csv, eprescription.csv et"
                        + " eparcours.csv complètent le TDDUI) : ignoré"));
        for (var source : new TreeMap<>(CsvComplement.SOURCES).entrySet()) {
            if (!csv.hasRead(source.getKey())) {
                String message = "source " + source.getValue() + " absente : le TDDUI ne la porte pas et le paquet"
                        + " n'a pas de " + source.getKey().fileName() + " ; l'indicateur est calculé sans ce paquet";
                visitor.warning(source.getKey().fileName(), 0, message);
                // A line of its own in the workbook's file table (not a rejection: nothing was refused).
                visitor.fileRead(new FileSummary(source.getKey().fileName() + " : source absente (ni TDDUI ni "
                        + source.getKey().fileName() + ")", 0, 0, 0, null));
            }
        }
        FinessCheck finess = new FinessCheck(inReferential);
        RecordLedger ledger = new RecordLedger(csv.manifestRead().extractionDate());
        ResourceMapper mapper = new ResourceMapper(patients, pseudonymizer, finess, ledger);
        for (String file : fhirFiles) {
            if (notFhir.containsKey(file)) {
                String reason = notFhir.get(file) + " : fichier rejeté en entier";
                visitor.rejection(new Rejection(packageName, file, 0, "", "", reason));
                visitor.fileRead(new FileSummary(file, 0, 0, 0, reason));
                continue;
            }
            FileMapping mapping = new FileMapping(packageName, file, mapper, patients, ledger, visitor);
            try (InputStream in = content.open(file)) {
                reader.read(in, isNdjson(file), mapping::entry);
            } catch (FhirFileReader.NotFhir e) {
                throw new IllegalStateException("file changed between its two readings: " + file);
            }
            finess.drainKeyUnchecked().forEach(f -> visitor.warning(file, 0, "numéro FINESS corse " + f
                    + " : clé de contrôle non vérifiée (ressources acceptées)"));
            mapping.finish();
        }
        emitRecords(packageName, ledger, finess, visitor);
    }

    private static void emitRecords(String packageName, RecordLedger ledger, FinessCheck finess,
                                    PackageVisitor visitor) {
        long kept = 0;
        long rejected = 0;
        List<RecordLedger.Outcome> outcomes = ledger.records(finess);
        for (RecordLedger.Outcome o : outcomes) {
            if (o.record() != null) {
                kept++;
                visitor.row(PivotFile.DOSSIERS, o.record());
                o.modifications().forEach(m -> visitor.row(PivotFile.MODIFICATIONS, m));
            } else {
                rejected++;
                visitor.rejection(new Rejection(packageName, o.origin().file(), o.origin().position(),
                        o.origin().path() + "." + o.defect().element(), "",
                        "dossier de l'usager : " + o.defect().getMessage()));
            }
        }
        finess.drainKeyUnchecked().forEach(f -> visitor.warning(RECORDS, 0, "numéro FINESS corse " + f
                + " : clé de contrôle non vérifiée (dossiers acceptés)"));
        visitor.fileRead(new FileSummary(RECORDS, outcomes.size(), kept, rejected, null));
    }

    /** The second reading of one FHIR file: its resources mapped, counted and rejected. */
    private static final class FileMapping {
        private final String packageName;
        private final String file;
        private final ResourceMapper mapper;
        private final PatientDirectory patients;
        private final RecordLedger ledger;
        private final PackageVisitor visitor;
        private final Map<String, Integer> ignored = new TreeMap<>();
        private long read;
        private long kept;
        private long rejected;

        FileMapping(String packageName, String file, ResourceMapper mapper, PatientDirectory patients,
                    RecordLedger ledger, PackageVisitor visitor) {
            this.packageName = packageName;
            this.file = file;
            this.mapper = mapper;
            this.patients = patients;
            this.ledger = ledger;
            this.visitor = visitor;
        }

        void entry(FhirFileReader.Entry entry) {
            if (entry.resource() == null) {
                ignored.merge("entrée sans ressource", 1, Integer::sum);
                return;
            }
            if ("DELETE".equals(entry.method())) {
                ignored.merge("entrée DELETE", 1, Integer::sum);
                return;
            }
            RecordLedger.Origin origin = new RecordLedger.Origin(file, entry.position(), entry.path());
            if ("Organization".equals(entry.type())) {
                return; // the entité juridique: read for the manifest only
            }
            if ("Patient".equals(entry.type())) {
                PatientDirectory.Person person = patients.person(entry);
                if (person != null) {
                    ledger.patient(person.pseudonym(), person.finess(), origin,
                            FhirValues.lastUpdated(entry.resource()));
                }
                return;
            }
            ResourceMapper.Kind kind = ResourceMapper.kindOf(entry.resource());
            if (kind == null) {
                ignored.merge(entry.type(), 1, Integer::sum);
                return;
            }
            read++;
            try {
                ResourceMapper.Mapped mapped = mapper.map(entry, kind, origin);
                kept++;
                visitor.row(mapped.file(), mapped.row());
            } catch (Defect d) {
                rejected++;
                visitor.rejection(new Rejection(packageName, file, entry.position(),
                        entry.path() + "." + d.element(), "", kind.label + " : " + d.getMessage()));
            }
        }

        void finish() {
            if (!ignored.isEmpty()) {
                List<String> counts = new ArrayList<>();
                ignored.forEach((type, n) -> counts.add(type + " " + n));
                visitor.warning(file, 0, "ressources sans usage pour les indicateurs, ignorées : "
                        + String.join(", ", counts));
            }
            visitor.fileRead(new FileSummary(file, read, kept, rejected, null));
        }
    }
}
