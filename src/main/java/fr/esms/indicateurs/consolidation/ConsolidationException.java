package fr.esms.indicateurs.consolidation;

/** An input the consolidation refuses, with a French message naming the file (and line and column). */
public class ConsolidationException extends RuntimeException {

    public ConsolidationException(String message) {
        super(message);
    }
}
