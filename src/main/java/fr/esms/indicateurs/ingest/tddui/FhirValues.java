package fr.esms.indicateurs.ingest.tddui;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading the few FHIR datatypes the mapping needs out of a resource's JSON tree. */
final class FhirValues {

    static final String PROFILES = "https://interop.esante.gouv.fr/ig/fhir/tddui/StructureDefinition/";

    /** A FHIR date or dateTime: the day as written (the ESSMS's local day), the time and offset are not used. */
    private static final Pattern DAY = Pattern.compile("([0-9]{4})-([0-9]{2})-([0-9]{2})(T[0-9:.]+(Z|[+-][0-9]{2}:[0-9]{2})?)?");
    private static final Pattern PARTIAL = Pattern.compile("[0-9]{4}(-[0-9]{2})?");

    private FhirValues() {
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isValueNode() || value.asText().isBlank() ? null : value.asText().trim();
    }

    /** Whether {@code meta.profile} names this TDDUI profile (with or without a {@code |version}). */
    static boolean hasProfile(JsonNode resource, String profileId) {
        for (JsonNode profile : resource.path("meta").path("profile")) {
            String canonical = profile.asText("");
            int bar = canonical.indexOf('|');
            if ((bar < 0 ? canonical : canonical.substring(0, bar)).equals(PROFILES + profileId)) {
                return true;
            }
        }
        return false;
    }

    /** The index of the first identifier of this system with a value, or -1. */
    static int identifierOf(JsonNode resource, String system) {
        JsonNode identifiers = resource.path("identifier");
        for (int i = 0; i < identifiers.size(); i++) {
            if (system.equals(text(identifiers.get(i), "system")) && text(identifiers.get(i), "value") != null) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the identifier of this system, else of the first one with a value, or -1. */
    static int identifierPreferring(JsonNode resource, String system) {
        int preferred = identifierOf(resource, system);
        if (preferred >= 0) {
            return preferred;
        }
        JsonNode identifiers = resource.path("identifier");
        for (int i = 0; i < identifiers.size(); i++) {
            if (text(identifiers.get(i), "value") != null) {
                return i;
            }
        }
        return -1;
    }

    static String identifierValue(JsonNode resource, int index) {
        return index < 0 ? null : text(resource.path("identifier").get(index), "value");
    }

    /**
     * The FINESS an identifier of the guide is prefixed with: {@code 3480787529/…} or {@code 1480787529/…} (the
     * structure's national identifier, a one-character type then the 9-character FINESS), or null.
     */
    static String structureFiness(String identifier) {
        if (identifier == null || identifier.indexOf('/') != 10) {
            return null;
        }
        char type = identifier.charAt(0);
        return type == '1' || type == '3' ? identifier.substring(1, 10) : null;
    }

    /** The day of a FHIR date/dateTime/instant element, null when absent. */
    static LocalDate day(JsonNode node, String field, String path) throws Defect {
        return parseDay(text(node, field), path);
    }

    static LocalDate parseDay(String value, String path) throws Defect {
        if (value == null) {
            return null;
        }
        Matcher m = DAY.matcher(value);
        if (!m.matches()) {
            throw new Defect(path, PARTIAL.matcher(value).matches() ? "date partielle (le jour est nécessaire)"
                    : "date mal formée (FHIR : AAAA-MM-JJ ou AAAA-MM-JJThh:mm:ss+zz:zz)");
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            throw new Defect(path, "date impossible");
        }
    }

    /** The day of {@code meta.lastUpdated}, or null when absent or not an instant (it is then not used). */
    static LocalDate lastUpdated(JsonNode resource) {
        return lastUpdated(text(resource.path("meta"), "lastUpdated"));
    }

    static LocalDate lastUpdated(String instant) {
        try {
            return parseDay(instant, "meta.lastUpdated");
        } catch (Defect notAnInstant) {
            return null;
        }
    }
}
