package fr.esms.indicateurs.rules;

import java.util.List;

/**
 * The work list of one indicator whose target is not reached.
 *
 * @param nominative false when no person can be named: MSS counts messages, and aggregates name nobody
 * @param persons    the persons of the (person-adjusted) denominator not in the numerator, quickest wins first
 */
public record WorkListSection(IndicatorResult result, boolean nominative, List<MissingPerson> persons) {

    public WorkListSection {
        persons = List.copyOf(persons);
        if (!nominative && !persons.isEmpty()) {
            throw new IllegalArgumentException("a list without names holds no person");
        }
    }

    public Indicator indicator() {
        return result.indicator();
    }

    /** {@code denominateur - numerateur}: what the list holds when no declared adjustment applies. */
    public long denominatorMinusNumerator() {
        return result.denominator() - result.numerator();
    }

    /**
     * Persons of the list that a declared adjustment ({@code amenagements.csv}: a number, no names) removed from
     * the denominator: the list names every candidate, it cannot say which of them the ARS counted out.
     */
    public long coveredByDeclaredAdjustment() {
        return nominative ? persons.size() - denominatorMinusNumerator() : 0;
    }
}
