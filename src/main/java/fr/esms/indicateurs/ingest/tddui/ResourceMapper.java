package fr.esms.indicateurs.ingest.tddui;

import com.fasterxml.jackson.databind.JsonNode;
import fr.esms.indicateurs.ingest.PivotFile;
import fr.esms.indicateurs.ingest.PivotRow;
import fr.esms.indicateurs.ingest.PivotRow.EventRow;
import fr.esms.indicateurs.ingest.PivotRow.ProjectRow;
import fr.esms.indicateurs.ingest.PivotRow.StayRow;
import fr.esms.indicateurs.rules.EssmsActivity.EventStatus;
import fr.esms.indicateurs.rules.EssmsActivity.ProjectStatus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The mapping of the TDDUI profiles onto the pivot rows, in one place (documented as a table in
 * {@code docs/tddui.md}):
 *
 * <pre>
 * TDDUI element                              pivot column
 * Encounter séjour                           usagers.csv
 *   identifier (sejour).value prefix         finess (else the patient's local identifier prefix)
 *   subject → Patient local identifier       usager_id (pseudonym)
 *   period.start / period.end                date_entree / date_sortie
 *   extension motif-exclusion (this project) motifs_exclusion
 * Encounter événement                        agenda.csv
 *   identifier (evenement).value             evenement_id (pseudonym); its prefix: finess
 *   subject                                  dossier_id (the patient's record, pseudonym)
 *   period.start                             date_evenement
 *   status planned|triaged/finished/cancelled statut PREVU / REALISE / ANNULE
 * CarePlan projet personnalisé               projets_personnalises.csv
 *   identifier (projetpersonnalise).value    pp_id (pseudonym); its prefix: finess
 *   subject                                  dossier_id
 *   status draft/active|on-hold/completed/revoked|entered-in-error
 *                                            statut EN_PREPARATION / ACTIF / CLOS / ANNULE
 *   period.start / period.end                date_debut / date_fin
 * Patient + meta.lastUpdated of its resources dossiers.csv (see {@link RecordLedger})
 * </pre>
 *
 * Every identifier is pseudonymised: the guide builds them on the INS-NIR ({@code …/147720425367411-SEJOUR-1012}).
 */
final class ResourceMapper {

    static final String STAY_PROFILE = "tddui-encounter-sejour";
    static final String EVENT_PROFILE = "tddui-encounter-evenement";
    static final String PROJECT_PROFILE = "tddui-careplan-projet-personnalise";
    static final String STAY_SYSTEM = "https://identifiant-medicosocial-sejour.esante.gouv.fr";
    static final String EVENT_SYSTEM = "https://identifiant-medicosocial-evenement.esante.gouv.fr";
    static final String PROJECT_SYSTEM = "https://identifiant-medicosocial-projetpersonnalise.esante.gouv.fr";
    /** Not in the guide, which has no element for it: this project's extension for {@code motifs_exclusion}. */
    static final String EXCLUSION_EXTENSION = "urn:esms-indicateurs:fhir:motif-exclusion";

    static final Map<String, EventStatus> EVENT_STATUSES = Map.of("planned", EventStatus.PREVU,
            "triaged", EventStatus.PREVU, "finished", EventStatus.REALISE, "cancelled", EventStatus.ANNULE);
    /** on-hold: the project is suspended, not ended: still in force. */
    static final Map<String, ProjectStatus> PROJECT_STATUSES = Map.of("draft", ProjectStatus.EN_PREPARATION,
            "active", ProjectStatus.ACTIF, "on-hold", ProjectStatus.ACTIF, "completed", ProjectStatus.CLOS,
            "revoked", ProjectStatus.ANNULE, "entered-in-error", ProjectStatus.ANNULE);

    private static final Pattern CODE = Pattern.compile("[A-Z0-9_]{1,40}");

    enum Kind {
        STAY("Encounter (séjour)"), EVENT("Encounter (événement)"), PROJECT("CarePlan (projet personnalisé)");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** A resource mapped to a pivot row. */
    record Mapped(PivotFile file, PivotRow row) {
    }

    private final PatientDirectory patients;
    private final Pseudonymizer pseudonymizer;
    private final FinessCheck finessCheck;
    private final RecordLedger ledger;

    ResourceMapper(PatientDirectory patients, Pseudonymizer pseudonymizer, FinessCheck finessCheck,
                   RecordLedger ledger) {
        this.patients = patients;
        this.pseudonymizer = pseudonymizer;
        this.finessCheck = finessCheck;
        this.ledger = ledger;
    }

    /** The kind of a resource the indicators use, or null (Patient, Organization and the others). */
    static Kind kindOf(JsonNode resource) {
        String type = resource.path("resourceType").asText("");
        if (type.equals("Encounter")) {
            if (FhirValues.hasProfile(resource, STAY_PROFILE)) {
                return Kind.STAY;
            }
            if (FhirValues.hasProfile(resource, EVENT_PROFILE)) {
                return Kind.EVENT;
            }
            if (FhirValues.identifierOf(resource, STAY_SYSTEM) >= 0) {
                return Kind.STAY;
            }
            if (FhirValues.identifierOf(resource, EVENT_SYSTEM) >= 0 || resource.has("partOf")) {
                return Kind.EVENT;
            }
            return Kind.STAY;
        }
        if (type.equals("CarePlan") && (FhirValues.hasProfile(resource, PROJECT_PROFILE)
                || FhirValues.identifierOf(resource, PROJECT_SYSTEM) >= 0)) {
            return Kind.PROJECT;
        }
        return null;
    }

    Mapped map(FhirFileReader.Entry entry, Kind kind, RecordLedger.Origin origin) throws Defect {
        JsonNode r = entry.resource();
        PatientDirectory.Person person = patients.resolve(r.get("subject"));
        return switch (kind) {
            case STAY -> stay(r, person, entry.position(), origin);
            case EVENT -> event(r, person, entry.position(), origin);
            case PROJECT -> project(r, person, entry.position(), origin);
        };
    }

    private Mapped stay(JsonNode r, PatientDirectory.Person person, long position, RecordLedger.Origin origin)
            throws Defect {
        int id = FhirValues.identifierPreferring(r, STAY_SYSTEM);
        String finess = essms(r, id, person);
        String status = FhirValues.text(r, "status");
        if ("cancelled".equals(status) || "entered-in-error".equals(status)) {
            throw new Defect("status", "séjour annulé ou saisi par erreur : non compté");
        }
        LocalDate entry = FhirValues.day(r.path("period"), "start", "period.start");
        if (entry == null) {
            throw new Defect("period.start", "séjour sans date d'entrée (period.start)");
        }
        LocalDate exit = FhirValues.day(r.path("period"), "end", "period.end");
        if (exit != null && exit.isBefore(entry)) {
            throw new Defect("period.end", "date de sortie antérieure à la date d'entrée (" + entry + ")");
        }
        List<String> codes = new ArrayList<>();
        JsonNode extensions = r.path("extension");
        for (int i = 0; i < extensions.size(); i++) {
            if (EXCLUSION_EXTENSION.equals(FhirValues.text(extensions.get(i), "url"))) {
                String code = FhirValues.text(extensions.get(i), "valueCode");
                if (code == null || !CODE.matcher(code).matches()) {
                    throw new Defect("extension[" + i + "].valueCode", "motif d'exclusion absent ou mal formé");
                }
                codes.add(code);
            }
        }
        ledger.touch(person.pseudonym(), finess, origin, entry, FhirValues.lastUpdated(r));
        return new Mapped(PivotFile.USAGERS, new StayRow(finess, person.pseudonym(), entry, exit, List.copyOf(codes),
                position));
    }

    private Mapped event(JsonNode r, PatientDirectory.Person person, long position, RecordLedger.Origin origin)
            throws Defect {
        int id = FhirValues.identifierPreferring(r, EVENT_SYSTEM);
        String finess = essms(r, id, person);
        String eventId = pseudonymOf(r, id, "Encounter");
        LocalDate date = FhirValues.day(r.path("period"), "start", "period.start");
        if (date == null) {
            throw new Defect("period.start", "événement sans date (period.start)");
        }
        EventStatus status = EVENT_STATUSES.get(FhirValues.text(r, "status"));
        if (status == null) {
            throw new Defect("status", "statut " + R4.shown(FhirValues.text(r, "status")) + " absent ou hors de ceux"
                    + " du guide pour un événement (planned, triaged, finished, cancelled)");
        }
        ledger.touch(person.pseudonym(), finess, origin, date, FhirValues.lastUpdated(r));
        return new Mapped(PivotFile.AGENDA, new EventRow(finess, person.pseudonym(), eventId, date, status, null,
                position));
    }

    private Mapped project(JsonNode r, PatientDirectory.Person person, long position, RecordLedger.Origin origin)
            throws Defect {
        int id = FhirValues.identifierPreferring(r, PROJECT_SYSTEM);
        String finess = essms(r, id, person);
        String projectId = pseudonymOf(r, id, "CarePlan");
        ProjectStatus status = PROJECT_STATUSES.get(FhirValues.text(r, "status"));
        if (status == null) {
            throw new Defect("status", "statut " + R4.shown(FhirValues.text(r, "status")) + " absent ou inconnu pour"
                    + " un projet personnalisé (draft, active, on-hold, completed, revoked, entered-in-error)");
        }
        LocalDate start = FhirValues.day(r.path("period"), "start", "period.start");
        LocalDate end = FhirValues.day(r.path("period"), "end", "period.end");
        if (start != null && end != null && end.isBefore(start)) {
            throw new Defect("period.end", "date de fin antérieure à la date de début (" + start + ")");
        }
        ledger.touch(person.pseudonym(), finess, origin, start, FhirValues.lastUpdated(r));
        return new Mapped(PivotFile.PROJETS_PERSONNALISES, new ProjectRow(finess, person.pseudonym(), projectId,
                status, start, end, position));
    }

    /** The checked FINESS of the resource's ESSMS: its identifier's prefix, else its patient's. */
    private String essms(JsonNode r, int identifier, PatientDirectory.Person person) throws Defect {
        String own = FhirValues.structureFiness(FhirValues.identifierValue(r, identifier));
        if (own != null) {
            return finessCheck.check(own, "identifier[" + identifier + "].value");
        }
        return finessCheck.check(person.finess(), person.finess() == null
                ? (identifier < 0 ? "identifier" : "identifier[" + identifier + "].value") : "subject");
    }

    /** The pseudonym of the resource's identifier, else of its logical id (stable on the editor's server). */
    private String pseudonymOf(JsonNode r, int identifier, String type) throws Defect {
        String value = FhirValues.identifierValue(r, identifier);
        if (value != null) {
            return pseudonymizer.pseudonym(value);
        }
        String id = FhirValues.text(r, "id");
        if (id == null) {
            throw new Defect("identifier", "ni identifiant (identifier.value) ni id logique");
        }
        return pseudonymizer.pseudonym(type + "/" + id);
    }
}
