package fr.esms.indicateurs.consolidation;

import fr.esms.indicateurs.referential.Essms;
import fr.esms.indicateurs.rules.Attainment;
import fr.esms.indicateurs.rules.Indicator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads one installation's output folder for a month: the latest closed revision
 * {@code clotures/AAAA-MM_rN.csv} if there is one, else {@code indicateurs/AAAA-MM.csv}; the rules side file
 * {@code AAAA-MM.regles.csv} next to it when present; and the referential {@code essms.csv}, looked for in
 * {@code referentiel/} under the folder, in the folder itself, then in {@code ../referentiel/}.
 */
public final class InstallationReader {

    static final List<String> FIGURE_COLUMNS = List.of("finess", "mois", "fenetre_mois", "indicateur",
            "numerateur", "denominateur", "cible", "atteinte");
    static final List<String> ESSMS_COLUMNS = List.of("finess", "finess_ej", "raison_sociale", "categorie",
            "departement", "projet_id", "editeur");

    public InstallationOutput read(Path folder, YearMonth month) {
        if (!Files.isDirectory(folder)) {
            throw new ConsolidationException("--entree " + folder + " : dossier introuvable");
        }
        List<String> warnings = new ArrayList<>();
        Integer revision = latestRevision(folder, month);
        Path figuresFile = revision == null ? folder.resolve("indicateurs").resolve(month + ".csv")
                : folder.resolve("clotures").resolve(month + "_r" + revision + ".csv");
        if (!Files.isRegularFile(figuresFile)) {
            throw new ConsolidationException(folder + " : ni indicateurs/" + month + ".csv ni clotures/" + month
                    + "_rN.csv : cette installation n'a pas calculé le mois " + month);
        }
        String source = folder.relativize(figuresFile).toString().replace('\\', '/');
        Map<String, Map<Indicator, ContractRow>> figures = new LinkedHashMap<>();
        int window = readFigures(figuresFile, month, figures);
        Path rulesFile = figuresFile.resolveSibling(revision == null ? month + ".regles.csv"
                : month + "_r" + revision + ".regles.csv");
        if (!Files.isRegularFile(rulesFile)) {
            rulesFile = folder.resolve("indicateurs").resolve(month + ".regles.csv");
        }
        Set<String> rules = null;
        if (Files.isRegularFile(rulesFile)) {
            rules = readRules(rulesFile);
        } else {
            warnings.add(folder + " : pas de fichier " + month + ".regles.csv, la version des règles n'a pas pu"
                    + " être comparée");
        }
        Path referentialFile = referential(folder);
        Map<String, Essms> referential = readEssms(referentialFile);
        long unknown = figures.keySet().stream().filter(f -> !referential.containsKey(f)).count();
        if (unknown > 0) {
            warnings.add(folder + " : " + unknown + " ESSMS des chiffres absents de " + referentialFile
                    + " (région, secteur, éditeur et organisme gestionnaire inconnus)");
        }
        return new InstallationOutput(folder, source, revision, window, rules, referentialFile, referential, figures,
                warnings);
    }

    /** The highest N of {@code clotures/AAAA-MM_rN.csv}, or null when the month was never closed. */
    static Integer latestRevision(Path folder, YearMonth month) {
        Path closings = folder.resolve("clotures");
        if (!Files.isDirectory(closings)) {
            return null;
        }
        Pattern name = Pattern.compile(Pattern.quote(month.toString()) + "_r(\\d{1,6})\\.csv");
        try (Stream<Path> files = Files.list(closings)) {
            return files.map(f -> name.matcher(f.getFileName().toString())).filter(Matcher::matches)
                    .map(m -> Integer.parseInt(m.group(1))).max(Integer::compare).orElse(null);
        } catch (IOException e) {
            throw new ConsolidationException(closings + " : illisible (" + e.getMessage() + ")");
        }
    }

    static Path referential(Path folder) {
        List<Path> candidates = List.of(folder.resolve("referentiel").resolve("essms.csv"),
                folder.resolve("essms.csv"), folder.toAbsolutePath().normalize().resolveSibling("referentiel")
                        .resolve("essms.csv"));
        return candidates.stream().filter(Files::isRegularFile).findFirst().orElseThrow(() ->
                new ConsolidationException(folder + " : essms.csv du référentiel introuvable (cherché dans "
                        + String.join(", ", candidates.stream().map(Path::toString).toList())
                        + ") : copiez le référentiel de l'installation à côté de ses sorties"));
    }

