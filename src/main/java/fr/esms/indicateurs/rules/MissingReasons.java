package fr.esms.indicateurs.rules;

import fr.esms.indicateurs.rules.EssmsActivity.AgendaEvent;
import fr.esms.indicateurs.rules.EssmsActivity.DmpDocument;
import fr.esms.indicateurs.rules.EssmsActivity.DmpStatus;
import fr.esms.indicateurs.rules.EssmsActivity.EventStatus;
import fr.esms.indicateurs.rules.EssmsActivity.PersonalisedProject;
import fr.esms.indicateurs.rules.EssmsActivity.ProjectStatus;
import fr.esms.indicateurs.rules.EssmsActivity.RecordUpdate;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Says why a person of a denominator is not in the numerator, from the same rows and the same tests the
 * calculation uses ({@link Populations}). When several rows could explain it, the one nearest to counting is
 * given: the lowest {@link MissingReason}, then the date nearest to the window.
 */
final class MissingReasons {

    /** Quickest wins first: reason, then the date nearest to the window, then the identifiers. */
    static Comparator<MissingPerson> quickestFirst(MeasureWindow window) {
        return Comparator.comparing(MissingPerson::reason)
                .thenComparingLong(p -> distance(p, window))
                .thenComparing(MissingPerson::personId)
                .thenComparing(MissingPerson::recordId, Comparator.nullsLast(Comparator.naturalOrder()));
    }

    private final MeasureWindow window;
    private final Populations populations;
    private final Map<String, TreeSet<String>> recordsByPerson = new HashMap<>();
    private final Map<String, TreeSet<YearMonth>> updatesByRecord = new HashMap<>();
    private final Map<String, List<PersonalisedProject>> projectsByRecord = new HashMap<>();
    private final Map<String, List<AgendaEvent>> eventsByRecord = new HashMap<>();
    private final Map<String, List<DmpDocument>> documentsByRecord = new HashMap<>();

    MissingReasons(EssmsActivity activity, MeasureWindow window, Populations populations) {
        this.window = window;
        this.populations = populations;
        populations.personByRecord().forEach((record, person) ->
                recordsByPerson.computeIfAbsent(person, p -> new TreeSet<>()).add(record));
        for (RecordUpdate u : activity.recordUpdates()) {
            updatesByRecord.computeIfAbsent(u.recordId(), r -> new TreeSet<>()).add(u.month());
        }
        activity.projects().forEach(p -> projectsByRecord.computeIfAbsent(p.recordId(), r -> new ArrayList<>()).add(p));
        activity.events().forEach(e -> eventsByRecord.computeIfAbsent(e.recordId(), r -> new ArrayList<>()).add(e));
        activity.documents().forEach(d ->
                documentsByRecord.computeIfAbsent(d.recordId(), r -> new ArrayList<>()).add(d));
    }

    /** Why {@code person}, of the denominator of {@code indicator}, is not in its numerator. */
    MissingPerson why(Indicator indicator, String person) {
        return switch (indicator) {
            case DOSSIERS_ACTIFS -> record(person);
            case PROJET_PERSONNALISE -> project(person);
            case AGENDA -> agenda(person);
            case DMP -> dmp(person);
            case MSS, EPRESCRIPTION, EPARCOURS -> throw new IllegalArgumentException(indicator + " names nobody");
        };
    }

    private MissingPerson record(String person) {
        TreeSet<String> records = recordsByPerson.getOrDefault(person, new TreeSet<>());
        if (records.isEmpty()) {
            return MissingPerson.of(person, null, MissingReason.NO_RECORD, null);
        }
        List<MissingPerson> candidates = new ArrayList<>();
        for (String record : records) {
            TreeSet<YearMonth> months = updatesByRecord.getOrDefault(record, new TreeSet<>());
            YearMonth before = months.lower(window.firstMonth());
            YearMonth after = months.higher(window.month());
            if (before != null) {
                candidates.add(new MissingPerson(person, record, MissingReason.RECORD_NOT_UPDATED, null, before));
            } else if (after != null) {
                candidates.add(new MissingPerson(person, record, MissingReason.RECORD_UPDATED_AFTER_WINDOW, null,
                        after));
            } else {
                candidates.add(new MissingPerson(person, record, MissingReason.RECORD_NOT_UPDATED, null, null));
            }
        }
        return nearest(candidates).orElseThrow();
    }

    private MissingPerson project(String person) {
        List<MissingPerson> candidates = new ArrayList<>();
        for (String record : recordsByPerson.getOrDefault(person, new TreeSet<>())) {
            boolean active = populations.personByActiveRecord().containsKey(record);
            for (PersonalisedProject pp : projectsByRecord.getOrDefault(record, List.of())) {
                MissingReason reason = active ? projectReason(pp) : Populations.countsForProject(pp, window)
                        ? MissingReason.PROJECT_ON_INACTIVE_RECORD : null;
                if (reason != null) {
                    // The date the reason speaks of: a start to correct, an end passed; none otherwise.
                    LocalDate date = switch (reason) {
                        case PROJECT_STARTS_AFTER_WINDOW -> pp.start();
                        case PROJECT_EXPIRED, PROJECT_CLOSED -> pp.end();
                        default -> null;
                    };
                    candidates.add(MissingPerson.of(person, record, reason, date));
                }
            }
        }
        return nearest(candidates).orElseGet(() ->
                MissingPerson.of(person, firstActiveRecord(person), MissingReason.NO_PROJECT, null));
    }

