package fr.esms.indicateurs.solde;

import fr.esms.indicateurs.referential.Essms;
import fr.esms.indicateurs.rules.AppliedAdjustment;
import fr.esms.indicateurs.rules.Attainment;
import fr.esms.indicateurs.rules.Indicator;
import fr.esms.indicateurs.rules.IndicatorResult;
import fr.esms.indicateurs.rules.RefusedAdjustment;
import fr.esms.indicateurs.rules.Sector;

import java.util.List;

/**
 * One ESSMS at the final measure: its rank in the project, the five indicators over their final windows (the
 * three DUI ones over the DUI window, MSS and DMP over the services window), its decision and its amounts.
 *
 * @param duiData      something is stored for the ESSMS in the DUI window
 * @param servicesData something is stored for the ESSMS in the MSS and DMP window
 */
public record EssmsSolde(
        int rank,
        Essms essms,
        Sector sector,
        boolean duiData,
        boolean servicesData,
        List<IndicatorResult> results,
        List<AppliedAdjustment> applied,
        List<RefusedAdjustment> refused,
        List<String> warnings,
        SoldeDecision decision,
        Amounts amounts) {

    public EssmsSolde {
        results = List.copyOf(results);
        applied = List.copyOf(applied);
        refused = List.copyOf(refused);
        warnings = List.copyOf(warnings);
    }

    /** Data in both windows: without it the ESSMS cannot be decided ("données manquantes"). */
    public boolean withData() {
        return duiData && servicesData;
    }

    public boolean anyData() {
        return duiData || servicesData;
    }

    public String finess() {
        return essms.finess();
    }

    public IndicatorResult result(Indicator indicator) {
        return results.stream().filter(r -> r.indicator() == indicator).findFirst().orElseThrow();
    }

    /** The targets the ESSMS is held to (not exempted) and does not reach, not computable ones included. */
    public List<IndicatorResult> missed() {
        return results.stream()
                .filter(r -> r.attainment() != Attainment.EXEMPTE && r.attainment() != Attainment.OUI)
                .toList();
    }
}
