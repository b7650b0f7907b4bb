package fr.esms.indicateurs.solde;

/**
 * The solde cannot be established for this request (unknown project, project without ESSMS, no data at all,
 * window out of range); the message, in French, tells the operator what to do. Nothing is written.
 */
public class SoldeRefusal extends RuntimeException {
    public SoldeRefusal(String message) {
        super(message);
    }
}
