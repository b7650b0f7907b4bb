package fr.esms.indicateurs.solde;

import fr.esms.indicateurs.referential.Essms;
import fr.esms.indicateurs.referential.Project;
import fr.esms.indicateurs.referential.Project.FundingType;
import fr.esms.indicateurs.rules.AmountRow;
import fr.esms.indicateurs.rules.AppliedAdjustment;
import fr.esms.indicateurs.rules.Attainment;
import fr.esms.indicateurs.rules.DeclaredAdjustment;
import fr.esms.indicateurs.rules.EssmsActivity;
import fr.esms.indicateurs.rules.EssmsMeasure;
import fr.esms.indicateurs.rules.Indicator;
import fr.esms.indicateurs.rules.AggregateCounts;
import fr.esms.indicateurs.rules.IndicatorCalculator;
import fr.esms.indicateurs.rules.IndicatorResult;
import fr.esms.indicateurs.rules.MeasureWindow;
import fr.esms.indicateurs.rules.RefusedAdjustment;
import fr.esms.indicateurs.rules.RulesVersion;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The solde (second 50 % payment) as {@code indicateurs.md} states it. Nothing here touches files, databases or
 * Spring: the caller gives each ESSMS's stored activity, this class decides.
 *
 * <ul>
 *   <li>Final windows: the DUI indicators over the rules version's DUI window, MSS and DMP over a window the ARS
 *       chooses within the rules version's bounds.</li>
 *   <li>An ESSMS reaches its targets when every target it is held to is reached over its final window: EXEMPTE
 *       (PJM, MSS and DMP) is not a miss; NC (zero denominator) is not reached.</li>
 *   <li>An ESSMS with nothing stored in one of the windows is "données manquantes"; one such ESSMS makes the
 *       project "NON ATTEINTE — données manquantes".</li>
 *   <li>Amounts per ESSMS by rank in the project (distinct FINESS géographique in FINESS order), from the rules
 *       version's {@code montants.csv} (per financing type, rank and, in 2022, Ségur referencing of the
 *       software), total, advance (half) and solde (the other half), payable only when the targets are
 *       reached.</li>
 * </ul>
 */
public final class SoldeRules {

    /** A DUI window is a whole number of months, at most a year (as for {@code executer --fenetre}). */
    public static final int MAX_DUI_WINDOW = 12;

    static final String AGGREGATE_SOURCE = "chiffres tirés des comptages agrégés de l'éditeur (agregats.csv), "
            + "faute de dossiers détaillés, pour ";

    private final IndicatorCalculator calculator;
    private final RulesVersion rules;

    public SoldeRules(IndicatorCalculator calculator) {
        this.calculator = calculator;
        this.rules = calculator.rules();
    }

    public RulesVersion rules() {
        return rules;
    }

    // ---- Final windows -------------------------------------------------------------------------------------

    /** The DUI window: {@code months} (default: the rules version's) whole months ending with {@code month}. */
    public MeasureWindow duiWindow(YearMonth month, Integer months) {
        int n = months == null ? rules.finalDuiWindow() : months;
        if (n < 1 || n > MAX_DUI_WINDOW) {
            throw new SoldeRefusal("fenêtre des indicateurs DUI de " + n + " mois refusée : de 1 à " + MAX_DUI_WINDOW
                    + " mois (règles " + rules.code() + " : " + rules.finalDuiWindow() + " mois)");
        }
        return new MeasureWindow(month, n);
    }

    /** The MSS and DMP window, chosen by the ARS within the rules version's bounds (2025: 3 to 6, default 3). */
    public MeasureWindow servicesWindow(YearMonth month, Integer months) {
        int n = months == null ? rules.finalServicesWindowDefault() : months;
        if (n < rules.finalServicesWindowMin() || n > rules.finalServicesWindowMax()) {
            throw new SoldeRefusal("fenêtre MSS et DMP de " + n + " mois refusée : les règles " + rules.code()
                    + " la fixent de " + rules.finalServicesWindowMin() + " à " + rules.finalServicesWindowMax()
                    + " mois (défaut " + rules.finalServicesWindowDefault() + ")");
        }
        return new MeasureWindow(month, n);
    }

    public SoldeWindows windows(YearMonth month, Integer duiMonths, Integer servicesMonths) {
        return new SoldeWindows(duiWindow(month, duiMonths), servicesWindow(month, servicesMonths));
    }

    // ---- Amounts -------------------------------------------------------------------------------------------

