package fr.esms.indicateurs.referential;

/** The referential cannot be used at all (a required file or column is missing); the message is in French. */
public class ReferentialException extends RuntimeException {
    public ReferentialException(String message) {
        super(message);
    }
}
