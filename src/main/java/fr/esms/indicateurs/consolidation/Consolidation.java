package fr.esms.indicateurs.consolidation;

import fr.esms.indicateurs.referential.Essms;
import fr.esms.indicateurs.rules.Indicator;
import fr.esms.indicateurs.rules.Sector;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The national consolidation of several installations' figures for one month: groups by region (from the
 * département), sector, editor and organisme gestionnaire, and the nation. Inputs of different windows or rules
 * versions are refused; an ESSMS found in several inputs is counted once, from the first input given, and
 * reported.
 */
public record Consolidation(YearMonth month, int windowMonths, String rulesVersions,
                            List<InstallationOutput> inputs, PooledStats nation, Map<String, PooledStats> regions,
                            Map<Sector, PooledStats> sectors, Map<String, PooledStats> editors,
                            Map<String, PooledStats> organisations, List<Overlap> overlaps, List<String> warnings) {

    static final String UNKNOWN_REGION = "(région inconnue)";
    static final String NO_EDITOR = "(éditeur non renseigné)";
    static final String NO_ORGANISATION = "(FINESS juridique non renseigné)";

    /**
     * An ESSMS in more than one input: counted from {@code kept}, the first input given.
     *
     * @param sameFigures whether every input gave it the same figures
     */
    public record Overlap(String finess, String kept, List<String> also, boolean sameFigures) {
        public Overlap {
            also = List.copyOf(also);
        }
    }

    public Consolidation {
        inputs = List.copyOf(inputs);
        overlaps = List.copyOf(overlaps);
        warnings = List.copyOf(warnings);
        regions = Collections.unmodifiableMap(regions);
        sectors = Collections.unmodifiableMap(sectors);
        editors = Collections.unmodifiableMap(editors);
        organisations = Collections.unmodifiableMap(organisations);
    }

    private static String versionCode(String versionAndFingerprint) {
        int space = versionAndFingerprint.indexOf(' ');
        return space < 0 ? versionAndFingerprint : versionAndFingerprint.substring(0, space);
    }

    public static Consolidation of(YearMonth month, List<InstallationOutput> inputs, Regions regionTable) {
        if (inputs.isEmpty()) {
            throw new ConsolidationException("aucune entrée à consolider");
        }
        Set<Integer> windows = inputs.stream().map(InstallationOutput::windowMonths).collect(Collectors.toSet());
        if (windows.size() > 1) {
            throw new ConsolidationException("fenêtres différentes, consolidation refusée : "
                    + inputs.stream().map(i -> i.name() + " (" + i.windowMonths() + " mois)")
                    .collect(Collectors.joining(", ")) + " ; consolidez des sorties calculées sur la même fenêtre");
        }
        List<InstallationOutput> withRules = inputs.stream().filter(i -> i.rulesVersions() != null).toList();
        // Each ESSMS is measured under its project's version, so regions may use 2022 and 2025 side by side; what
        // cannot be pooled is one version code standing for different rules files (another catalogue, targets...).
        Map<String, Set<String>> byCode = new TreeMap<>();
        withRules.forEach(i -> i.rulesVersions().forEach(v -> byCode.computeIfAbsent(versionCode(v),
                c -> new TreeSet<>()).add(v)));
        List<String> conflicting = byCode.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(Map.Entry::getKey).toList();
        if (!conflicting.isEmpty()) {
            throw new ConsolidationException("versions des règles différentes, consolidation refusée : la version "
                    + String.join(", ", conflicting) + " n'a pas les mêmes fichiers partout : "
                    + withRules.stream().map(i -> i.name() + " (" + String.join(", ", i.rulesVersions().stream()
                    .sorted().toList()) + ")").collect(Collectors.joining(", "))
                    + " ; consolidez des sorties calculées avec les mêmes règles");
        }
        String rules = withRules.isEmpty() ? "non indiquée"
                : String.join(", ", byCode.values().stream().flatMap(Set::stream).toList());

        List<String> warnings = new ArrayList<>();
        inputs.forEach(i -> warnings.addAll(i.warnings()));
        PooledStats nation = new PooledStats("Total national");
        Map<String, PooledStats> regions = new TreeMap<>();
        Map<Sector, PooledStats> sectors = new EnumMap<>(Sector.class);
        Map<String, PooledStats> editors = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Map<String, PooledStats> organisations = new TreeMap<>();
        Map<String, InstallationOutput> keptFrom = new LinkedHashMap<>();
        Map<String, List<String>> also = new TreeMap<>();
        Map<String, Boolean> same = new TreeMap<>();
        Set<String> unknownDepartements = new java.util.TreeSet<>();
        for (InstallationOutput input : inputs) {
            for (Map.Entry<String, Map<Indicator, ContractRow>> e : input.figures().entrySet()) {
                String finess = e.getKey();
                InstallationOutput first = keptFrom.putIfAbsent(finess, input);
                if (first != null) {
                    also.computeIfAbsent(finess, f -> new ArrayList<>()).add(input.name());
                    same.merge(finess, first.figures().get(finess).equals(e.getValue()), Boolean::logicalAnd);
                    continue;
                }
                Essms essms = input.referential().get(finess);
                nation.add(e.getValue());
                String region = essms == null ? UNKNOWN_REGION
                        : regionTable.of(essms.departement(), finess).orElse(UNKNOWN_REGION);
                if (essms != null && region.equals(UNKNOWN_REGION)) {
                    unknownDepartements.add(essms.departement());
                }
                regions.computeIfAbsent(region, PooledStats::new).add(e.getValue());
                Sector sector = essms == null ? Sector.AUTRE : essms.sector();
                sectors.computeIfAbsent(sector, s -> new PooledStats(label(s))).add(e.getValue());
                editors.computeIfAbsent(orDefault(essms == null ? null : essms.editeur(), NO_EDITOR),
                        PooledStats::new).add(e.getValue());
                organisations.computeIfAbsent(orDefault(essms == null ? null : essms.finessEj(), NO_ORGANISATION),
                        PooledStats::new).add(e.getValue());
            }
        }
        if (!unknownDepartements.isEmpty()) {
            warnings.add("départements sans région connue : " + String.join(", ", unknownDepartements)
                    + " (comptés sous « " + UNKNOWN_REGION + " »)");
        }
        List<Overlap> overlaps = also.entrySet().stream().map(e -> new Overlap(e.getKey(),
                keptFrom.get(e.getKey()).name(), e.getValue(), same.get(e.getKey()))).toList();
        return new Consolidation(month, windows.iterator().next(), rules, inputs, nation, regions, sectors, editors,
                organisations, overlaps, warnings);
    }

    /** "Personnes âgées (PA)". */
    static String label(Sector sector) {
        return sector == Sector.AUTRE ? sector.label() : sector.label() + " (" + sector.name() + ")";
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    /** How many distinct ESSMS are counted. */
    public int essms() {
        return Objects.requireNonNull(nation).essms();
    }
}