    /**
     * Usage and equipment amounts of the ESSMS of rank {@code rank} (1 = first) in an ESSMS-ordered project, from the
     * rules version's {@code montants.csv}.
     *
     * @param segurReferenced whether the project's software is Ségur-referenced, or null when projets.csv does not
     *                        say (refused when the version's amounts depend on it)
     */
    public Amounts amounts(int rank, FundingType funding, Boolean segurReferenced) {
        if (rank < 1) {
            throw new IllegalArgumentException("rang " + rank + " : le premier ESSMS a le rang 1");
        }
        if (segurReferenced == null && rules.amounts().dependsOnSegur(funding.name(), rank)) {
            throw new SoldeRefusal("les montants " + funding.name() + " des règles " + rules.code() + " dépendent du "
                    + "référencement Ségur du logiciel choisi, que projets.csv ne donne pas : renseignez la colonne "
                    + "logiciel_reference_segur (OUI ou NON) du projet, relancez executer, puis solde");
        }
        AmountRow row = rules.amounts().find(funding.name(), rank, segurReferenced).orElseThrow(() ->
                new SoldeRefusal("les règles " + rules.code() + " ne donnent aucun montant " + funding.name()
                        + " pour le rang " + rank + " (montants.csv)"));
        return new Amounts(row.usage(), row.software());
    }

    // ---- Rank -----------------------------------------------------------------------------------------------

    /**
     * The ESSMS of a project in rank order: counted by distinct FINESS géographique, in ascending FINESS order
     * (the referential gives no other order; this one is stable from one run to the next).
     */
    public static List<Essms> inRankOrder(List<Essms> essmsOfProject) {
        java.util.Map<String, Essms> byFiness = new java.util.TreeMap<>();
        essmsOfProject.forEach(e -> byFiness.putIfAbsent(e.finess(), e));
        return List.copyOf(byFiness.values());
    }

    // ---- One ESSMS -----------------------------------------------------------------------------------------

    /**
     * The final measure of one ESSMS: the DUI indicators over the DUI window, MSS and DMP over the services window
     * (declared adjustments apply to the window they state exactly), its decision and its amounts.
     *
     * @param duiActivity      what is stored for the ESSMS, at least for the DUI window
     * @param servicesActivity what is stored for the ESSMS, at least for the services window
     */
    public EssmsSolde essms(int rank, Essms essms, FundingType funding, SoldeWindows windows,
                            EssmsActivity duiActivity, EssmsActivity servicesActivity,
                            List<DeclaredAdjustment> declared) {
        return essms(rank, essms, funding, windows, duiActivity, servicesActivity, declared, null, null);
    }

    /**
     * The same, where an editor that gives only its counts ({@code agregats.csv}) may have sent a row for exactly a
     * final window: it is used for that window when the ESSMS has no record-level data in it, as in the monthly
     * computation.
     *
     * @param duiAggregate      the aggregate whose period is exactly the DUI window, or null
     * @param servicesAggregate the aggregate whose period is exactly the services window, or null
     */
    public EssmsSolde essms(int rank, Essms essms, FundingType funding, SoldeWindows windows,
                            EssmsActivity duiActivity, EssmsActivity servicesActivity,
                            List<DeclaredAdjustment> declared, AggregateCounts duiAggregate,
                            AggregateCounts servicesAggregate) {
        return essms(rank, essms, funding, null, windows, duiActivity, servicesActivity, declared, duiAggregate,
                servicesAggregate);
    }

    /**
     * The same for an ESSMS of a project whose software is Ségur-referenced or not ({@code segurReferenced}, null
     * when not known), which the amounts of some versions depend on.
     */
    public EssmsSolde essms(int rank, Essms essms, FundingType funding, Boolean segurReferenced,
                            SoldeWindows windows, EssmsActivity duiActivity, EssmsActivity servicesActivity,
                            List<DeclaredAdjustment> declared, AggregateCounts duiAggregate,
                            AggregateCounts servicesAggregate) {
        boolean duiFromAggregate = duiAggregate != null && !duiActivity.hasDataIn(windows.dui());
        boolean servicesFromAggregate = servicesAggregate != null && !servicesActivity.hasDataIn(windows.services());
        EssmsMeasure dui = duiFromAggregate
                ? calculator.computeFromAggregate(essms.finess(), essms.categorie(), windows.dui(), duiAggregate,
                declared).withWarning(AGGREGATE_SOURCE + SoldeTexts.window(windows.dui()))
                : calculator.compute(essms.finess(), essms.categorie(), windows.dui(), duiActivity, declared);
        EssmsMeasure services = windows.services().equals(windows.dui()) && servicesActivity == duiActivity ? dui
                : servicesFromAggregate
                ? calculator.computeFromAggregate(essms.finess(), essms.categorie(), windows.services(),
                servicesAggregate, declared).withWarning(AGGREGATE_SOURCE + SoldeTexts.window(windows.services()))
                : calculator.compute(essms.finess(), essms.categorie(), windows.services(), servicesActivity, declared);

        boolean duiData = duiFromAggregate || duiActivity.hasDataIn(windows.dui());
        boolean servicesData = servicesFromAggregate || servicesActivity.hasDataIn(windows.services());
        return fromMeasures(rank, essms, funding, segurReferenced, dui, duiData, services, servicesData);
    }

