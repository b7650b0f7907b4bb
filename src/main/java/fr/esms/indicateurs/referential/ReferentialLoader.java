package fr.esms.indicateurs.referential;

import fr.esms.indicateurs.ingest.Rejection;
import fr.esms.indicateurs.rules.DeclaredAdjustment;
import fr.esms.indicateurs.rules.Finess;
import fr.esms.indicateurs.rules.Indicator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Loads the referential folder: {@code essms.csv}, {@code projets.csv} (required) and {@code amenagements.csv}
 * (optional). Invalid rows are rejected with a French reason, the others kept; a missing or unreadable required
 * file is an error the operator must fix.
 */
public final class ReferentialLoader {

    static final String SOURCE = "referentiel";

    /** The rules versions a project may name; null: any name is kept (checked later against the rules). */
    private final Set<String> rulesVersions;

    public ReferentialLoader() {
        this(null);
    }

    /** @param rulesVersions the codes of the rules versions of the run: a project naming another stops the load */
    public ReferentialLoader(Set<String> rulesVersions) {
        this.rulesVersions = rulesVersions == null ? null : Set.copyOf(rulesVersions);
    }

    public Referential load(Path folder) {
        List<Rejection> rejections = new ArrayList<>();
        List<String> warnings = new ArrayList<>();

        List<Project> projects = new ArrayList<>();
        read(folder.resolve("projets.csv"), true, List.of("projet_id", "intitule", "finess_ej_porteur",
                "type_financement", "date_convention", "date_fin_deploiement", "version_regles",
                "logiciel_reference_segur"), rejections, row -> {
            Project.FundingType type = row.enumValue("type_financement", Project.FundingType.class);
            String version = row.optional("version_regles");
            if (version != null && rulesVersions != null && !rulesVersions.contains(version)) {
                // Not a rejected row: the project would silently lose its rules; the operator must fix it.
                throw new RulesException("référentiel : fichier projets.csv, ligne " + row.line()
                        + ", colonne « version_regles » : version de règles « " + version + " » inconnue (versions "
                        + "connues : " + String.join(", ", new java.util.TreeSet<>(rulesVersions)) + ")");
            }
            projects.add(new Project(row.required("projet_id"), row.required("intitule"),
                    row.finess("finess_ej_porteur"), type, row.date("date_convention", false),
                    row.date("date_fin_deploiement", false), version, row.yesNo("logiciel_reference_segur")));
        });
        Set<String> projectIds = new HashSet<>();
        projects.forEach(p -> projectIds.add(p.projetId()));

        List<Essms> essms = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        read(folder.resolve("essms.csv"), true, List.of("finess", "finess_ej", "raison_sociale", "categorie",
                "departement", "projet_id", "editeur"), rejections, row -> {
            String finess = row.finess("finess");
            String projetId = row.required("projet_id");
            if (!projectIds.contains(projetId)) {
                throw row.invalid("projet_id", projetId, "projet absent de projets.csv");
            }
            if (!seen.add(finess)) {
                throw row.invalid("finess", finess, "ESSMS en double dans le référentiel");
            }
            Essms e = new Essms(finess, row.finess("finess_ej"), row.required("raison_sociale"),
                    row.required("categorie"), row.required("departement"), projetId, row.optional("editeur"));
            if (e.sector() == fr.esms.indicateurs.rules.Sector.AUTRE) {
                warnings.add("essms.csv ligne " + row.line() + " : catégorie FINESS " + e.categorie()
                        + " hors des secteurs du programme (secteur AUTRE)");
            }
            if (Finess.check(finess) == Finess.Verdict.VALID_KEY_UNCHECKED) {
                warnings.add("essms.csv ligne " + row.line() + " : " + Finess.explain(Finess.Verdict.VALID_KEY_UNCHECKED)
                        + " (" + finess + ")");
            }
            essms.add(e);
        });

        List<DeclaredAdjustmentRow> declared = new ArrayList<>();
        Set<String> declaredKeys = new HashSet<>();
        read(folder.resolve("amenagements.csv"), false, List.of("finess", "indicateur", "motif", "nombre",
                "periode_debut", "periode_fin", "reference"), rejections, row -> {
            String finess = row.finess("finess");
            if (!seen.contains(finess)) {
                throw row.invalid("finess", finess, "ESSMS absent de essms.csv");
            }
            Indicator indicator = row.enumValue("indicateur", Indicator.class);
            if (!indicator.isRated()) {
                throw row.invalid("indicateur", indicator.name(), "un compteur n'a pas de dénominateur à ajuster");
            }
            String nombre = row.required("nombre");
            int count;
            try {
                count = Integer.parseInt(nombre);
            } catch (NumberFormatException ex) {
                throw row.invalid("nombre", nombre, "nombre entier positif attendu");
            }
            if (count < 0) {
                throw row.invalid("nombre", nombre, "nombre entier positif attendu");
            }
            LocalDate from = row.date("periode_debut", true);
            LocalDate to = row.date("periode_fin", true);
            if (to.isBefore(from)) {
                throw row.invalid("periode_fin", to.toString(), "fin de période antérieure à son début");
            }
            String motif = row.required("motif");
            if (!declaredKeys.add(finess + "|" + indicator + "|" + motif + "|" + from + "|" + to)) {
                throw row.invalid("motif", motif, "aménagement déclaré en double (même ESSMS, indicateur, motif et période)");
            }
            declared.add(new DeclaredAdjustmentRow(finess, new DeclaredAdjustment(indicator, motif, count, from, to,
                    row.optional("reference"))));
        });
        return new Referential(essms, projects, declared, rejections, warnings);
    }

