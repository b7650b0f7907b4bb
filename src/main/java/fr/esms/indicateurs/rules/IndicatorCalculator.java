package fr.esms.indicateurs.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cibles d'usage of the ESMS numérique programme, as {@code indicateurs.md} states them. Each step below is
 * named after the paragraph of the spec it implements; the populations are in {@link Populations}, the
 * adjustments (person-level codes, declared adjustments, editor exclusions) in {@link Adjustments}. Nothing here
 * touches files, databases or Spring.
 */
public final class IndicatorCalculator {

    /** The indicators computed before MSS whose numerator and denominator are persons, in result order. */
    private static final List<Indicator> PERSON_INDICATORS = List.of(Indicator.DOSSIERS_ACTIFS,
            Indicator.PROJET_PERSONNALISE, Indicator.AGENDA);

    private final RulesVersion rules;
    private final Adjustments adjustments;

    public IndicatorCalculator(RulesVersion rules) {
        this.rules = rules;
        this.adjustments = new Adjustments(rules);
    }

    public RulesVersion rules() {
        return rules;
    }

    public EssmsMeasure compute(String finess, String category, MeasureWindow window, EssmsActivity activity,
                                List<DeclaredAdjustment> declared) {
        Sector sector = Sector.ofCategory(category);
        List<String> warnings = new ArrayList<>();

        Populations populations = Populations.of(activity, window);
        Set<String> accompanied = populations.accompanied();
        long duplicated = populations.activeRecordsPerPerson().values().stream().filter(n -> n > 1).count();
        if (duplicated > 0) {
            warnings.add(duplicated + " personne(s) ont plusieurs dossiers actifs (doublons, comptées une fois)");
        }
        if (populations.orphanDocuments() > 0) {
            warnings.add(populations.orphanDocuments()
                    + " document(s) DMP rattaché(s) à un dossier absent des exports, non comptés");
        }

        // Adjustments — person-level codes, applied only if known, in force at the window's end and allowed.
        PersonCodes codes = personCodes(category, sector, window, populations.codesByAccompaniedPerson());

        List<IndicatorResult> results = new ArrayList<>();
        List<AppliedAdjustment> applied = new ArrayList<>();
        List<RefusedAdjustment> refused = new ArrayList<>(codes.refused());

        for (Indicator indicator : PERSON_INDICATORS) {
            Set<String> out = codes.removedFrom(indicator, populations.denominator(indicator), applied);
            results.add(rated(indicator, sector, window, countOutside(populations.numerator(indicator), out),
                    populations.denominator(indicator).size(), out.size(), declared, codes, false, applied, refused,
                    warnings));
        }
        // MSS counts messages: persons are removed from its denominator only.
        Set<String> outOfMss = codes.removedFrom(Indicator.MSS, accompanied, applied);
        results.add(rated(Indicator.MSS, sector, window, populations.messages(), accompanied.size(),
                outOfMss.size(), declared, codes, false, applied, refused, warnings));
        Set<String> outOfDmp = codes.removedFrom(Indicator.DMP, accompanied, applied);
        IndicatorResult dmp = rated(Indicator.DMP, sector, window,
                countOutside(populations.personsWithDmp(), outOfDmp), accompanied.size(), outOfDmp.size(), declared,
                codes, false, applied, refused, warnings);
        results.add(dmp);
        warnIfDmpInconsistent(dmp, warnings);

        results.add(counter(Indicator.EPRESCRIPTION, activity.ePrescriptions(), window));
        results.add(counter(Indicator.EPARCOURS, activity.eParcours(), window));

        return new EssmsMeasure(finess, window, rules.code(), sector, results, applied, refused, warnings);
    }