    /**
     * One ESSMS from its two final measures, computed or read from a closed revision: the DUI indicators from
     * {@code dui}, MSS and DMP from {@code services}, its decision and its amounts.
     *
     * @param segurReferenced whether the project's software is Ségur-referenced (null when not known)
     * @param duiData         whether any data fed the ESSMS in the DUI window
     * @param servicesData    whether any data fed it in the MSS and DMP window
     */
    public EssmsSolde fromMeasures(int rank, Essms essms, FundingType funding, Boolean segurReferenced,
                                   EssmsMeasure dui, boolean duiData, EssmsMeasure services, boolean servicesData) {
        Amounts amounts = amounts(rank, funding, segurReferenced);
        List<IndicatorResult> results = new ArrayList<>();
        List<AppliedAdjustment> applied = new ArrayList<>();
        List<RefusedAdjustment> refused = new ArrayList<>();
        for (Indicator indicator : SoldeWindows.INDICATORS) {
            EssmsMeasure measure = RulesVersion.SERVICES.contains(indicator) ? services : dui;
            results.add(measure.result(indicator));
            measure.applied().stream().filter(a -> a.indicator() == indicator).forEach(applied::add);
            measure.refused().stream().filter(a -> a.indicator() == indicator).forEach(refused::add);
        }
        // An unknown code concerns no indicator in particular: reported once.
        dui.refused().stream().filter(a -> a.indicator() == null).forEach(refused::add);
        LinkedHashSet<String> warnings = new LinkedHashSet<>(dui.warnings());
        warnings.addAll(services.warnings());

        SoldeDecision decision = !(duiData && servicesData) ? SoldeDecision.DONNEES_MANQUANTES
                : reachesEveryTargetHeldTo(results) ? SoldeDecision.ATTEINTE
                : SoldeDecision.NON_ATTEINTE;
        return new EssmsSolde(rank, essms, dui.sector(), duiData, servicesData, results, applied, refused,
                List.copyOf(warnings), decision, amounts);
    }

    /** EXEMPTE is not held to; NC (zero denominator) and NON are not reached. */
    static boolean reachesEveryTargetHeldTo(List<IndicatorResult> results) {
        return results.stream()
                .filter(r -> r.attainment() != Attainment.EXEMPTE)
                .allMatch(r -> r.attainment() == Attainment.OUI);
    }

    // ---- The project ---------------------------------------------------------------------------------------

    /**
     * The project's decision and amounts from its ESSMS in rank order. Refused when the project has no ESSMS, or
     * when nothing at all is stored for any of them in the windows (a wrong month, or exports not yet ingested).
     */
    public ProjectSolde project(Project project, SoldeWindows windows, List<EssmsSolde> essms) {
        if (essms.isEmpty()) {
            throw new SoldeRefusal("le projet " + project.projetId() + " n'a aucun ESSMS dans le référentiel "
                    + "(essms.csv) : pas de solde à établir");
        }
        if (essms.stream().noneMatch(EssmsSolde::anyData)) {
            throw new SoldeRefusal("aucune donnée en base pour " + (essms.size() == 1 ? "l'ESSMS"
                    : "les " + essms.size() + " ESSMS") + " du projet " + project.projetId() + " sur "
                    + SoldeTexts.windows(windows) + " (ni séjour, ni mise à jour de dossier, ni événement d'agenda, ni message MSS, ni document "
                    + "DMP) : vérifiez le mois, ou ingérez d'abord les exports avec la commande executer");
        }
        SoldeDecision decision = essms.stream().anyMatch(e -> e.decision() == SoldeDecision.DONNEES_MANQUANTES)
                ? SoldeDecision.DONNEES_MANQUANTES
                : essms.stream().allMatch(e -> e.decision() == SoldeDecision.ATTEINTE) ? SoldeDecision.ATTEINTE
                : SoldeDecision.NON_ATTEINTE;
        Amounts total = essms.stream().map(EssmsSolde::amounts).reduce(Amounts.ZERO, Amounts::plus);
        // Paid 50 % at the convention, 50 % at the end on condition that the targets are reached.
        long advance = total.total() / 2;
        long solde = total.total() - advance;
        return new ProjectSolde(project, rules, windows, essms, decision, total, advance, solde,
                decision == SoldeDecision.ATTEINTE ? solde : 0);
    }
}
