package fr.esms.indicateurs.referential;

import fr.esms.indicateurs.referential.RulesCsv.Row;
import fr.esms.indicateurs.rules.AdjustmentCatalogue;
import fr.esms.indicateurs.rules.AmountScale;
import fr.esms.indicateurs.rules.Indicator;
import fr.esms.indicateurs.rules.RulesFingerprint;
import fr.esms.indicateurs.rules.RulesVersion;
import fr.esms.indicateurs.rules.Sector;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Builds one rules version from the four files of its folder: {@code regles.csv} (parameters), {@code cibles.csv}
 * (targets), {@code catalogue-amenagements.csv} and {@code montants.csv}. The folder's name is the version's code
 * and must be the {@code code} that {@code regles.csv} states.
 */
final class RulesVersionParser {

    static final String PARAMETERS = "regles.csv";
    static final String TARGETS = "cibles.csv";
    static final List<String> FILES = List.of(PARAMETERS, TARGETS, CatalogueParser.FILE, AmountsParser.FILE);

    /** The parameters of {@code regles.csv}, each required once ({@code secteurs_exemptes_mss_dmp} may be empty). */
    static final List<String> KEYS = List.of("code", "en_vigueur_du", "reference", "fenetre_mensuelle",
            "fenetre_premiere_mesure", "fenetre_finale_dui", "fenetre_finale_services_defaut",
            "fenetre_finale_services_min", "fenetre_finale_services_max", "secteurs_exemptes_mss_dmp");

    private RulesVersionParser() {
    }

    /**
     * @param folderName the version's folder name, its code
     * @param shownFolder the folder as messages name it (a path, or {@code jar:regles/2025})
     * @param files       every file of {@link #FILES}, by name
     */
    static RulesVersion parse(String folderName, String shownFolder, Map<String, byte[]> files) {
        Map<String, Row> parameters = parameters(shownFolder + "/" + PARAMETERS, files.get(PARAMETERS));
        Row codeRow = parameters.get("code");
        String code = codeRow.required("valeur");
        if (!code.equals(folderName)) {
            throw codeRow.error("valeur", "code « " + code + " » différent du nom du dossier « " + folderName
                    + " » : le dossier d'une version porte son code");
        }
        LocalDate from = parameters.get("en_vigueur_du").date("valeur", true);
        int dui = window(parameters, "fenetre_finale_dui");
        int servicesMin = window(parameters, "fenetre_finale_services_min");
        int servicesMax = window(parameters, "fenetre_finale_services_max");
        int servicesDefault = window(parameters, "fenetre_finale_services_defaut");
        if (servicesMin > servicesMax || servicesDefault < servicesMin || servicesDefault > servicesMax) {
            throw parameters.get("fenetre_finale_services_defaut").error("valeur", "fenêtre MSS et DMP par défaut "
                    + servicesDefault + " hors des bornes " + servicesMin + " à " + servicesMax);
        }
        Row exemptRow = parameters.get("secteurs_exemptes_mss_dmp");
        Set<Sector> exempt = new LinkedHashSet<>();
        for (String value : exemptRow.list("valeur")) {
            exempt.add(Stream.of(Sector.values()).filter(s -> s != Sector.AUTRE
                    && s.name().equals(value.toUpperCase(Locale.ROOT))).findFirst().orElseThrow(() ->
                    exemptRow.error("valeur", "secteur « " + value + " » inconnu (" + CatalogueParser.sectorsList()
                            + ")")));
        }
        Map<Indicator, Integer> targets = targets(shownFolder + "/" + TARGETS, files.get(TARGETS));
        AdjustmentCatalogue catalogue = CatalogueParser.parse(shownFolder + "/" + CatalogueParser.FILE,
                files.get(CatalogueParser.FILE));
        AmountScale amounts = AmountsParser.parse(shownFolder + "/" + AmountsParser.FILE,
                files.get(AmountsParser.FILE));
        return new RulesVersion(code, from, parameters.get("reference").required("valeur"), targets,
                window(parameters, "fenetre_mensuelle"), window(parameters, "fenetre_premiere_mesure"), dui,
                servicesDefault, servicesMin, servicesMax, catalogue, exempt, amounts, RulesFingerprint.of(files));
    }

    /** The line of a parameter in {@code regles.csv} (already validated). */
    static long lineOf(Map<String, byte[]> files, String key) {
        return RulesCsv.read(PARAMETERS, files.get(PARAMETERS), List.of("parametre", "valeur")).stream()
                .filter(r -> r.text("parametre").equalsIgnoreCase(key)).findFirst().map(Row::line).orElse(1L);
    }

    private static Map<String, Row> parameters(String file, byte[] content) {
        Map<String, Row> byKey = new HashMap<>();
        for (Row row : RulesCsv.read(file, content, List.of("parametre", "valeur"))) {
            String key = row.required("parametre").toLowerCase(Locale.ROOT);
            if (!KEYS.contains(key)) {
                throw row.error("parametre", "paramètre « " + row.text("parametre") + " » inconnu (paramètres : "
                        + String.join(", ", KEYS) + ")");
            }
            Row previous = byKey.putIfAbsent(key, row);
            if (previous != null) {
                throw row.error("parametre", "paramètre « " + key + " » déjà donné ligne " + previous.line());
            }
        }
        for (String key : KEYS) {
            if (!byKey.containsKey(key)) {
                throw new RulesException("règles : fichier " + file + " : paramètre « " + key + " » absent");
            }
        }
        return byKey;
    }

    private static int window(Map<String, Row> parameters, String key) {
        return (int) parameters.get(key).number("valeur", 1, 12, key + ", en mois");
    }

    private static Map<Indicator, Integer> targets(String file, byte[] content) {
        Map<Indicator, Integer> targets = new EnumMap<>(Indicator.class);
        Map<Indicator, Long> lines = new EnumMap<>(Indicator.class);
        for (Row row : RulesCsv.read(file, content, List.of("indicateur", "cible"))) {
            String value = row.required("indicateur");
            Indicator indicator = Stream.of(Indicator.values()).filter(Indicator::isRated)
                    .filter(i -> i.name().equals(value.toUpperCase(Locale.ROOT))).findFirst()
                    .orElseThrow(() -> row.error("indicateur", "indicateur « " + value + " » inconnu ou sans cible ("
                            + CatalogueParser.rated() + ")"));
            int target = (int) row.number("cible", 0, 100, "cible en pourcentage");
            if (targets.putIfAbsent(indicator, target) != null) {
                throw row.error("indicateur", "indicateur " + indicator + " déjà donné ligne " + lines.get(indicator));
            }
            lines.put(indicator, row.line());
        }
        for (Indicator indicator : Indicator.values()) {
            if (indicator.isRated() && !targets.containsKey(indicator)) {
                throw new RulesException("règles : fichier " + file + " : pas de cible pour " + indicator);
            }
        }
        return targets;
    }
}
