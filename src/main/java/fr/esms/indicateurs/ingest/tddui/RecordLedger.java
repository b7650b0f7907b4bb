package fr.esms.indicateurs.ingest.tddui;

import fr.esms.indicateurs.ingest.PivotRow.ModificationRow;
import fr.esms.indicateurs.ingest.PivotRow.RecordRow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The DUI records the guide does not carry as such: one record per patient of an ESSMS (its pseudonym is both the
 * {@code dossier_id} and the {@code usager_id}). Its last update is the latest {@code meta.lastUpdated} of the
 * patient's resources (each one proves an update of the record, kept as a modification); when none carries one, the
 * latest date of the record's own activity (stay start, event, projet personnalisé start) up to the extraction.
 */
final class RecordLedger {

    /** Where a record is first seen, for its rejection. */
    record Origin(String file, long position, String path) {
    }

    private static final class State {
        String finess;
        Origin origin;
        LocalDate firstActivity;
        /** The latest activity up to the extraction date. */
        LocalDate lastActivity;
        final TreeSet<LocalDate> updates = new TreeSet<>();
    }

    /** A record, or why it cannot be kept. */
    record Outcome(Origin origin, RecordRow record, List<ModificationRow> modifications, Defect defect) {
    }

    private final Map<String, State> states = new LinkedHashMap<>();
    private final LocalDate extraction;

    RecordLedger(LocalDate extraction) {
        this.extraction = extraction;
    }

    /**
     * @param finess   the checked FINESS of the resource's ESSMS, or null when not known (a Patient)
     * @param activity a date of the record's activity, or null
     * @param updated  the resource's {@code meta.lastUpdated} day, or null
     */
    void touch(String person, String finess, Origin origin, LocalDate activity, LocalDate updated) {
        State s = states.computeIfAbsent(person, k -> new State());
        if (s.finess == null && finess != null) {
            s.finess = finess;
        }
        if (s.origin == null) {
            s.origin = origin;
        }
        if (activity != null) {
            s.firstActivity = s.firstActivity == null || activity.isBefore(s.firstActivity) ? activity : s.firstActivity;
            if (!activity.isAfter(extraction)
                    && (s.lastActivity == null || activity.isAfter(s.lastActivity))) {
                s.lastActivity = activity;
            }
        }
        if (updated != null) {
            s.updates.add(updated);
        }
    }

    /** The patient's FINESS as its Patient resource gave it (checked later, with the record). */
    void patient(String person, String finess, Origin origin, LocalDate updated) {
        State s = states.computeIfAbsent(person, k -> new State());
        s.origin = origin;
        touch(person, null, origin, null, updated);
        if (s.finess == null) {
            s.finess = finess;
        }
    }

    int size() {
        return states.size();
    }

    /** The records, in the order their patients were first met. */
    List<Outcome> records(FinessCheck finessCheck) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Map.Entry<String, State> e : states.entrySet()) {
            String person = e.getKey();
            State s = e.getValue();
            try {
                String finess = finessCheck.check(s.finess, "identifier.value");
                LocalDate last = s.updates.isEmpty() ? s.lastActivity : s.updates.last();
                if (last == null) {
                    throw new Defect("meta.lastUpdated", "dossier sans date de mise à jour : ni meta.lastUpdated sur"
                            + " ses ressources, ni activité datée au plus tard à la date d'extraction");
                }
                LocalDate created = s.firstActivity != null && s.firstActivity.isBefore(last) ? s.firstActivity : last;
                List<ModificationRow> modifications = new ArrayList<>();
                for (LocalDate update : s.updates.headSet(last)) {
                    modifications.add(new ModificationRow(finess, person, update, s.origin.position()));
                }
                outcomes.add(new Outcome(s.origin, new RecordRow(finess, person, person, created, last,
                        s.origin.position()), modifications, null));
            } catch (Defect d) {
                outcomes.add(new Outcome(s.origin, null, List.of(), d));
            }
        }
        return outcomes;
    }
}
