package fr.esms.indicateurs.rules;

import java.util.List;

/**
 * What an ESSMS must act on for one window: one section per indicator whose target is not reached, in the order
 * of the spec.
 *
 * @param fromRecords false when the figures come from the editor's aggregates: nobody can be named
 */
public record WorkList(EssmsMeasure measure, boolean fromRecords, List<WorkListSection> sections) {

    public WorkList {
        sections = List.copyOf(sections);
    }

    /** No target missed: nothing to list. */
    public boolean isEmpty() {
        return sections.isEmpty();
    }

    /** A list naming nobody, for figures the editor counted itself ({@code agregats.csv}). */
    public static WorkList fromAggregates(EssmsMeasure measure) {
        return new WorkList(measure, false, measure.results().stream()
                .filter(r -> r.attainment() == Attainment.NON)
                .map(r -> new WorkListSection(r, false, List.of())).toList());
    }
}
