package fr.esms.indicateurs.ingest;

import fr.esms.indicateurs.rules.AggregateCounts;
import fr.esms.indicateurs.rules.EssmsActivity.DmpStatus;
import fr.esms.indicateurs.rules.EssmsActivity.EventStatus;
import fr.esms.indicateurs.rules.EssmsActivity.ProjectStatus;

import java.time.LocalDate;
import java.util.List;

/** A validated row of a pivot data file; {@code line} is its physical line number in the file (header = 1). */
public sealed interface PivotRow {

    String finess();

    long line();

    record StayRow(String finess, String personId, LocalDate entry, LocalDate exit, List<String> exclusionCodes,
                   long line) implements PivotRow {
    }

    record RecordRow(String finess, String recordId, String personId, LocalDate created, LocalDate lastModified,
                     long line) implements PivotRow {
    }

    record ModificationRow(String finess, String recordId, LocalDate modified, long line) implements PivotRow {
    }

    record ProjectRow(String finess, String recordId, String projectId, ProjectStatus status, LocalDate start,
                      LocalDate end, long line) implements PivotRow {
    }

    /** {@code status} is {@code PREVU} when the file left it empty. */
    record EventRow(String finess, String recordId, String eventId, LocalDate date, EventStatus status,
                    String type, long line) implements PivotRow {
    }

    record MessageRow(String finess, String messageId, LocalDate sent, String recordId, String recipientType,
                      long line) implements PivotRow {
    }

    /** {@code status} is {@code DEPOSE} when the file left it empty. */
    record DocumentRow(String finess, String recordId, String documentId, LocalDate deposited, DmpStatus status,
                       String documentType, long line) implements PivotRow {
    }

    /** A row of {@code eprescription.csv} or {@code eparcours.csv}. */
    record CounterRow(String finess, String id, LocalDate date, long line) implements PivotRow {
    }

    /**
     * A row of {@code agregats.csv}: the editor's own counts for one ESSMS over {@code [periodStart, periodEnd]},
     * whole calendar months, internally consistent.
     */
    record AggregateRow(String finess, LocalDate periodStart, LocalDate periodEnd, AggregateCounts counts,
                        long line) implements PivotRow {
    }
}
