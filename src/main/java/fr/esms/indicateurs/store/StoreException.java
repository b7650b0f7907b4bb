package fr.esms.indicateurs.store;

/** The database could not be read or written; the message is in French. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
