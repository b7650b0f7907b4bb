package fr.esms.indicateurs.jobs;

import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Only one run at a time per database. The lock is a row lock held by an open transaction on a connection of its
 * own: if the process dies, even by SIGKILL, the database ends its session and the lock is gone, so a crash never
 * leaves the tool blocked.
 */
@Component
public class RunLock {

    private final DataSource dataSource;

    public RunLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Held until closed. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    public Held acquire() {
        Connection connection = null;
        String url = null;
        try {
            connection = dataSource.getConnection();
            url = connection.getMetaData().getURL();
            connection.setAutoCommit(false);
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT nom FROM verrou_execution WHERE nom = 'traitement' FOR UPDATE NOWAIT")) {
                lock.setQueryTimeout(10);
                lock.executeQuery().close();
            }
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new AlreadyRunningException(DatabaseName.inUse(url)
                    + " (la commande historique montre le traitement en cours)", e);
        }
        Connection held = connection;
        return () -> closeQuietly(held);
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.rollback();
            connection.close();
        } catch (SQLException ignored) {
            // the lock goes with the connection anyway
        }
    }

    /**
     * Another process or run holds the database: its French message says so in one sentence, and is all the
     * operator needs (the driver's own message, in English, stays in the cause).
     */
    public static class AlreadyRunningException extends RuntimeException {
        public AlreadyRunningException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
