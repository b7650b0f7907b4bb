package fr.esms.indicateurs.ingest.tddui;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Streams the resources of one FHIR R4 JSON file: a Bundle (its {@code entry} array is read one entry at a time, so
 * memory holds one resource, never the bundle), a single resource, or NDJSON (one resource a line, the Bulk Data
 * convention). Checks that the file is JSON and FHIR R4; a message never quotes the file's content, only where
 * (line, column, FHIRPath) and which type.
 */
final class FhirFileReader {

    /** One resource: its position (bundle entry from 1, or NDJSON line), its FHIRPath, its entry's fullUrl. */
    record Entry(long position, String path, String fullUrl, String method, JsonNode resource) {
        String type() {
            return resource == null ? null : resource.path("resourceType").asText(null);
        }
    }

    /** The bundle's own elements (all null for NDJSON or a single resource). */
    record BundleInfo(String type, String timestamp, String lastUpdated) {
        static final BundleInfo NONE = new BundleInfo(null, null, null);
    }

    interface Handler {
        void entry(Entry entry);
    }

    /** The file is not JSON or not FHIR R4: it is rejected whole, with this French reason. */
    static final class NotFhir extends Exception {
        NotFhir(String reason) {
            super(reason, null, false, false);
        }
    }

    private final ObjectMapper mapper = new ObjectMapper();

    BundleInfo read(InputStream in, boolean ndjson, Handler handler) throws IOException, NotFhir {
        return ndjson ? readLines(in, handler) : readDocument(in, handler);
    }

    private BundleInfo readDocument(InputStream in, Handler handler) throws IOException, NotFhir {
        try (JsonParser p = mapper.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new NotFhir("le fichier n'est pas un objet JSON (ressource FHIR attendue)");
            }
            ObjectNode top = mapper.createObjectNode();
            long position = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("entry") && value == JsonToken.START_ARRAY) {
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        String path = "Bundle.entry[" + position + "]";
                        position++;
                        if (p.currentToken() != JsonToken.START_OBJECT) {
                            throw new NotFhir(path + " n'est pas un objet JSON");
                        }
                        JsonNode entry = mapper.readTree(p);
                        JsonNode resource = entry.get("resource");
                        if (resource != null) {
                            checkResource(resource, path + ".resource");
                        }
                        handler.entry(new Entry(position, path + ".resource", text(entry.get("fullUrl")),
                                text(entry.path("request").get("method")), resource));
                    }
                } else {
                    top.set(name, mapper.readTree(p));
                }
            }
            if (p.nextToken() != null) {
                throw new NotFhir("contenu après la fin de l'objet JSON");
            }
            String type = checkResource(top, "");
            if (!type.equals("Bundle")) {
                if (position > 0) {
                    throw new NotFhir("élément « entry » dans une ressource " + type + " : pas un Bundle FHIR R4");
                }
                handler.entry(new Entry(1, type, null, null, top));
                return BundleInfo.NONE;
            }
            String bundleType = text(top.get("type"));
            if (!R4.BUNDLE_TYPES.contains(bundleType)) {
                throw new NotFhir("Bundle.type " + R4.shown(bundleType) + " inconnu de FHIR R4");
            }
            if (!R4.READ_BUNDLE_TYPES.contains(bundleType)) {
                throw new NotFhir("Bundle de type « " + bundleType + " » : seuls les Bundles transaction, batch,"
                        + " collection et searchset portent des données à lire");
            }
            return new BundleInfo(bundleType, text(top.get("timestamp")), text(top.path("meta").get("lastUpdated")));
        } catch (JsonProcessingException e) {
            throw new NotFhir("fichier qui n'est pas du JSON valide" + where(e.getLocation()));
        } catch (CharacterCodingException e) {
            throw new NotFhir("fichier non décodable (UTF-8 attendu)");
        }
    }

    private BundleInfo readLines(InputStream in, Handler handler) throws IOException, NotFhir {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16)) {
            long number = 0;
            for (String line; (line = reader.readLine()) != null; ) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode resource;
                try {
                    resource = mapper.readTree(line);
                } catch (JsonProcessingException e) {
                    throw new NotFhir("ligne " + number + " : pas du JSON valide" + where(e.getLocation()));
                }
                if (resource == null || !resource.isObject()) {
                    throw new NotFhir("ligne " + number + " : pas un objet JSON (une ressource FHIR par ligne)");
                }
                String type = checkResource(resource, "ligne " + number);
                if (type.equals("Bundle")) {
                    throw new NotFhir("ligne " + number + " : Bundle dans un fichier NDJSON (une ressource par ligne"
                            + " attendue)");
                }
                handler.entry(new Entry(number, type, null, null, resource));
            }
            return BundleInfo.NONE;
        } catch (CharacterCodingException e) {
            throw new NotFhir("fichier non décodable (UTF-8 attendu)");
        }
    }

    /** The resource's type, when it is one of FHIR R4. */
    private static String checkResource(JsonNode resource, String path) throws NotFhir {
        String at = path.isEmpty() ? "" : path + " : ";
        if (!resource.isObject()) {
            throw new NotFhir(at + "ressource qui n'est pas un objet JSON");
        }
        JsonNode type = resource.get("resourceType");
        if (type == null || !type.isTextual()) {
            throw new NotFhir(at + "aucun « resourceType » : ce n'est pas une ressource FHIR");
        }
        if (!R4.RESOURCE_TYPES.contains(type.asText())) {
            throw new NotFhir(at + "type de ressource " + R4.shown(type.asText()) + " inconnu de FHIR R4");
        }
        return type.asText();
    }

    private static String text(JsonNode node) {
        return node == null || !node.isValueNode() ? null : node.asText();
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " (ligne " + location.getLineNr() + ", colonne " + location.getColumnNr() + ")";
    }
}
