package fr.esms.indicateurs.report;

import fr.esms.indicateurs.rules.EssmsMeasure;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One ESSMS of the referential in the regional workbook.
 *
 * @param measure          the measure of the month, or null when no export gave data for the ESSMS
 * @param lastExportDate   the day the latest export holding the ESSMS arrived (its reception in the dépôt, or its
 *                         {@code date_extraction} when the reception is not tracked); null when none arrived
 * @param source           where the figures come from; null when unknown (an empty cell)
 */
public record RegionalRow(EssmsIdentity identity, EssmsMeasure measure, LocalDate lastExportDate,
                          FigureSource source) {

    public RegionalRow(EssmsIdentity identity, EssmsMeasure measure, LocalDate lastExportDate) {
        this(identity, measure, lastExportDate, null);
    }

    public RegionalRow {
        Objects.requireNonNull(identity, "identité de l'ESSMS absente");
        if (measure != null && !identity.finess().equals(measure.finess())) {
            throw new IllegalArgumentException("la mesure (FINESS " + measure.finess()
                    + ") ne correspond pas à l'ESSMS " + identity.finess());
        }
    }

    public boolean hasData() {
        return measure != null;
    }

    /** An ESSMS with data whose export arrived after {@code lateAfter} (never late when either date is null). */
    public boolean isLate(LocalDate lateAfter) {
        return measure != null && lateAfter != null && lastExportDate != null && lastExportDate.isAfter(lateAfter);
    }
}
