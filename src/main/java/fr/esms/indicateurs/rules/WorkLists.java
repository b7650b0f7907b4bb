package fr.esms.indicateurs.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The work lists of an ESSMS: for each indicator whose target is not reached, the persons of its denominator who
 * are not in its numerator, with why. Computed by the calculation's own populations and adjustment codes
 * ({@link Populations}, {@link PersonCodes}), so a list always matches the figure it explains.
 *
 * <p>Persons removed by a person-level code are out of the denominator: they are not listed. A declared
 * adjustment removes a number, not persons: every candidate is listed and the section says how many of them the
 * adjustment covers ({@link WorkListSection#coveredByDeclaredAdjustment()}). MSS counts messages: a person
 * without a message does not make its gap, so its section names nobody.
 */
public final class WorkLists {

    private final IndicatorCalculator calculator;

    public WorkLists(IndicatorCalculator calculator) {
        this.calculator = calculator;
    }

    public WorkList compute(String finess, String category, MeasureWindow window, EssmsActivity activity,
                            List<DeclaredAdjustment> declared) {
        EssmsMeasure measure = calculator.compute(finess, category, window, activity, declared);
        Populations populations = Populations.of(activity, window);
        PersonCodes codes = calculator.personCodes(category, Sector.ofCategory(category), window,
                populations.codesByAccompaniedPerson());
        MissingReasons reasons = new MissingReasons(activity, window, populations);
        List<WorkListSection> sections = new ArrayList<>();
        for (IndicatorResult result : measure.results()) {
            if (result.attainment() != Attainment.NON) {
                continue;
            }
            Indicator indicator = result.indicator();
            if (indicator == Indicator.MSS) {
                sections.add(new WorkListSection(result, false, List.of()));
                continue;
            }
            Set<String> denominator = populations.denominator(indicator);
            Set<String> numerator = populations.numerator(indicator);
            Set<String> removed = codes.removedFrom(indicator, denominator, new ArrayList<>());
            List<MissingPerson> persons = denominator.stream()
                    .filter(p -> !removed.contains(p) && !numerator.contains(p))
                    .map(p -> reasons.why(indicator, p))
                    .sorted(MissingReasons.quickestFirst(window))
                    .toList();
            WorkListSection section = new WorkListSection(result, true, persons);
            long declaredPart = result.adjustment() - removed.size();
            if (section.coveredByDeclaredAdjustment() != declaredPart) {
                // Cannot happen while both read the same populations; a list that disagrees is never written.
                throw new IllegalStateException(finess + " " + indicator + " : " + persons.size()
                        + " personnes listées pour " + section.denominatorMinusNumerator() + " manquantes et "
                        + declaredPart + " retirées par aménagement déclaré");
            }
            sections.add(section);
        }
        return new WorkList(measure, true, sections);
    }
}
