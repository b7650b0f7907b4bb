package fr.esms.indicateurs.rules;

import fr.esms.indicateurs.rules.EssmsActivity.AgendaEvent;
import fr.esms.indicateurs.rules.EssmsActivity.DmpDocument;
import fr.esms.indicateurs.rules.EssmsActivity.DmpStatus;
import fr.esms.indicateurs.rules.EssmsActivity.DuiRecord;
import fr.esms.indicateurs.rules.EssmsActivity.EventStatus;
import fr.esms.indicateurs.rules.EssmsActivity.PersonalisedProject;
import fr.esms.indicateurs.rules.EssmsActivity.ProjectStatus;
import fr.esms.indicateurs.rules.EssmsActivity.Stay;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The cibles d'usage of the ESMS numérique programme, as {@code indicateurs.md} states them. Each step below is
 * named after the paragraph of the spec it implements; nothing here touches files, databases or Spring.
 */
public final class IndicatorCalculator {

    /** The indicators computed before MSS whose numerator and denominator are persons, in result order. */
    private static final List<Indicator> PERSON_INDICATORS = List.of(Indicator.DOSSIERS_ACTIFS,
            Indicator.PROJET_PERSONNALISE, Indicator.AGENDA);

    private final RulesVersion rules;

    public IndicatorCalculator(RulesVersion rules) {
        this.rules = rules;
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
        long outOfMss = editorExclusions(Indicator.MSS, "exclusions_mss", counts.mssExclusions(), category, sector,
                window, applied, refused);
        results.add(rated(Indicator.MSS, sector, window, counts.mssMessages(), counts.personsAccompanied(),
                outOfMss, declared, noCodes, outOfMss > 0, applied, refused, warnings));
        long outOfDmp = editorExclusions(Indicator.DMP, "exclusions_dmp", counts.dmpExclusions(), category, sector,
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

    /**
     * The persons the editor excluded from {@code indicator}, if the catalogue allows an adjustment of it for this
     * ESSMS at the window's end; else none, and the exclusions are reported as refused.
     */
    private long editorExclusions(Indicator indicator, String column, long count, String category, Sector sector,
                                  MeasureWindow window, List<AppliedAdjustment> applied,
                                  List<RefusedAdjustment> refused) {
        if (count == 0) {
            return 0;
        }
        List<CatalogueEntry> allowing = rules.catalogue().entries().stream()
                .filter(e -> e.indicators().contains(indicator))
                .filter(e -> unusable(e, category, sector, window) == null)
                .toList();
        if (allowing.isEmpty()) {
            refused.add(new RefusedAdjustment(indicator, column, AdjustmentSource.AGREGAT, count,
                    "aucun motif du catalogue d'aménagements " + rules.code() + " n'autorise d'ajuster l'indicateur "
                            + indicator + " pour la catégorie FINESS " + category + " (secteur " + sector + ") au "
                            + window.end() + " : exclusions de l'éditeur non appliquées, chiffre non ajusté"));
            return 0;
        }
        applied.add(new AppliedAdjustment(indicator, column, EDITOR_EXCLUSIONS, count, AdjustmentSource.AGREGAT,
                "catalogue d'aménagements " + rules.code() + " : "
                        + String.join(", ", allowing.stream().map(CatalogueEntry::code).toList())));
        return count;
    }

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
        long declaredRemoved = declaredAdjustments(indicator, sector, window, declared, codes, editorExcluded,
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
     * A declared adjustment removes its number from the denominator of its indicator for the exact window it
     * states, only for motifs that no person-level code covers for that ESSMS, indicator and window, and never
     * on an indicator the editor's own exclusions ({@code agregats.csv}) already adjusted.
     */
    private long declaredAdjustments(Indicator indicator, Sector sector, MeasureWindow window,
                                     List<DeclaredAdjustment> declared, PersonCodes codes, boolean editorExcluded,
                                     List<AppliedAdjustment> applied, List<RefusedAdjustment> refused) {
        long removed = 0;
        for (DeclaredAdjustment d : declared) {
            if (d.indicator() != indicator || !window.isExactly(d.periodStart(), d.periodEnd())) {
                continue;
            }
            Optional<CatalogueEntry> entry = rules.catalogue().find(d.motif(), window.end());
            // refusal(...) returns null when the motif is usable: it must not be mistaken for an unknown motif.
            String refusal = entry.isEmpty()
                    ? "motif inconnu du catalogue d'aménagements " + rules.code()
                    : refusal(entry.get(), indicator, sector, window, codes);
            if (refusal == null && editorExcluded) {
                refusal = "remplacé par les exclusions comptées par l'éditeur (agregats.csv) pour " + indicator
                        + " : les mêmes personnes ne sont pas retirées deux fois";
            }
            if (refusal != null) {
                refused.add(new RefusedAdjustment(indicator, d.motif(), AdjustmentSource.DECLARE, d.count(), refusal));
            } else {
                applied.add(new AppliedAdjustment(indicator, d.motif(), entry.get().label(), d.count(),
                        AdjustmentSource.DECLARE, d.reference()));
                removed += d.count();
            }
        }
        return removed;
    }

    private String refusal(CatalogueEntry entry, Indicator indicator, Sector sector, MeasureWindow window,
                           PersonCodes codes) {
        if (!entry.indicators().contains(indicator)) {
            return "le motif " + entry.code() + " ne s'applique pas à l'indicateur " + indicator;
        }
        String unusable = unusable(entry, codes.category(), sector, window);
        if (unusable != null) {
            return unusable;
        }
        if (codes.codesPresent().contains(entry.code())) {
            return "remplacé par les codes individuels " + entry.code() + " des usagers de la fenêtre";
        }
        return null;
    }

    private static String unusable(CatalogueEntry entry, String category, Sector sector, MeasureWindow window) {
        if (!entry.inForceOn(window.end())) {
            return "motif " + entry.code() + " non en vigueur au " + window.end();
        }
        if (!entry.allowedFor(category, sector)) {
            return "motif " + entry.code() + " non autorisé pour la catégorie FINESS " + category + " (secteur "
                    + sector + ")";
        }
        return null;
    }

    /** The usable person-level codes of the window, and the codes that were refused. */
    record PersonCodes(String category,
                               Map<Indicator, Map<CatalogueEntry, Set<String>>> usableByIndicator,
                               Set<String> codesPresent, List<RefusedAdjustment> refused) {

        /**
         * The persons of {@code population} that usable codes remove from {@code indicator}, each counted once;
         * adds to {@code applied} one line per code with the persons of the population carrying it.
         */
        Set<String> removedFrom(Indicator indicator, Set<String> population, List<AppliedAdjustment> applied) {
            Set<String> removed = new HashSet<>();
            usableByIndicator.getOrDefault(indicator, Map.of()).forEach((entry, persons) -> {
                long carrying = 0;
                for (String person : persons) {
                    if (population.contains(person)) {
                        removed.add(person);
                        carrying++;
                    }
                }
                if (carrying > 0) {
                    applied.add(new AppliedAdjustment(indicator, entry.code(), entry.label(), carrying,
                            AdjustmentSource.CODE_USAGER, entry.reference()));
                }
            });
            return removed;
        }
    }

    /**
     * A person-level code on any stay overlapping the window removes the person from the population of each
     * indicator it covers. Unknown, not in force or not allowed codes are reported, never applied.
     */
    PersonCodes personCodes(String category, Sector sector, MeasureWindow window,
                                    Map<String, Set<String>> codesByPerson) {
        Map<String, Set<String>> personsByCode = new TreeMap<>();
        codesByPerson.forEach((person, codes) ->
                codes.forEach(code -> personsByCode.computeIfAbsent(code, c -> new HashSet<>()).add(person)));

        Map<Indicator, Map<CatalogueEntry, Set<String>>> usable = new EnumMap<>(Indicator.class);
        List<RefusedAdjustment> refused = new ArrayList<>();
        personsByCode.forEach((code, persons) -> {
            Optional<CatalogueEntry> found = rules.catalogue().find(code, window.end());
            if (found.isEmpty()) {
                refused.add(new RefusedAdjustment(null, code, AdjustmentSource.CODE_USAGER, persons.size(),
                        "code inconnu du catalogue d'aménagements " + rules.code()));
                return;
            }
            CatalogueEntry entry = found.get();
            String unusable = unusable(entry, category, sector, window);
            for (Indicator indicator : sortedIndicators(entry.indicators())) {
                if (unusable != null) {
                    refused.add(new RefusedAdjustment(indicator, code, AdjustmentSource.CODE_USAGER,
                            persons.size(), unusable));
                } else {
                    usable.computeIfAbsent(indicator, i -> new java.util.LinkedHashMap<>()).put(entry, persons);
                }
            }
        });
        return new PersonCodes(category, usable, personsByCode.keySet(), refused);
    }

    private static List<Indicator> sortedIndicators(Collection<Indicator> indicators) {
        return indicators.stream().sorted().toList();
    }
}
