package fr.esms.indicateurs.referential;

/**
 * A rules folder cannot be used: a file is missing, or a value is wrong (the message, in French, names the file, the
 * line and the column). Nothing is computed with rules that do not load.
 */
public class RulesException extends ReferentialException {

    public RulesException(String message) {
        super(message);
    }

    /** @param line 1 = the header line */
    public static RulesException at(String file, long line, String column, String message) {
        return new RulesException("règles : fichier " + file + ", ligne " + line
                + (column == null ? "" : ", colonne « " + column + " »") + " : " + message);
    }
}
