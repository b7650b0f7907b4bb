package fr.esms.indicateurs.ingest.tddui;

import com.fasterxml.jackson.databind.JsonNode;
import fr.esms.indicateurs.ingest.Manifest;
import fr.esms.indicateurs.rules.Finess;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The first reading of a package's FHIR files: the patients (by reference, as pseudonyms), the entités juridiques
 * and the dates a manifest can be derived from when the package has no {@code export.csv}.
 */
final class PackageSurvey {

    static final String EDITOR_UNKNOWN = "non renseigné (export TDDUI sans export.csv)";
    static final String SOFTWARE = "TDDUI";
    /** The national structure identifier's system (IDNST: 1 + FINESS for an entité juridique). */
    static final String IDNST = "urn:oid:1.2.250.1.71.4.2.2";

    /** Where an element was seen: file, entry position, FHIRPath. */
    record Place(String file, long position, String path) {
    }

    /** A manifest that cannot be derived: the package is rejected whole. */
    static final class NoManifest extends Exception {
        final Place place;

        NoManifest(Place place, String reason) {
            super(reason, null, false, false);
            this.place = place;
        }
    }

    private final PatientDirectory patients;
    private final Map<String, Place> legalEntities = new LinkedHashMap<>();
    private LocalDate timestamp;
    private LocalDate lastUpdated;
    private LocalDate firstActivity;
    private LocalDate lastActivity;

    PackageSurvey(PatientDirectory patients) {
        this.patients = patients;
    }

    void entry(String file, FhirFileReader.Entry entry) {
        JsonNode r = entry.resource();
        if (r == null) {
            return;
        }
        LocalDate updated = FhirValues.lastUpdated(r);
        if (updated != null && (lastUpdated == null || updated.isAfter(lastUpdated))) {
            lastUpdated = updated;
        }
        String type = entry.type();
        if (type.equals("Patient")) {
            patients.add(entry);
        } else if (type.equals("Organization")) {
            JsonNode identifiers = r.path("identifier");
            for (int i = 0; i < identifiers.size(); i++) {
                String value = FhirValues.text(identifiers.get(i), "value");
                if (IDNST.equals(FhirValues.text(identifiers.get(i), "system")) && value != null) {
                    String finess = value.length() == 10 && value.charAt(0) == '1' ? value.substring(1) : value;
                    legalEntities.putIfAbsent(finess, new Place(file, entry.position(),
                            entry.path() + ".identifier[" + i + "].value"));
                }
            }
        } else {
            ResourceMapper.Kind kind = ResourceMapper.kindOf(r);
            if (kind == ResourceMapper.Kind.EVENT || kind == ResourceMapper.Kind.PROJECT) {
                try {
                    activity(FhirValues.day(r.path("period"), "start", "period.start"));
                } catch (Defect d) {
                    // reported when the resource is mapped
                }
            }
        }
    }

    void bundle(FhirFileReader.BundleInfo info) {
        LocalDate updated = FhirValues.lastUpdated(info.lastUpdated());
        if (updated != null && (lastUpdated == null || updated.isAfter(lastUpdated))) {
            lastUpdated = updated;
        }
        try {
            LocalDate t = FhirValues.parseDay(info.timestamp(), "Bundle.timestamp");
            if (t != null && (timestamp == null || t.isAfter(timestamp))) {
                timestamp = t;
            }
        } catch (Defect d) {
            // not an instant: not used
        }
    }

    private void activity(LocalDate day) {
        if (day == null) {
            return;
        }
        firstActivity = firstActivity == null || day.isBefore(firstActivity) ? day : firstActivity;
        lastActivity = lastActivity == null || day.isAfter(lastActivity) ? day : lastActivity;
    }

    /**
     * The manifest of a package without {@code export.csv}: the Organization's FINESS juridique, the latest
     * {@code Bundle.timestamp} else the latest {@code meta.lastUpdated} as extraction date, and as period the months
     * of the events and projets personnalisés up to the extraction (the extraction's month when there are none).
     */
    Manifest manifest(String firstFile) throws NoManifest {
        if (legalEntities.isEmpty()) {
            throw new NoManifest(new Place(firstFile, 0, ""), "ni export.csv ni Organization identifiée par son FINESS"
                    + " juridique (identifier " + IDNST + ") : entité juridique inconnue");
        }
        if (legalEntities.size() > 1) {
            throw new NoManifest(new Place(firstFile, 0, ""), "plusieurs entités juridiques (Organization) : "
                    + String.join(", ", legalEntities.keySet()) + " ; un paquet vient d'une seule (ajouter un export.csv)");
        }
        Map.Entry<String, Place> ej = legalEntities.entrySet().iterator().next();
        Finess.Verdict verdict = Finess.check(ej.getKey());
        if (!Finess.isAcceptable(verdict)) {
            throw new NoManifest(ej.getValue(), "FINESS juridique de l'Organization : " + Finess.explain(verdict)
                    + " (FINESS " + ej.getKey() + ")");
        }
        LocalDate extraction = timestamp != null ? timestamp : lastUpdated;
        if (extraction == null) {
            throw new NoManifest(new Place(firstFile, 0, "Bundle.timestamp"), "date d'extraction inconnue : ni"
                    + " Bundle.timestamp ni meta.lastUpdated, et pas d'export.csv");
        }
        LocalDate start = firstActivity != null && !firstActivity.isAfter(extraction)
                ? firstActivity.withDayOfMonth(1) : extraction.withDayOfMonth(1);
        LocalDate end = lastActivity != null && !lastActivity.isAfter(extraction) && !lastActivity.isBefore(start)
                ? lastActivity.withDayOfMonth(lastActivity.lengthOfMonth()) : extraction;
        if (end.isAfter(extraction)) {
            end = extraction;
        }
        return new Manifest(EDITOR_UNKNOWN, SOFTWARE, null, ej.getKey(), extraction, start, end);
    }
}
