package fr.esms.indicateurs.rules;

/**
 * The counts an editor gives in {@code agregats.csv} for one ESSMS and one period, when it cannot export records
 * (format-pivot.md, "agregats.csv"). Counts of distinct persons cannot be added across periods: a row serves only
 * the exact window it states.
 *
 * @param personsAccompanied             personnes accompagnées (file active of the period)
 * @param activeRecords                  persons with an active record
 * @param activeRecordsWithProject       persons with an active record holding a projet personnalisé
 * @param activeRecordsWithAgenda        persons with an active record having an agenda event in the period
 * @param mssMessages                    messages sent through MSSanté in the period
 * @param dmpFed                         accompanied persons whose DMP was fed in the period
 * @param mssExclusions                  persons the editor excluded from the MSS denominator (no motif given)
 * @param dmpExclusions                  persons the editor excluded from the DMP denominator (no motif given)
 */
public record AggregateCounts(long personsAccompanied, long activeRecords, long activeRecordsWithProject,
                              long activeRecordsWithAgenda, long mssMessages, long dmpFed, long mssExclusions,
                              long dmpExclusions) {

    public AggregateCounts {
        if (personsAccompanied < 0 || activeRecords < 0 || activeRecordsWithProject < 0
                || activeRecordsWithAgenda < 0 || mssMessages < 0 || dmpFed < 0 || mssExclusions < 0
                || dmpExclusions < 0) {
            throw new IllegalArgumentException("comptage négatif dans une ligne d'agrégats");
        }
    }
}