    /**
     * The same measure from an editor's aggregate counts ({@code agregats.csv}) for exactly this window: the
     * editor counted the populations, so the rates, targets, exactness, NC, manque and the PJM exemption are
     * those of {@link #compute}, applied to its figures.
     *
     * <p>{@code exclusions_mss} / {@code exclusions_dmp} are persons the editor excluded without saying why: they
     * are removed from the denominator only if the catalogue has at least one entry covering the indicator,
     * allowed for the ESSMS's category and in force at the window's end; otherwise they are refused (reported,
     * figure unadjusted). Declared adjustments apply as for records, except on an indicator where editor
     * exclusions were applied: the same persons would be removed twice, so those declared ones are refused.
     * The two counters are 0: aggregates carry none.
     */
    public EssmsMeasure computeFromAggregate(String finess, String category, MeasureWindow window,
                                             AggregateCounts counts, List<DeclaredAdjustment> declared) {
        Sector sector = Sector.ofCategory(category);
        List<String> warnings = new ArrayList<>();
        List<IndicatorResult> results = new ArrayList<>();
        List<AppliedAdjustment> applied = new ArrayList<>();
        List<RefusedAdjustment> refused = new ArrayList<>();
        // No person-level code in aggregates: declared adjustments are never superseded by codes.
        PersonCodes noCodes = new PersonCodes(category, Map.of(), Set.of(), List.of());

        results.add(rated(Indicator.DOSSIERS_ACTIFS, sector, window, counts.activeRecords(),
                counts.personsAccompanied(), 0, declared, noCodes, false, applied, refused, warnings));
        results.add(rated(Indicator.PROJET_PERSONNALISE, sector, window, counts.activeRecordsWithProject(),
                counts.activeRecords(), 0, declared, noCodes, false, applied, refused, warnings));
        results.add(rated(Indicator.AGENDA, sector, window, counts.activeRecordsWithAgenda(),
                counts.activeRecords(), 0, declared, noCodes, false, applied, refused, warnings));
        long outOfMss = adjustments.editorExclusions(Indicator.MSS, "exclusions_mss", counts.mssExclusions(), category, sector,
                window, applied, refused);
        results.add(rated(Indicator.MSS, sector, window, counts.mssMessages(), counts.personsAccompanied(),
                outOfMss, declared, noCodes, outOfMss > 0, applied, refused, warnings));
        long outOfDmp = adjustments.editorExclusions(Indicator.DMP, "exclusions_dmp", counts.dmpExclusions(), category, sector,
                window, applied, refused);
        IndicatorResult dmp = rated(Indicator.DMP, sector, window, counts.dmpFed(), counts.personsAccompanied(),
                outOfDmp, declared, noCodes, outOfDmp > 0, applied, refused, warnings);
        results.add(dmp);
        warnIfDmpInconsistent(dmp, warnings);
        results.add(new IndicatorResult(Indicator.EPRESCRIPTION, 0, null, 0, null, null, null, 0));
        results.add(new IndicatorResult(Indicator.EPARCOURS, 0, null, 0, null, null, null, 0));
        return new EssmsMeasure(finess, window, rules.code(), sector, results, applied, refused, warnings);
    }

    /** What an applied or refused editor exclusion is called in the reports. */
    public static final String EDITOR_EXCLUSIONS = "Exclusions comptées par l'éditeur (agregats.csv)";

    /** The spec asks a DMP denominator smaller than its numerator to be reported. */
    private static void warnIfDmpInconsistent(IndicatorResult dmp, List<String> warnings) {
        if (dmp.denominator() < dmp.numerator()) {
            warnings.add("DMP incohérent : dénominateur (" + dmp.denominator() + ") inférieur au numérateur ("
                    + dmp.numerator() + ")");
        }
    }

    /** Persons of the numerator that no applied code removed. */
    private static long countOutside(Set<String> numerator, Set<String> removed) {
        return numerator.stream().filter(p -> !removed.contains(p)).count();
    }

    private IndicatorResult rated(Indicator indicator, Sector sector, MeasureWindow window, long numerator,
                                  long rawDenominator, long personsRemoved, List<DeclaredAdjustment> declared,
                                  PersonCodes codes, boolean editorExcluded, List<AppliedAdjustment> applied,
                                  List<RefusedAdjustment> refused, List<String> warnings) {
        long declaredRemoved = adjustments.declared(indicator, sector, window, declared, codes, editorExcluded,
                applied, refused);
        long wanted = personsRemoved + declaredRemoved;
        // An adjusted denominator never goes below zero.
        long denominator = Math.max(0, rawDenominator - wanted);
        long adjustment = rawDenominator - denominator;
        if (adjustment < wanted) {
            warnings.add(indicator + " : aménagements (" + wanted + ") supérieurs au dénominateur brut ("
                    + rawDenominator + "), dénominateur ramené à 0");
        }
        if (rules.isExempt(indicator, sector)) {
            return new IndicatorResult(indicator, numerator, rawDenominator, adjustment, denominator, null,
                    Attainment.EXEMPTE, 0);
        }
        int target = rules.target(indicator);
        if (denominator == 0) {
            return new IndicatorResult(indicator, numerator, rawDenominator, adjustment, denominator, target,
                    Attainment.NC, 0);
        }
        // Exactness: decided on integers, never on the rounded rate.
        boolean reached = numerator * 100 >= (long) target * denominator;
        return new IndicatorResult(indicator, numerator, rawDenominator, adjustment, denominator, target,
                reached ? Attainment.OUI : Attainment.NON, gap(numerator, denominator, target));
    }

    /** Manque: the smallest k >= 0 such that (numerator + k) x 100 >= target x denominator. */
    static long gap(long numerator, long denominator, int target) {
        long missingHundredths = (long) target * denominator - numerator * 100;
        return missingHundredths <= 0 ? 0 : (missingHundredths + 99) / 100;
    }

    private static IndicatorResult counter(Indicator indicator, List<EssmsActivity.Dated> events,
                                           MeasureWindow window) {
        long count = events.stream().filter(e -> window.contains(e.date()))
                .map(EssmsActivity.Dated::id).distinct().count();
        return new IndicatorResult(indicator, count, null, 0, null, null, null, 0);
    }

    /**
     * A person-level code on any stay overlapping the window removes the person from the population of each
     * indicator it covers. Unknown, not in force or not allowed codes are reported, never applied.
     */
    PersonCodes personCodes(String category, Sector sector, MeasureWindow window,
                            Map<String, Set<String>> codesByPerson) {
        return adjustments.personCodes(category, sector, window, codesByPerson);
    }
}
