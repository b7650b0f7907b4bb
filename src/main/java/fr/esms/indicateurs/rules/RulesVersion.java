package fr.esms.indicateurs.rules;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A rules version: when it is in force, targets, default and final windows, the adjustment catalogue, the
 * exemptions and the solde amounts. Built from a folder of plain files ({@code regles/<code>/}); its fingerprint is
 * the SHA-256 of those files ({@link RulesFingerprint}), so that every figure can name the exact rules it used.
 *
 * @param inForceFrom           a project whose convention is signed from this day is measured under this version
 *                              (unless its {@code projets.csv} line names another)
 * @param reference             the text that decides the version (instruction, call for projects)
 * @param servicesExemptSectors sectors not held to the MSS and DMP targets
 * @param fingerprint           SHA-256 (hex) of the version's files
 */
public record RulesVersion(
        String code,
        LocalDate inForceFrom,
        String reference,
        Map<Indicator, Integer> targets,
        int monthlyWindow,
        int firstMeasureWindow,
        int finalDuiWindow,
        int finalServicesWindowDefault,
        int finalServicesWindowMin,
        int finalServicesWindowMax,
        AdjustmentCatalogue catalogue,
        Set<Sector> servicesExemptSectors,
        AmountScale amounts,
        String fingerprint) {

    public static final Set<Indicator> SERVICES = Set.of(Indicator.MSS, Indicator.DMP);

    /** The day instruction DNS/DGCS/CNSA/2025/40 was signed: the 2025 rules are in force from it. */
    public static final LocalDate V2025_IN_FORCE_FROM = LocalDate.of(2025, 4, 16);

    public RulesVersion {
        targets = Map.copyOf(targets);
        servicesExemptSectors = Set.copyOf(servicesExemptSectors);
    }

    /**
     * The 2025 call for projects built in code, with this catalogue: 90 % for the three DUI indicators, 70 % for
     * MSS and DMP, PJM exempted, the 2025 amounts. For calculation tests; the application reads its versions from
     * files. Its fingerprint is the SHA-256 of a canonical text of its content.
     */
    public static RulesVersion v2025(AdjustmentCatalogue catalogue) {
        Map<Indicator, Integer> targets = new EnumMap<>(Indicator.class);
        targets.put(Indicator.DOSSIERS_ACTIFS, 90);
        targets.put(Indicator.PROJET_PERSONNALISE, 90);
        targets.put(Indicator.AGENDA, 90);
        targets.put(Indicator.MSS, 70);
        targets.put(Indicator.DMP, 70);
        AmountScale amounts = new AmountScale(List.of(
                new AmountRow("ACQUISITION", 1, null, 7_000, 14_000),
                new AmountRow("ACQUISITION", 50, null, 2_000, 3_000),
                new AmountRow("MONTEE_VERSION", 1, null, 5_000, 0),
                new AmountRow("MONTEE_VERSION", 50, null, 2_000, 0)));
        String text = "2025|" + new TreeMap<>(targets) + "|1,3,3,3,3,6|PJM|" + amounts.rows() + "|"
                + catalogue.entries().stream().map(e -> e.code() + ":" + e.indicators().stream().sorted().toList()
                + ":" + e.categories().stream().sorted().toList() + ":" + e.sectors().stream().sorted().toList()
                + ":" + e.inForceFrom() + ":" + e.inForceUntil()).collect(Collectors.joining(","));
        return new RulesVersion("2025", V2025_IN_FORCE_FROM, "Instruction N° DNS/DGCS/CNSA/2025/40", targets,
                1, 3, 3, 3, 3, 6, catalogue, Set.of(Sector.PJM), amounts,
                RulesFingerprint.of(Map.of("en-code", text.getBytes(StandardCharsets.UTF_8))));
    }

    /** The target of an indicator, or null for the counters. */
    public Integer target(Indicator indicator) {
        return targets.get(indicator);
    }

    public boolean isExempt(Indicator indicator, Sector sector) {
        return SERVICES.contains(indicator) && servicesExemptSectors.contains(sector);
    }

    /** The first 12 hex digits of the fingerprint, for a workbook cell or a log line. */
    public String shortFingerprint() {
        return fingerprint.substring(0, Math.min(12, fingerprint.length()));
    }
}
