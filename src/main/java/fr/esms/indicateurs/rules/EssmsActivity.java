package fr.esms.indicateurs.rules;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * What the pivot exports say of one ESSMS, already combined across exports (latest snapshot by key,
 * de-duplicated unions). It may hold rows outside the window: the rules decide what counts.
 */
public record EssmsActivity(
        List<Stay> stays,
        List<DuiRecord> records,
        List<RecordUpdate> recordUpdates,
        List<PersonalisedProject> projects,
        List<AgendaEvent> events,
        List<MssMessage> messages,
        List<DmpDocument> documents,
        List<Dated> ePrescriptions,
        List<Dated> eParcours) {

    public EssmsActivity {
        stays = List.copyOf(stays);
        records = List.copyOf(records);
        recordUpdates = List.copyOf(recordUpdates);
        projects = List.copyOf(projects);
        events = List.copyOf(events);
        messages = List.copyOf(messages);
        documents = List.copyOf(documents);
        ePrescriptions = List.copyOf(ePrescriptions);
        eParcours = List.copyOf(eParcours);
    }

    public static EssmsActivity empty() {
        return new EssmsActivity(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of());
    }

    public boolean isEmpty() {
        return stays.isEmpty() && records.isEmpty() && recordUpdates.isEmpty() && projects.isEmpty()
                && events.isEmpty() && messages.isEmpty() && documents.isEmpty() && ePrescriptions.isEmpty()
                && eParcours.isEmpty();
    }

    /**
     * Something is stored for the ESSMS in the window: a stay overlapping it, a record update, an agenda event, an
     * MSS message, a DMP document, an e-prescription or an e-parcours exchange dated inside it, whatever its status.
     * Records and personalised projects are snapshots of any age: alone they prove nothing about the window.
     */
    public boolean hasDataIn(MeasureWindow window) {
        return stays.stream().anyMatch(s -> window.overlaps(s.entry(), s.exit()))
                || recordUpdates.stream().anyMatch(u -> window.contains(u.month()))
                || events.stream().anyMatch(e -> window.contains(e.date()))
                || messages.stream().anyMatch(m -> window.contains(m.sent()))
                || documents.stream().anyMatch(d -> window.contains(d.deposited()))
                || ePrescriptions.stream().anyMatch(p -> window.contains(p.date()))
                || eParcours.stream().anyMatch(p -> window.contains(p.date()));
    }

    /** A stay or accompaniment ({@code usagers.csv}); {@code exit} is null while accompanied. */
    public record Stay(String personId, LocalDate entry, LocalDate exit, List<String> exclusionCodes) {
        public Stay {
            exclusionCodes = List.copyOf(exclusionCodes);
        }
    }

    /** A DUI record ({@code dossiers.csv}). */
    public record DuiRecord(String recordId, String personId) {
    }

    /**
     * A month in which a record was updated: a {@code modifications.csv} entry, or a
     * {@code date_derniere_modification} seen in any export. Windows are whole months, so the month is exact.
     */
    public record RecordUpdate(String recordId, YearMonth month) {
    }

    public enum ProjectStatus { EN_PREPARATION, ACTIF, CLOS, ANNULE }

    /** A projet personnalisé; its dates may be empty while in preparation. */
    public record PersonalisedProject(String projectId, String recordId, ProjectStatus status, LocalDate start,
                                      LocalDate end) {
    }

    public enum EventStatus { PREVU, REALISE, ANNULE }

    public record AgendaEvent(String eventId, String recordId, LocalDate date, EventStatus status) {
    }

    public record MssMessage(String messageId, LocalDate sent) {
    }

    public enum DmpStatus { DEPOSE, REMPLACE, SUPPRIME, ERREUR }

    public record DmpDocument(String documentId, String recordId, LocalDate deposited, DmpStatus status) {
    }

    /** A counted event (e-prescription, e-parcours exchange). */
    public record Dated(String id, LocalDate date) {
    }
}
