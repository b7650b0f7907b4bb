package fr.esms.indicateurs.rules;

import fr.esms.indicateurs.rules.EssmsActivity.AgendaEvent;
import fr.esms.indicateurs.rules.EssmsActivity.DmpDocument;
import fr.esms.indicateurs.rules.EssmsActivity.DuiRecord;
import fr.esms.indicateurs.rules.EssmsActivity.PersonalisedProject;
import fr.esms.indicateurs.rules.EssmsActivity.Stay;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The persons of each population of a window, as the "Populations" paragraph and the table of the five
 * indicators of {@code indicateurs.md} define them, before any adjustment. Shared by the calculation and the work
 * lists, so that both count exactly the same persons.
 *
 * @param codesByAccompaniedPerson the adjustment codes of each accompanied person (stays overlapping the window)
 * @param personByRecord           the person of every record of the exports
 * @param personByActiveRecord     the person of every active record
 * @param activeRecordsPerPerson   how many active records each person with one has
 * @param orphanDocuments          counting DMP documents whose record is in no export
 */
record Populations(Map<String, Set<String>> codesByAccompaniedPerson, Map<String, String> personByRecord,
                   Map<String, String> personByActiveRecord, Map<String, Integer> activeRecordsPerPerson,
                   Set<String> personsWithProject, Set<String> personsWithEvent, long messages,
                   Set<String> personsWithDmp, long orphanDocuments) {

    static Populations of(EssmsActivity activity, MeasureWindow window) {
        // Personnes accompagnées: distinct persons with a stay overlapping the window.
        Map<String, Set<String>> codesByAccompaniedPerson = new TreeMap<>();
        for (Stay stay : activity.stays()) {
            if (window.overlaps(stay.entry(), stay.exit())) {
                codesByAccompaniedPerson.computeIfAbsent(stay.personId(), p -> new TreeSet<>())
                        .addAll(stay.exclusionCodes());
            }
        }
        Set<String> accompanied = codesByAccompaniedPerson.keySet();

        // Dossier actif: a record of an accompanied person, updated during the window.
        Set<String> updatedRecords = new HashSet<>();
        activity.recordUpdates().stream()
                .filter(u -> window.contains(u.month()))
                .forEach(u -> updatedRecords.add(u.recordId()));
        Map<String, String> personByRecord = new HashMap<>();
        Map<String, String> personByActiveRecord = new HashMap<>();
        Map<String, Integer> activeRecordsPerPerson = new TreeMap<>();
        for (DuiRecord record : activity.records()) {
            personByRecord.put(record.recordId(), record.personId());
            if (accompanied.contains(record.personId()) && updatedRecords.contains(record.recordId())) {
                personByActiveRecord.put(record.recordId(), record.personId());
                activeRecordsPerPerson.merge(record.personId(), 1, Integer::sum);
            }
        }

        // PROJET_PERSONNALISE: an active record holding a PP in preparation or active, valid during the window.
        Set<String> personsWithProject = new HashSet<>();
        for (PersonalisedProject pp : activity.projects()) {
            String person = personByActiveRecord.get(pp.recordId());
            if (countsForProject(pp, window) && person != null) {
                personsWithProject.add(person);
            }
        }

        // AGENDA: an active record with at least one event not cancelled, dated inside the window.
        Set<String> personsWithEvent = new HashSet<>();
        for (AgendaEvent event : activity.events()) {
            String person = personByActiveRecord.get(event.recordId());
            if (person != null && countsForAgenda(event, window)) {
                personsWithEvent.add(person);
            }
        }

        // MSS: messages (not persons) dated inside the window, distinct message_id, never capped.
        long messages = activity.messages().stream()
                .filter(m -> window.contains(m.sent()))
                .map(EssmsActivity.MssMessage::messageId)
                .distinct()
                .count();

        // DMP: distinct accompanied persons with a document deposited or replaced inside the window.
        Set<String> personsWithDmp = new HashSet<>();
        long orphanDocuments = 0;
        for (DmpDocument doc : activity.documents()) {
            if (!countsForDmp(doc, window)) {
                continue;
            }
            String person = personByRecord.get(doc.recordId());
            if (person == null) {
                orphanDocuments++;
            } else if (accompanied.contains(person)) {
                personsWithDmp.add(person);
            }
        }
        return new Populations(codesByAccompaniedPerson, personByRecord, personByActiveRecord,
                activeRecordsPerPerson, personsWithProject, personsWithEvent, messages, personsWithDmp,
                orphanDocuments);
    }

    /** A PP counts when in preparation or active and valid during the window (an empty date is open). */
    static boolean countsForProject(PersonalisedProject pp, MeasureWindow window) {
        boolean countingStatus = pp.status() == EssmsActivity.ProjectStatus.EN_PREPARATION
                || pp.status() == EssmsActivity.ProjectStatus.ACTIF;
        return countingStatus && window.overlaps(pp.start(), pp.end());
    }

    /** An agenda event counts when not cancelled and dated inside the window. */
    static boolean countsForAgenda(AgendaEvent event, MeasureWindow window) {
        return event.status() != EssmsActivity.EventStatus.ANNULE && window.contains(event.date());
    }

    /** A DMP document counts when deposited or replaced inside the window. */
    static boolean countsForDmp(DmpDocument doc, MeasureWindow window) {
        return (doc.status() == EssmsActivity.DmpStatus.DEPOSE || doc.status() == EssmsActivity.DmpStatus.REMPLACE)
                && window.contains(doc.deposited());
    }

    Set<String> accompanied() {
        return codesByAccompaniedPerson.keySet();
    }

    Set<String> personsWithActiveRecord() {
        return activeRecordsPerPerson.keySet();
    }

    /** The unadjusted denominator of a rated indicator: persons. */
    Set<String> denominator(Indicator indicator) {
        return switch (indicator) {
            case DOSSIERS_ACTIFS, MSS, DMP -> accompanied();
            case PROJET_PERSONNALISE, AGENDA -> personsWithActiveRecord();
            case EPRESCRIPTION, EPARCOURS -> throw new IllegalArgumentException(indicator + " has no denominator");
        };
    }

    /** The persons of the numerator of an indicator counting persons (every rated one except MSS). */
    Set<String> numerator(Indicator indicator) {
        return switch (indicator) {
            case DOSSIERS_ACTIFS -> personsWithActiveRecord();
            case PROJET_PERSONNALISE -> personsWithProject;
            case AGENDA -> personsWithEvent;
            case DMP -> personsWithDmp;
            case MSS, EPRESCRIPTION, EPARCOURS ->
                    throw new IllegalArgumentException(indicator + " does not count persons");
        };
    }
}
