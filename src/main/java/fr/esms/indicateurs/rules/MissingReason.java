package fr.esms.indicateurs.rules;

/**
 * Why a person of a denominator is not in the numerator. Within an indicator, the order of the constants is the
 * order of the work list: the quickest wins first (a date to correct or a record to update before a project to
 * write from nothing).
 */
public enum MissingReason {

    // DOSSIERS_ACTIFS
    /** The person's record was last updated before the window ({@code month}), or no update is known. */
    RECORD_NOT_UPDATED(Indicator.DOSSIERS_ACTIFS),
    /** The person's record was updated only after the window ({@code month}: the first such month). */
    RECORD_UPDATED_AFTER_WINDOW(Indicator.DOSSIERS_ACTIFS),
    /** The person has no DUI record in the exports. */
    NO_RECORD(Indicator.DOSSIERS_ACTIFS),

    // PROJET_PERSONNALISE
    /** A PP in preparation or active whose validity starts after the window ({@code date}: its start). */
    PROJECT_STARTS_AFTER_WINDOW(Indicator.PROJET_PERSONNALISE),
    /** A PP that would count, held by a record of the person not updated in the window. */
    PROJECT_ON_INACTIVE_RECORD(Indicator.PROJET_PERSONNALISE),
    /** A PP in preparation or active whose validity ended before the window ({@code date}: its end). */
    PROJECT_EXPIRED(Indicator.PROJET_PERSONNALISE),
    /** The PP is closed ({@code date}: its end, if given). */
    PROJECT_CLOSED(Indicator.PROJET_PERSONNALISE),
    /** The PP was cancelled. */
    PROJECT_CANCELLED(Indicator.PROJET_PERSONNALISE),
    /** No PP on the person's active records. */
    NO_PROJECT(Indicator.PROJET_PERSONNALISE),

    // AGENDA
    /** Every event of the window on the person's active records is cancelled ({@code date}: the latest). */
    EVENTS_CANCELLED(Indicator.AGENDA),
    /** An event not cancelled in the window, on a record of the person not updated in the window. */
    EVENT_ON_INACTIVE_RECORD(Indicator.AGENDA),
    /** The latest event not cancelled is before the window ({@code date}). */
    LAST_EVENT_BEFORE_WINDOW(Indicator.AGENDA),
    /** The next event not cancelled is after the window ({@code date}). */
    NEXT_EVENT_AFTER_WINDOW(Indicator.AGENDA),
    /** No event at all on the person's active records. */
    NO_EVENT(Indicator.AGENDA),

    // DMP
    /** A document of the window was refused by the DMP ({@code ERREUR}, {@code date}: its date). */
    DMP_DOCUMENT_FAILED(Indicator.DMP),
    /** The document of the window was deleted ({@code SUPPRIME}, {@code date}: its date). */
    DMP_DOCUMENT_DELETED(Indicator.DMP),
    /** The latest deposit is before the window ({@code date}). */
    DMP_LAST_BEFORE_WINDOW(Indicator.DMP),
    /** The next deposit is after the window ({@code date}). */
    DMP_NEXT_AFTER_WINDOW(Indicator.DMP),
    /** No document deposited for any record of the person. */
    NO_DMP_DOCUMENT(Indicator.DMP),
    /** The person has no record: no document can be attached to her. */
    DMP_NO_RECORD(Indicator.DMP);

    private final Indicator indicator;

    MissingReason(Indicator indicator) {
        this.indicator = indicator;
    }

    public Indicator indicator() {
        return indicator;
    }
}
