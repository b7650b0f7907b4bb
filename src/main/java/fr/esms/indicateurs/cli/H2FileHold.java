package fr.esms.indicateurs.cli;

import fr.esms.indicateurs.jobs.DatabaseName;
import fr.esms.indicateurs.jobs.RunLock;
import org.h2.api.ErrorCode;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;

/**
 * An embedded H2 file base is opened by one process at a time. Opened here first, a base another process holds
 * is said in one French sentence, before the application starts and logs the driver's failure with its stack
 * trace. Held while the application starts, the connection shares the same open base with it (same process,
 * same URL): the file is not opened twice.
 */
final class H2FileHold implements AutoCloseable {

    private final Connection connection;

    private H2FileHold(Connection connection) {
        this.connection = connection;
    }

    /**
     * @throws RunLock.AlreadyRunningException when another process holds the base
     */
    static H2FileHold take(String url) {
        if (!isEmbeddedFile(url)) {
            return new H2FileHold(null);
        }
        try {
            return new H2FileHold(DriverManager.getConnection(url));
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                throw new RunLock.AlreadyRunningException(DatabaseName.inUse(url), e);
            }
            // Any other problem is the application's to report, as it always did.
            return new H2FileHold(null);
        }
    }

    /** A file opened in this process: not in memory, not through a server, not shared by H2's auto-server. */
    static boolean isEmbeddedFile(String url) {
        if (!url.startsWith("jdbc:h2:")) {
            return false;
        }
        String rest = url.substring("jdbc:h2:".length());
        return !rest.startsWith("mem:") && !rest.startsWith("tcp:") && !rest.startsWith("ssl:")
                && !url.toUpperCase(Locale.ROOT).replace(" ", "").contains("AUTO_SERVER=TRUE");
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the application holds its own connections to the base
            }
        }
    }
}
