package fr.esms.indicateurs.store;

import java.time.LocalDate;

/** A DUI record as stored: what the rules read ({@code EssmsActivity.DuiRecord}) and the dates the export gave. */
record StoredRecord(String recordId, String personId, LocalDate created, LocalDate lastModified) {
}
