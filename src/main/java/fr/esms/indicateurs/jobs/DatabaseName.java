package fr.esms.indicateurs.jobs;

/**
 * How a database is named to the operator: its H2 file or its server and database, never the options of its JDBC
 * URL (a PostgreSQL URL may carry a password).
 */
public final class DatabaseName {

    private DatabaseName() {
    }

    /**
     * {@code jdbc:h2:file:./data/x;MODE=...} gives {@code ./data/x}; {@code jdbc:postgresql://h:5432/db?user=...}
     * gives {@code postgresql://h:5432/db}.
     */
    public static String of(String jdbcUrl) {
        String name = jdbcUrl;
        int options = indexOfEither(name, '?', ';');
        if (options >= 0) {
            name = name.substring(0, options);
        }
        if (name.startsWith("jdbc:")) {
            name = name.substring("jdbc:".length());
        }
        if (name.startsWith("h2:file:")) {
            return name.substring("h2:file:".length());
        }
        if (name.startsWith("h2:") && !name.startsWith("h2:mem:") && !name.startsWith("h2:tcp:")
                && !name.startsWith("h2:ssl:")) {
            return name.substring("h2:".length());
        }
        return name.replaceFirst("^([a-z0-9]+://)[^/@]*@", "$1");
    }

    /** The sentence for a base another process or run holds, the same on H2 and PostgreSQL. */
    public static String inUse(String jdbcUrl) {
        return "la base " + (jdbcUrl == null ? "de données" : of(jdbcUrl)) + " est déjà utilisée par un autre"
                + " traitement ; réessayez quand il sera terminé";
    }

    private static int indexOfEither(String text, char a, char b) {
        int i = text.indexOf(a);
        int j = text.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}
