package fr.esms.indicateurs.generate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one generated package as the TDDUI guide shapes it: a transaction Bundle (Organization, Patient with its
 * local identifier and {@code meta.lastUpdated} = the record's last update, Encounter séjour and événement,
 * CarePlan projet personnalisé), with beside it the pivot files the guide does not carry ({@code mss.csv},
 * {@code dmp.csv}, whose {@code dossier_id} becomes the patient's local identifier, and the counters) and the same
 * {@code export.csv}. {@code modifications.csv} has no TDDUI form: its updates fall in the month of the record's
 * last update, which is all the indicators count.
 */
final class TdduiPackageWriter {

    private static final String PROFILES = "https://interop.esante.gouv.fr/ig/fhir/tddui/StructureDefinition/";
    private static final String BASE = "https://dui.example.fr/";
    private static final Map<String, String> EVENT_STATUS = Map.of("PREVU", "planned", "REALISE", "finished",
            "ANNULE", "cancelled");
    private static final Map<String, String> PROJECT_STATUS = Map.of("EN_PREPARATION", "draft", "ACTIF", "active",
            "CLOS", "completed", "ANNULE", "revoked");

    private final JsonFactory json = new JsonFactory();

    /** @param pivot the package's pivot files by name; returns the TDDUI package's files by name */
    Map<String, byte[]> write(Map<String, String> pivot, String finessEj, String extraction) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put("export.csv", bytes(pivot.get("export.csv")));
        // dossier (finess/dossier_id) -> person and last update
        Map<String, String[]> records = new HashMap<>();
        for (String[] r : rows(pivot.get("dossiers.csv"))) {
            records.put(r[0] + "/" + r[1], new String[]{r[2], r[4]});
        }
        ByteArrayOutputStream bundle = new ByteArrayOutputStream();
        try (JsonGenerator g = json.createGenerator(bundle)) {
            g.writeStartObject();
            g.writeStringField("resourceType", "Bundle");
            g.writeObjectFieldStart("meta");
            g.writeArrayFieldStart("profile");
            g.writeString(PROFILES + "tddui-bundle");
            g.writeEndArray();
            g.writeEndObject();
            g.writeStringField("type", "transaction");
            g.writeStringField("timestamp", extraction + "T06:00:00+01:00");
            g.writeArrayFieldStart("entry");
            entry(g, "Organization", "ej-" + finessEj);
            g.writeArrayFieldStart("identifier");
            identifier(g, "urn:oid:1.2.250.1.71.4.2.2", "1" + finessEj);
            g.writeEndArray();
            end(g, "Organization");
            Map<String, String> lastByPerson = new HashMap<>();
            for (Map.Entry<String, String[]> rec : records.entrySet()) {
                String key = rec.getKey().substring(0, rec.getKey().indexOf('/')) + "|" + rec.getValue()[0];
                lastByPerson.merge(key, rec.getValue()[1], (a, b) -> a.compareTo(b) >= 0 ? a : b);
            }
            Map<String, Boolean> patients = new LinkedHashMap<>();
            for (String[] r : rows(pivot.get("usagers.csv"))) {
                patients.put(r[0] + "|" + r[1], true);
            }
            for (String key : patients.keySet()) {
                String finess = key.substring(0, key.indexOf('|'));
                String person = key.substring(key.indexOf('|') + 1);
                String last = lastByPerson.get(key);
                entry(g, "Patient", patientId(finess, person));
                if (last != null) {
                    g.writeObjectFieldStart("meta");
                    g.writeStringField("lastUpdated", last + "T12:00:00+01:00");
                    g.writeEndObject();
                }
                g.writeArrayFieldStart("identifier");
                identifier(g, "https://identifiant-medicosocial-localusager.esante.gouv.fr", local(finess, person));
                g.writeEndArray();
                end(g, "Patient");
            }
            int n = 0;
            for (String[] r : rows(pivot.get("usagers.csv"))) {
                entry(g, "Encounter", "sej-" + (n++));
                profile(g, "tddui-encounter-sejour");
                if (r.length > 4 && !r[4].isEmpty()) {
                    g.writeArrayFieldStart("extension");
                    for (String code : r[4].split("\\|")) {
                        g.writeStartObject();
                        g.writeStringField("url", "urn:esms-indicateurs:fhir:motif-exclusion");
                        g.writeStringField("valueCode", code);
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                }
                g.writeArrayFieldStart("identifier");
                identifier(g, "https://identifiant-medicosocial-sejour.esante.gouv.fr",
                        "3" + r[0] + "/" + r[1] + "-SEJOUR-" + r[2]);
                g.writeEndArray();
                boolean exited = r.length > 3 && !r[3].isEmpty();
                g.writeStringField("status", exited ? "finished" : "in-progress");
                subject(g, patientId(r[0], r[1]));
                g.writeObjectFieldStart("period");
                g.writeStringField("start", r[2]);
                if (exited) {
                    g.writeStringField("end", r[3]);
                }
                g.writeEndObject();
                end(g, "Encounter");
            }
            for (String[] r : rows(pivot.get("agenda.csv"))) {
                String person = records.get(r[0] + "/" + r[1])[0];
                entry(g, "Encounter", "evt-" + (n++));
                profile(g, "tddui-encounter-evenement");
                g.writeArrayFieldStart("identifier");
                identifier(g, "https://identifiant-medicosocial-evenement.esante.gouv.fr", "3" + r[0] + "/" + r[2]);
                g.writeEndArray();
                g.writeStringField("status", EVENT_STATUS.get(r.length > 4 && !r[4].isEmpty() ? r[4] : "PREVU"));
                subject(g, patientId(r[0], person));
                g.writeObjectFieldStart("period");
                g.writeStringField("start", r[3]);
                g.writeEndObject();
                end(g, "Encounter");
            }
            for (String[] r : rows(pivot.get("projets_personnalises.csv"))) {
                String person = records.get(r[0] + "/" + r[1])[0];
                entry(g, "CarePlan", "pp-" + (n++));
                profile(g, "tddui-careplan-projet-personnalise");
                g.writeArrayFieldStart("identifier");
                identifier(g, "https://identifiant-medicosocial-projetpersonnalise.esante.gouv.fr",
                        "3" + r[0] + "/" + r[2]);
                g.writeEndArray();
                g.writeStringField("status", PROJECT_STATUS.get(r[3]));
                g.writeStringField("intent", "plan");
                subject(g, patientId(r[0], person));
                if (r.length > 4 && (!r[4].isEmpty() || (r.length > 5 && !r[5].isEmpty()))) {
                    g.writeObjectFieldStart("period");
                    if (!r[4].isEmpty()) {
                        g.writeStringField("start", r[4]);
                    }
                    if (r.length > 5 && !r[5].isEmpty()) {
                        g.writeStringField("end", r[5]);
                    }
                    g.writeEndObject();
                }
                end(g, "CarePlan");
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.put("bundle.json", bundle.toByteArray());
        out.put("mss.csv", bytes(withLocalRecord(pivot.get("mss.csv"), 3, records)));
        out.put("dmp.csv", bytes(withLocalRecord(pivot.get("dmp.csv"), 1, records)));
        out.put("eprescription.csv", bytes(pivot.get("eprescription.csv")));
        out.put("eparcours.csv", bytes(pivot.get("eparcours.csv")));
        return out;
    }

    private static String local(String finess, String person) {
        return "3" + finess + "/" + person;
    }

    private static String patientId(String finess, String person) {
        return "pat-" + finess + "-" + person;
    }

    /** The CSV with its {@code dossier_id} column (index) replaced by the patient's local identifier. */
    private static String withLocalRecord(String csv, int column, Map<String, String[]> records) {
        String[] lines = csv.split("\n");
        StringBuilder sb = new StringBuilder(lines[0]).append('\n');
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(";", -1);
            String[] record = f[column].isEmpty() ? null : records.get(f[0] + "/" + f[column]);
            if (record != null) {
                f[column] = local(f[0], record[0]);
            }
            sb.append(String.join(";", f)).append('\n');
        }
        return sb.toString();
    }

    private static List<String[]> rows(String csv) {
        String[] lines = csv.split("\n");
        return java.util.Arrays.stream(lines).skip(1).filter(l -> !l.isEmpty()).map(l -> l.split(";", -1)).toList();
    }

    private static void entry(JsonGenerator g, String type, String id) throws IOException {
        g.writeStartObject();
        g.writeStringField("fullUrl", BASE + type + "/" + id);
        g.writeObjectFieldStart("resource");
        g.writeStringField("resourceType", type);
        g.writeStringField("id", id);
    }

    private static void end(JsonGenerator g, String type) throws IOException {
        g.writeEndObject();
        g.writeObjectFieldStart("request");
        g.writeStringField("method", "POST");
        g.writeStringField("url", type);
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void profile(JsonGenerator g, String profile) throws IOException {
        g.writeObjectFieldStart("meta");
        g.writeArrayFieldStart("profile");
        g.writeString(PROFILES + profile);
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void identifier(JsonGenerator g, String system, String value) throws IOException {
        g.writeStartObject();
        g.writeStringField("system", system);
        g.writeStringField("value", value);
        g.writeEndObject();
    }

    private static void subject(JsonGenerator g, String patientId) throws IOException {
        g.writeObjectFieldStart("subject");
        g.writeStringField("reference", "Patient/" + patientId);
        g.writeEndObject();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
