package fr.esms.indicateurs.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.esms.indicateurs.ingest.ExportPackage;
import fr.esms.indicateurs.ingest.FileSummary;
import fr.esms.indicateurs.ingest.Manifest;
import fr.esms.indicateurs.ingest.PackageReader;
import fr.esms.indicateurs.ingest.PackageVisitor;
import fr.esms.indicateurs.ingest.PivotFile;
import fr.esms.indicateurs.ingest.PivotRow;
import fr.esms.indicateurs.ingest.Rejection;
import fr.esms.indicateurs.ingest.tddui.PseudonymKey;
import fr.esms.indicateurs.ingest.tddui.TdduiPackageReader;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Not a test: TDDUI reading measured by hand (docs/tddui.md gives the figures). {@code generer N DOSSIER [ndjson]}
 * writes a TDDUI package of N resources (a patient, its stay, 8 events, 1 projet personnalisé, in turn) with its
 * export.csv; {@code lire MODE DOSSIER} reads it and prints the time, the rows and the peak heap:
 * {@code jackson} (what the tool does: {@link TdduiPackageReader}, two streaming passes), {@code hapi} (HAPI's parser
 * on the whole bundle), {@code jackson-hapi} (Jackson streams {@code Bundle.entry}, HAPI parses each resource).
 * HAPI comes with the {@code bench} profile only:
 *
 * <pre>
 * ./mvnw -B -q -Pbench test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
 * java -Xmx256m -cp target/classes:target/test-classes:$(cat target/bench.classpath) fr.esms.indicateurs.bench.TdduiBench lire jackson DOSSIER
 * </pre>
 */
public final class TdduiBench {

    static final String ET = "010000016";
    static final String EJ = "130000003";

