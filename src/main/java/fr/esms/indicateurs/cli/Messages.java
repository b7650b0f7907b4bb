package fr.esms.indicateurs.cli;

/** Turns a failure into a message an operator can act on. */
final class Messages {

    private Messages() {
    }

    static String explain(Throwable ex) {
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