    /** Reads the rows; returns the window they all share. */
    private static int readFigures(Path file, YearMonth month, Map<String, Map<Indicator, ContractRow>> figures) {
        Integer[] window = {null};
        parse(file, FIGURE_COLUMNS, row -> {
            String finess = row.required("finess");
            String mois = row.required("mois");
            if (!mois.equals(month.toString())) {
                throw row.invalid("mois", mois, "mois " + month + " attendu");
            }
            int months = (int) row.integer("fenetre_mois", true).longValue();
            if (window[0] == null) {
                window[0] = months;
            } else if (window[0] != months) {
                throw row.invalid("fenetre_mois", Integer.toString(months), "fenêtre de " + window[0]
                        + " mois sur les lignes précédentes : un fichier ne mélange pas les fenêtres");
            }
            Indicator indicator = row.enumValue("indicateur", Indicator.class);
            String atteinte = row.optional("atteinte");
            Attainment attainment = atteinte.isEmpty() ? null : row.enumValue("atteinte", Attainment.class);
            Long target = row.integer("cible", false);
            ContractRow figure = new ContractRow(finess, months, indicator, row.integer("numerateur", true),
                    row.integer("denominateur", false), target == null ? null : target.intValue(), attainment);
            if (figures.computeIfAbsent(finess, f -> new EnumMap<>(Indicator.class)).put(indicator, figure) != null) {
                throw row.invalid("indicateur", indicator.name(), "ligne en double pour l'ESSMS " + finess);
            }
        });
        if (window[0] == null) {
            throw new ConsolidationException(file + " : aucune ligne de résultat");
        }
        return window[0];
    }

    /**
     * The side file {@code finess;version_regles;empreinte_regles} written beside the figures: the distinct
     * {@code version (empreinte)} pairs its ESSMS were computed with.
     */
    private static Set<String> readRules(Path file) {
        Set<String> versions = new LinkedHashSet<>();
        parse(file, List.of("finess", "version_regles"), row -> {
            String fingerprint = row.optional("empreinte_regles");
            versions.add(row.required("version_regles") + (fingerprint.isEmpty() ? "" : " (" + fingerprint + ")"));
        });
        return versions;
    }

    private static Map<String, Essms> readEssms(Path file) {
        Map<String, Essms> essms = new LinkedHashMap<>();
        parse(file, List.of("finess", "departement"), row -> {
            String finess = row.required("finess");
            if (essms.put(finess, new Essms(finess, row.optional("finess_ej"), row.optional("raison_sociale"),
                    row.optional("categorie"), row.required("departement"), row.optional("projet_id"),
                    row.optional("editeur"))) != null) {
                throw row.invalid("finess", finess, "ESSMS en double dans le référentiel");
            }
        });
        return essms;
    }

    private interface RowHandler {
        void handle(Row row);
    }

    private static void parse(Path file, List<String> required, RowHandler handler) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = format.parse(reader)) {
            Map<String, Integer> header = new LinkedHashMap<>();
            parser.getHeaderMap().forEach((name, index) -> header.put(name.replace("\uFEFF", "").strip(), index));
            for (String column : required) {
                if (!header.containsKey(column)) {
                    throw new ConsolidationException(file + " : colonne obligatoire absente : " + column);
                }
            }
            for (CSVRecord record : parser) {
                handler.handle(new Row(file, record, header));
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ConsolidationException(file + " : illisible (" + e.getMessage() + ")");
        }
    }

    /** One line of a file, whose values name their file, line and column when refused. */
    private record Row(Path file, CSVRecord record, Map<String, Integer> header) {

        long line() {
            return record.getRecordNumber() + 1;
        }

        String optional(String column) {
            Integer index = header.get(column);
            return index == null || index >= record.size() ? "" : record.get(index).strip();
        }

        String required(String column) {
            String value = optional(column);
            if (value.isEmpty()) {
                throw invalid(column, value, "valeur obligatoire absente");
            }
            return value;
        }

        Long integer(String column, boolean required) {
            String value = required ? required(column) : optional(column);
            if (value.isEmpty()) {
                return null;
            }
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw invalid(column, value, "nombre entier attendu");
            }
        }

        <E extends Enum<E>> E enumValue(String column, Class<E> type) {
            String value = required(column);
            try {
                return Enum.valueOf(type, value);
            } catch (IllegalArgumentException e) {
                throw invalid(column, value, "valeur inconnue");
            }
        }

        ConsolidationException invalid(String column, String value, String reason) {
            return new ConsolidationException(file + " ligne " + line() + ", colonne " + column + " : « " + value
                    + " » : " + reason);
        }
    }
}