    private static void read(Path file, boolean required, List<String> columns, List<Rejection> rejections,
                             java.util.function.Consumer<Row> consumer) {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            if (required) {
                throw new ReferentialException("référentiel incomplet : fichier " + file + " introuvable");
            }
            return;
        }
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder));
             CSVParser parser = CSVFormat.RFC4180.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true)
                     .setIgnoreEmptyLines(true).setTrim(true).get().parse(skipBom(reader))) {
            Map<String, String> headerByName = new HashMap<>();
            for (String h : parser.getHeaderNames()) {
                headerByName.put(h.trim().toLowerCase(Locale.ROOT), h);
            }
            for (String column : columns) {
                if (!headerByName.containsKey(column) && !isOptionalColumn(name, column)) {
                    throw new ReferentialException("référentiel : fichier " + name + " sans la colonne obligatoire « "
                            + column + " »");
                }
            }
            for (CSVRecord record : parser) {
                Row row = new Row(name, record, headerByName);
                try {
                    consumer.accept(row);
                } catch (RowRejected rejected) {
                    rejections.add(rejected.rejection);
                }
            }
        } catch (CharacterCodingException e) {
            throw new ReferentialException("référentiel : fichier " + name + " non décodable en UTF-8");
        } catch (IOException e) {
            throw new ReferentialException("référentiel : lecture impossible de " + file + " (" + e.getMessage() + ")");
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new ReferentialException("référentiel : fichier " + name + " non décodable en UTF-8");
            }
            throw new ReferentialException("référentiel : fichier " + name + " illisible (" + e.getMessage() + ")");
        }
    }

    private static boolean isOptionalColumn(String file, String column) {
        return ("essms.csv".equals(file) && "editeur".equals(column))
                || ("amenagements.csv".equals(file) && "reference".equals(column))
                || ("projets.csv".equals(file) && (column.startsWith("date_") || column.equals("version_regles")
                || column.equals("logiciel_reference_segur")));
    }

    private static BufferedReader skipBom(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    /** A row being validated; its accessors throw {@link RowRejected} with a French reason. */
    private static final class Row {
        private final String file;
        private final CSVRecord record;
        private final Map<String, String> headerByName;

        Row(String file, CSVRecord record, Map<String, String> headerByName) {
            this.file = file;
            this.record = record;
            this.headerByName = headerByName;
        }

        long line() {
            // the header is line 1
            return record.getRecordNumber() + 1;
        }

        String optional(String column) {
            String header = headerByName.get(column);
            if (header == null || !record.isSet(header)) {
                return null;
            }
            String value = record.get(header).trim();
            return value.isEmpty() ? null : value;
        }

        String required(String column) {
            String value = optional(column);
            if (value == null) {
                throw invalid(column, "", "valeur obligatoire absente");
            }
            return value;
        }

        String finess(String column) {
            String value = required(column);
            Finess.Verdict verdict = Finess.check(value);
            if (!Finess.isAcceptable(verdict)) {
                throw invalid(column, value, Finess.explain(verdict));
            }
            return value;
        }

        LocalDate date(String column, boolean mandatory) {
            String value = mandatory ? required(column) : optional(column);
            if (value == null) {
                return null;
            }
            try {
                return LocalDate.parse(value.length() > 10 && value.charAt(10) == 'T' ? value.substring(0, 10) : value);
            } catch (DateTimeParseException e) {
                throw invalid(column, value, "date impossible ou mal formée (attendu AAAA-MM-JJ)");
            }
        }

        /** OUI, NON, or null when empty or absent. */
        Boolean yesNo(String column) {
            String value = optional(column);
            if (value == null) {
                return null;
            }
            return switch (value.toUpperCase(Locale.ROOT)) {
                case "OUI" -> true;
                case "NON" -> false;
                default -> throw invalid(column, value, "OUI, NON ou vide attendu");
            };
        }

        <E extends Enum<E>> E enumValue(String column, Class<E> type) {
            String value = required(column);
            try {
                return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw invalid(column, value, "valeur inconnue (valeurs admises : "
                        + String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())
                        + ")");
            }
        }

        RowRejected invalid(String column, String value, String reason) {
            return new RowRejected(new Rejection(SOURCE, file, line(), column, value, reason));
        }
    }

    private static final class RowRejected extends RuntimeException {
        private final Rejection rejection;

        RowRejected(Rejection rejection) {
            super(rejection.reason(), null, false, false);
            this.rejection = rejection;
        }
    }
}
