package fr.esms.indicateurs.ingest;

import java.time.LocalDate;

/** The single data row of {@code export.csv}. */
public record Manifest(String editor, String software, String softwareVersion, String finessEj,
                       LocalDate extractionDate, LocalDate periodStart, LocalDate periodEnd) {
}
