package fr.esms.indicateurs.ingest.tddui;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.Map;

/**
 * The package's patients, known by the references other resources make to them ({@code Patient/<id>} and the
 * entry's {@code fullUrl}), each as its pseudonym only: no name, birth date, address nor INS is read. The pseudonym
 * is computed on the patient's local identifier (stable across exports, as the guide requires), else on its logical
 * id. Memory grows with the number of patients, not of resources.
 */
final class PatientDirectory {

    static final String LOCAL_SYSTEM = "https://identifiant-medicosocial-localusager.esante.gouv.fr";

    /** A patient: its pseudonym and the FINESS its local identifier is prefixed with (unchecked; may be null). */
    record Person(String pseudonym, String finess) {
    }

    private final Pseudonymizer pseudonymizer;
    private final Map<String, Person> byReference = new HashMap<>();

    PatientDirectory(Pseudonymizer pseudonymizer) {
        this.pseudonymizer = pseudonymizer;
    }

    /** The person a Patient resource stands for. */
    Person person(FhirFileReader.Entry entry) {
        JsonNode patient = entry.resource();
        String local = localIdentifier(patient);
        String id = FhirValues.text(patient, "id");
        String input = local != null ? local : id != null ? "Patient/" + id : null;
        return input == null ? null : new Person(pseudonymizer.pseudonym(input), FhirValues.structureFiness(local));
    }

    void add(FhirFileReader.Entry entry) {
        Person person = person(entry);
        if (person == null) {
            return;
        }
        String id = FhirValues.text(entry.resource(), "id");
        if (id != null) {
            byReference.put("Patient/" + id, person);
        }
        if (entry.fullUrl() != null) {
            byReference.put(entry.fullUrl(), person);
        }
    }

    int size() {
        return byReference.size();
    }

    /**
     * The person a {@code subject} designates: a Patient of the package, else (a Patient the package does not hold)
     * the pseudonym of the logical id or of the identifier the reference carries.
     */
    Person resolve(JsonNode subject) throws Defect {
        if (subject == null || subject.isMissingNode()) {
            throw new Defect("subject", "usager absent (subject)");
        }
        String reference = FhirValues.text(subject, "reference");
        if (reference != null) {
            Person found = byReference.get(reference);
            String relative = relative(reference);
            if (found == null && relative != null) {
                found = byReference.get(relative);
            }
            if (found != null) {
                return found;
            }
            if (relative == null || !relative.startsWith("Patient/")) {
                throw new Defect("subject.reference", reference.startsWith("urn:")
                        ? "usager introuvable : la référence ne désigne aucun Patient du paquet"
                        : "la référence ne désigne pas un Patient");
            }
            return new Person(pseudonymizer.pseudonym(relative), null);
        }
        String identifier = FhirValues.text(subject.path("identifier"), "value");
        if (identifier != null) {
            return new Person(pseudonymizer.pseudonym(identifier), FhirValues.structureFiness(identifier));
        }
        throw new Defect("subject", "usager absent (subject sans reference ni identifier)");
    }

    /** {@code Patient/<id>} out of a relative or absolute reference (a version suffix dropped), or null. */
    private static String relative(String reference) {
        String r = reference;
        int history = r.indexOf("/_history/");
        if (history >= 0) {
            r = r.substring(0, history);
        }
        String[] parts = r.split("/");
        return parts.length >= 2 && !parts[parts.length - 1].isEmpty()
                ? parts[parts.length - 2] + "/" + parts[parts.length - 1] : null;
    }

    /** The local identifier of the patient (system of the guide, or type PI), never the INS. */
    private static String localIdentifier(JsonNode patient) {
        int i = FhirValues.identifierOf(patient, LOCAL_SYSTEM);
        if (i >= 0) {
            return FhirValues.identifierValue(patient, i);
        }
        JsonNode identifiers = patient.path("identifier");
        for (JsonNode identifier : identifiers) {
            for (JsonNode coding : identifier.path("type").path("coding")) {
                if ("PI".equals(FhirValues.text(coding, "code")) && FhirValues.text(identifier, "value") != null) {
                    return FhirValues.text(identifier, "value");
                }
            }
        }
        return null;
    }
}
