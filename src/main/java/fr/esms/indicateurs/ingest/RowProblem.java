package fr.esms.indicateurs.ingest;

/** The first problem found in a row: its column, the raw value (masked later if need be) and a French reason. */
final class RowProblem extends Exception {

    private final String column;
    private final String value;

    RowProblem(String column, String value, String reason) {
        super(reason, null, false, false);
        this.column = column;
        this.value = value == null ? "" : value;
    }

    String column() {
        return column;
    }

    String value() {
        return value;
    }

    String reason() {
        return getMessage();
    }
}
