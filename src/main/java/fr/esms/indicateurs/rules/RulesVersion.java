package fr.esms.indicateurs.rules;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * A rules version: targets, default windows, the adjustment catalogue and the exemptions.
 *
 * @param servicesExemptSectors sectors not held to the MSS and DMP targets
 */
public record RulesVersion(
        String code,
        Map<Indicator, Integer> targets,
        int monthlyWindow,
        int firstMeasureWindow,
        int finalDuiWindow,
        int finalServicesWindowDefault,
        int finalServicesWindowMin,
        int finalServicesWindowMax,
        AdjustmentCatalogue catalogue,
        Set<Sector> servicesExemptSectors) {

    public static final Set<Indicator> SERVICES = Set.of(Indicator.MSS, Indicator.DMP);

    public RulesVersion {
        targets = Map.copyOf(targets);
        servicesExemptSectors = Set.copyOf(servicesExemptSectors);
    }

    /** The 2025 call for projects: 90 % for the three DUI indicators, 70 % for MSS and DMP, PJM exempted. */
    public static RulesVersion v2025(AdjustmentCatalogue catalogue) {
        Map<Indicator, Integer> targets = new EnumMap<>(Indicator.class);
        targets.put(Indicator.DOSSIERS_ACTIFS, 90);
        targets.put(Indicator.PROJET_PERSONNALISE, 90);
        targets.put(Indicator.AGENDA, 90);
        targets.put(Indicator.MSS, 70);
        targets.put(Indicator.DMP, 70);
        return new RulesVersion("2025", targets, 1, 3, 3, 3, 3, 6, catalogue, Set.of(Sector.PJM));
    }

    /** The target of an indicator, or null for the counters. */
    public Integer target(Indicator indicator) {
        return targets.get(indicator);
    }

    /**
     * SHA-256 (lower-case hex) of a canonical text of this version's content: targets, windows, catalogue entries
     * and exemptions, each in a fixed order. Two versions with the same content have the same fingerprint.
     */
    public String fingerprint() {
        StringBuilder text = new StringBuilder("version=").append(code).append('\n');
        new java.util.TreeMap<>(targets).forEach((i, t) -> text.append("cible=").append(i).append('=').append(t)
                .append('\n'));
        text.append("fenetres=").append(monthlyWindow).append(',').append(firstMeasureWindow).append(',')
                .append(finalDuiWindow).append(',').append(finalServicesWindowDefault).append(',')
                .append(finalServicesWindowMin).append(',').append(finalServicesWindowMax).append('\n');
        for (CatalogueEntry e : catalogue.entries()) {
            text.append("amenagement=").append(e.code()).append('|').append(e.label()).append('|')
                    .append(new java.util.TreeSet<>(e.indicators())).append('|')
                    .append(new java.util.TreeSet<>(e.categories())).append('|')
                    .append(new java.util.TreeSet<>(e.sectors())).append('|').append(e.inForceFrom()).append('|')
                    .append(e.inForceUntil()).append('|').append(e.reference()).append('\n');
        }
        text.append("exemptions=").append(new java.util.TreeSet<>(servicesExemptSectors)).append('\n');
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 indisponible", e);
        }
    }

    public boolean isExempt(Indicator indicator, Sector sector) {
        return SERVICES.contains(indicator) && servicesExemptSectors.contains(sector);
    }
}