    private TdduiBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("generer")) {
            generate(Long.parseLong(args[1]), Path.of(args[2]), args.length > 3 && args[3].equals("ndjson"));
            return;
        }
        Path folder = Path.of(args[2]);
        // The live heap: what the pools hold just after a collection, sampled through the run.
        long[] liveAfterGc = {0};
        Thread sampler = new Thread(() -> {
            while (true) {
                long live = 0;
                for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                    if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                        live += pool.getCollectionUsage().getUsed();
                    }
                }
                liveAfterGc[0] = Math.max(liveAfterGc[0], live);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long start = System.nanoTime();
        long rows = switch (args[1]) {
            case "jackson" -> jackson(folder);
            case "hapi" -> hapiWhole(folder.resolve("bundle.json"));
            case "jackson-hapi" -> jacksonThenHapi(folder.resolve("bundle.json"));
            default -> throw new IllegalArgumentException(args[1]);
        };
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("%s : %d lignes/ressources en %.1f s (%.0f /s), pic de tas %d Mio, pic après GC %d Mio"
                        + " (max %d Mio)%n", args[1], rows, seconds, rows / seconds, peak >> 20, liveAfterGc[0] >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
    }

    private static long jackson(Path folder) throws IOException {
        Path key = Files.createTempFile("cle", "");
        Files.writeString(key, Base64.getEncoder().encodeToString(new byte[32]));
        PackageReader reader = new PackageReader(f -> true, fr.esms.indicateurs.ingest.EditorProfiles.none(), null,
                new TdduiPackageReader(f -> true, new PseudonymKey(null, key)));
        long[] rows = {0};
        reader.read(new ExportPackage(folder.getFileName().toString(), folder, "x"), new PackageVisitor() {
            public void manifest(Manifest manifest) { }
            public void row(PivotFile file, PivotRow row) { rows[0]++; }
            public void rejection(Rejection rejection) { }
            public void warning(String file, long line, String message) { }
            public void fileRead(FileSummary summary) { }
            public void packageRejected(Rejection reason) { throw new IllegalStateException(reason.reason()); }
        });
        Files.delete(key);
        return rows[0];
    }

    private static Object hapiParser() throws ReflectiveOperationException {
        Class<?> context = Class.forName("ca.uhn.fhir.context.FhirContext");
        Object r4 = context.getMethod("forR4").invoke(null);
        return context.getMethod("newJsonParser").invoke(r4);
    }

    private static long hapiWhole(Path bundle) throws Exception {
        Object parser = hapiParser();
        Method parse = parser.getClass().getMethod("parseResource", Reader.class);
        try (Reader in = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
            Object parsed = parse.invoke(parser, in);
            return ((java.util.List<?>) parsed.getClass().getMethod("getEntry").invoke(parsed)).size();
        }
    }

    private static long jacksonThenHapi(Path bundle) throws Exception {
        Object parser = hapiParser();
        Method parse = parser.getClass().getMethod("parseResource", String.class);
        ObjectMapper mapper = new ObjectMapper();
        long n = 0;
        try (InputStream in = Files.newInputStream(bundle); JsonParser p = mapper.createParser(in)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (!name.equals("entry")) {
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    parse.invoke(parser, mapper.readTree(p).get("resource").toString());
                    n++;
                }
            }
        }
        return n;
    }

    /** A package of {@code resources} resources, by blocks of 11 (patient, stay, 8 events, 1 CarePlan). */
    static void generate(long resources, Path folder, boolean ndjson) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("export.csv"), "editeur;logiciel;version_logiciel;finess_ej;date_extraction;"
                + "periode_debut;periode_fin\nBanc;TDDUI;1;" + EJ + ";2026-11-03;2026-10-01;2026-10-31\n");
        JsonFactory json = new JsonFactory();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(
                folder.resolve(ndjson ? "export.ndjson" : "bundle.json")), 1 << 16);
             JsonGenerator g = json.createGenerator(out)) {
            g.setRootValueSeparator(null);
            if (!ndjson) {
                g.writeStartObject();
                g.writeStringField("resourceType", "Bundle");
                g.writeStringField("type", "transaction");
                g.writeArrayFieldStart("entry");
            }
            for (long i = 0; i < resources; i++) {
                long person = i / 11;
                int k = (int) (i % 11);
                if (!ndjson) {
                    g.writeStartObject();
                    g.writeFieldName("resource");
                }
                g.writeStartObject();
                String local = "3" + ET + "/U" + person;
                if (k == 0) {
                    g.writeStringField("resourceType", "Patient");
                    g.writeStringField("id", "p" + person);
                    g.writeObjectFieldStart("meta");
                    g.writeStringField("lastUpdated", "2026-10-" + String.format("%02d", 1 + person % 28) + "T10:00:00+02:00");
                    g.writeEndObject();
                    g.writeArrayFieldStart("identifier");
                    g.writeStartObject();
                    g.writeStringField("system", "https://identifiant-medicosocial-localusager.esante.gouv.fr");
                    g.writeStringField("value", local);
                    g.writeEndObject();
                    g.writeEndArray();
                    g.writeArrayFieldStart("name");
                    g.writeStartObject();
                    g.writeStringField("family", "NOM" + person);
                    g.writeEndObject();
                    g.writeEndArray();
                    g.writeStringField("birthDate", "1940-01-01");
                } else {
                    boolean project = k == 10;
                    g.writeStringField("resourceType", project ? "CarePlan" : "Encounter");
                    g.writeStringField("id", "r" + i);
                    g.writeObjectFieldStart("meta");
                    g.writeArrayFieldStart("profile");
                    g.writeString("https://interop.esante.gouv.fr/ig/fhir/tddui/StructureDefinition/" + (project
                            ? "tddui-careplan-projet-personnalise" : k == 1 ? "tddui-encounter-sejour"
                            : "tddui-encounter-evenement"));
                    g.writeEndArray();
                    g.writeEndObject();
                    g.writeArrayFieldStart("identifier");
                    g.writeStartObject();
                    g.writeStringField("value", local + "-" + i);
                    g.writeEndObject();
                    g.writeEndArray();
                    g.writeStringField("status", project ? "active" : k == 1 ? "in-progress" : "finished");
                    if (project) {
                        g.writeStringField("intent", "plan");
                    }
                    g.writeObjectFieldStart("subject");
                    g.writeStringField("reference", "Patient/p" + person);
                    g.writeEndObject();
                    g.writeObjectFieldStart("period");
                    g.writeStringField("start", k == 1 ? "2024-03-01" : "2026-10-" + String.format("%02d", 1 + k * 2)
                            + (k == 1 || project ? "" : "T09:30:00+02:00"));
                    g.writeEndObject();
                }
                g.writeEndObject();
                if (!ndjson) {
                    g.writeObjectFieldStart("request");
                    g.writeStringField("method", "POST");
                    g.writeStringField("url", k == 0 ? "Patient" : k == 10 ? "CarePlan" : "Encounter");
                    g.writeEndObject();
                    g.writeEndObject();
                } else {
                    g.writeRaw('\n');
                }
            }
            if (!ndjson) {
                g.writeEndArray();
                g.writeEndObject();
            }
        }
    }
}