    /** Why a PP of an active record does not count (it never counts here: the person is not in the numerator). */
    private MissingReason projectReason(PersonalisedProject pp) {
        if (pp.status() == ProjectStatus.CLOS) {
            return MissingReason.PROJECT_CLOSED;
        }
        if (pp.status() == ProjectStatus.ANNULE) {
            return MissingReason.PROJECT_CANCELLED;
        }
        return pp.start() != null && pp.start().isAfter(window.end()) ? MissingReason.PROJECT_STARTS_AFTER_WINDOW
                : MissingReason.PROJECT_EXPIRED;
    }

    private MissingPerson agenda(String person) {
        List<MissingPerson> candidates = new ArrayList<>();
        for (String record : recordsByPerson.getOrDefault(person, new TreeSet<>())) {
            boolean active = populations.personByActiveRecord().containsKey(record);
            for (AgendaEvent event : eventsByRecord.getOrDefault(record, List.of())) {
                MissingReason reason = active ? agendaReason(event)
                        : Populations.countsForAgenda(event, window) ? MissingReason.EVENT_ON_INACTIVE_RECORD : null;
                if (reason != null) {
                    candidates.add(MissingPerson.of(person, record, reason, event.date()));
                }
            }
        }
        return nearest(candidates).orElseGet(() ->
                MissingPerson.of(person, firstActiveRecord(person), MissingReason.NO_EVENT, null));
    }

    private MissingReason agendaReason(AgendaEvent event) {
        if (event.date() == null) {
            return null;
        }
        if (window.contains(event.date())) {
            // Inside the window and on an active record, so cancelled: otherwise the person would count.
            return MissingReason.EVENTS_CANCELLED;
        }
        if (event.status() == EventStatus.ANNULE) {
            return null;
        }
        return event.date().isBefore(window.start()) ? MissingReason.LAST_EVENT_BEFORE_WINDOW
                : MissingReason.NEXT_EVENT_AFTER_WINDOW;
    }

    private MissingPerson dmp(String person) {
        TreeSet<String> records = recordsByPerson.getOrDefault(person, new TreeSet<>());
        if (records.isEmpty()) {
            return MissingPerson.of(person, null, MissingReason.DMP_NO_RECORD, null);
        }
        List<MissingPerson> candidates = new ArrayList<>();
        for (String record : records) {
            for (DmpDocument doc : documentsByRecord.getOrDefault(record, List.of())) {
                MissingReason reason = dmpReason(doc);
                if (reason != null) {
                    candidates.add(MissingPerson.of(person, record, reason, doc.deposited()));
                }
            }
        }
        String record = populations.activeRecordsPerPerson().containsKey(person) ? firstActiveRecord(person)
                : records.first();
        return nearest(candidates).orElseGet(() ->
                MissingPerson.of(person, record, MissingReason.NO_DMP_DOCUMENT, null));
    }

    private MissingReason dmpReason(DmpDocument doc) {
        if (doc.deposited() == null) {
            return null;
        }
        boolean counting = doc.status() == DmpStatus.DEPOSE || doc.status() == DmpStatus.REMPLACE;
        if (window.contains(doc.deposited())) {
            // Inside the window, so not counting: otherwise the person would be in the numerator.
            return doc.status() == DmpStatus.ERREUR ? MissingReason.DMP_DOCUMENT_FAILED
                    : doc.status() == DmpStatus.SUPPRIME ? MissingReason.DMP_DOCUMENT_DELETED : null;
        }
        if (!counting) {
            return null;
        }
        return doc.deposited().isBefore(window.start()) ? MissingReason.DMP_LAST_BEFORE_WINDOW
                : MissingReason.DMP_NEXT_AFTER_WINDOW;
    }

    private String firstActiveRecord(String person) {
        return recordsByPerson.getOrDefault(person, new TreeSet<>()).stream()
                .filter(r -> populations.personByActiveRecord().containsKey(r)).findFirst().orElse(null);
    }

    private Optional<MissingPerson> nearest(List<MissingPerson> candidates) {
        return candidates.stream().min(quickestFirst(window));
    }

    /** Days between the date (or month) of the reason and the window; 0 inside it, largest when there is none. */
    static long distance(MissingPerson p, MeasureWindow window) {
        LocalDate date = p.date() != null ? p.date()
                : p.month() == null ? null
                : p.month().isBefore(window.firstMonth()) ? p.month().atEndOfMonth() : p.month().atDay(1);
        if (date == null) {
            return Long.MAX_VALUE;
        }
        if (date.isBefore(window.start())) {
            return ChronoUnit.DAYS.between(date, window.start());
        }
        return date.isAfter(window.end()) ? ChronoUnit.DAYS.between(window.end(), date) : 0;
    }

}
