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

    public boolean isExempt(Indicator indicator, Sector sector) {
        return SERVICES.contains(indicator) && servicesExemptSectors.contains(sector);
    }
}
