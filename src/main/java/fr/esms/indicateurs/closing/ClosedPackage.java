package fr.esms.indicateurs.closing;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A package that fed a closed revision, as {@code paquet} described it when the revision was closed. */
public record ClosedPackage(String sha256, String name, String editor, LocalDate extractionDate,
                            LocalDateTime arrivedAt) {
}
