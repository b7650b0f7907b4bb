package fr.esms.indicateurs.cli;

import fr.esms.indicateurs.jobs.RunLock;

/** Turns a failure into a message an operator can act on. */
final class Messages {

    private Messages() {
    }

    static String explain(Throwable ex) {
        for (Throwable t = ex; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof RunLock.AlreadyRunningException || t instanceof Database.Unreachable) {
                return t.getMessage();
            }
        }
        StringBuilder text = new StringBuilder(String.valueOf(ex.getMessage()));
        Throwable cause = ex.getCause();
        while (cause != null && cause != cause.getCause()) {
            if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
                text.append(" — ").append(cause.getMessage());
            }
            cause = cause.getCause();
        }
        return text.toString();
    }
}
