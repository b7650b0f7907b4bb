package fr.esms.indicateurs.rules;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A person of a denominator who is not in the numerator, named only by the editor's pseudonymous identifiers.
 *
 * @param personId the {@code usager_id}
 * @param recordId the {@code dossier_id} to act on, or null when the person has no record
 * @param date     the date the reason refers to (a PP's end, an event, a deposit), or null
 * @param month    the month the reason refers to (record updates are kept by month), or null
 */
public record MissingPerson(String personId, String recordId, MissingReason reason, LocalDate date,
                            YearMonth month) {

    static MissingPerson of(String personId, String recordId, MissingReason reason, LocalDate date) {
        return new MissingPerson(personId, recordId, reason, date, null);
    }
}
