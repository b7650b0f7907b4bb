package fr.esms.indicateurs.jobs;

/**
 * A job file ({@code jobs/*.properties}) that cannot be run as written: the French message names the file, and
 * the line and key of each problem, one problem per line. The command line answers it with exit code 2.
 */
public class InvalidJobFileException extends IllegalArgumentException {

    public InvalidJobFileException(String frenchMessage) {
        super(frenchMessage);
    }
}
