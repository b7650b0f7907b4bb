package fr.esms.indicateurs.store;

import java.time.LocalDate;

/** A row of {@code eprescription.csv} or {@code eparcours.csv}, as stored. */
record CountedEvent(Kind kind, String id, LocalDate date) {

    enum Kind { EPRESCRIPTION, EPARCOURS }
}
