package fr.esms.indicateurs.ingest;

/** An editor profile that cannot be used; the message, in French, names the profile file and the faulty key. */
public final class ProfileException extends RuntimeException {

    public ProfileException(String frenchMessage) {
        super(frenchMessage);
    }
}
