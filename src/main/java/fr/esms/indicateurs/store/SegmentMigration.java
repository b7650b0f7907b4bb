package fr.esms.indicateurs.store;

import fr.esms.indicateurs.rules.EssmsActivity.DmpStatus;
import fr.esms.indicateurs.rules.EssmsActivity.EventStatus;
import fr.esms.indicateurs.rules.EssmsActivity.ProjectStatus;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The move from one database row per pivot row (up to schema version 6) to segments (Flyway V7): the rows of each
 * former table, grouped by ESSMS and export ("ordre"), become segments of the package that export was, then the
 * tables are dropped. Record update months had no export: they go to a segment of their own, first in export
 * order (they are a union, the order does not matter).
 */
public final class SegmentMigration {

    /** The package of migrated rows whose export is no longer known (or record update months). */
    static final String UNKNOWN_PACKAGE = "migration-v7";

    private interface RowCopy {
        void copy(ResultSet rs, SegmentCodec.Encoder segment) throws SQLException;
    }

    private record Table(String name, String columns, RowCopy copy) {
    }

    private static final List<Table> TABLES = List.of(
            new Table("sejour", "usager_id, date_entree, date_sortie, motifs", (rs, s) -> s.stay(rs.getString(3),
                    date(rs, 4), date(rs, 5), rs.getString(6) == null ? List.of()
                            : Arrays.stream(rs.getString(6).split("\\|")).filter(c -> !c.isBlank()).toList())),
            new Table("dossier", "dossier_id, usager_id, date_creation, date_derniere_modification",
                    (rs, s) -> s.record(rs.getString(3), rs.getString(4), date(rs, 5), date(rs, 6))),
            new Table("projet_personnalise", "pp_id, dossier_id, statut, date_debut, date_fin",
                    (rs, s) -> s.project(rs.getString(3), rs.getString(4), ProjectStatus.valueOf(rs.getString(5)),
                            date(rs, 6), date(rs, 7))),
            new Table("agenda", "evenement_id, dossier_id, date_evenement, statut",
                    (rs, s) -> s.event(rs.getString(3), rs.getString(4), date(rs, 5),
                            EventStatus.valueOf(rs.getString(6)))),
            new Table("mss", "message_id, date_envoi", (rs, s) -> s.message(rs.getString(3), date(rs, 4))),
            new Table("dmp", "document_id, dossier_id, date_depot, statut",
                    (rs, s) -> s.document(rs.getString(3), rs.getString(4), date(rs, 5),
                            DmpStatus.valueOf(rs.getString(6)))),
            new Table("compteur", "indicateur, id, date_evt",
                    (rs, s) -> s.counted(CountedEvent.Kind.valueOf(rs.getString(3)), rs.getString(4), date(rs, 5))),
            new Table("dossier_maj", "dossier_id, mois", (rs, s) -> s.update(rs.getString(3),
                    YearMonth.of(rs.getInt(4) / 100, rs.getInt(4) % 100))));

    private SegmentMigration() {
    }

    public static void moveRowTables(Connection connection) throws SQLException {
        Map<String, String> packageOfOrder = new HashMap<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT ordre, sha256 FROM paquet WHERE ordre IS NOT NULL")) {
            while (rs.next()) {
                packageOfOrder.merge(rs.getString(1), rs.getString(2), (a, b) -> a.compareTo(b) >= 0 ? a : b);
            }
        }
        Map<String, Integer> nextPart = new HashMap<>();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO segment (finess, sha256, partie, ordre, rang, donnees) VALUES (?, ?, ?, ?, 0, ?)")) {
            for (Table table : TABLES) {
                String order = table.name().equals("dossier_maj") ? "''" : "ordre";
                try (PreparedStatement select = connection.prepareStatement("SELECT finess, " + order + ", "
                        + table.columns() + " FROM " + table.name() + " ORDER BY finess, 2")) {
                    select.setFetchSize(5_000);
                    try (ResultSet rs = select.executeQuery()) {
                        copy(rs, table, packageOfOrder, nextPart, insert);
                    }
                }
            }
        }
        try (Statement st = connection.createStatement()) {
            for (Table table : TABLES) {
                st.execute("DROP TABLE " + table.name());
                // H2 kept ordinary staging tables (db/migration/h2/V3); PostgreSQL's are temporary.
                st.execute("DROP TABLE IF EXISTS stg_" + table.name());
            }
        }
    }

    private static void copy(ResultSet rs, Table table, Map<String, String> packageOfOrder,
                             Map<String, Integer> nextPart, PreparedStatement insert) throws SQLException {
        String finess = null;
        String order = null;
        SegmentCodec.Encoder segment = new SegmentCodec.Encoder();
        int pending = 0;
        while (rs.next()) {
            if (finess != null && (!finess.equals(rs.getString(1)) || !order.equals(rs.getString(2)))) {
                add(insert, finess, order, segment, packageOfOrder, nextPart);
                segment.clear();
                if (++pending % 500 == 0) {
                    insert.executeBatch();
                }
            }
            finess = rs.getString(1);
            order = rs.getString(2);
            table.copy().copy(rs, segment);
        }
        if (finess != null) {
            add(insert, finess, order, segment, packageOfOrder, nextPart);
        }
        insert.executeBatch();
    }

    private static void add(PreparedStatement insert, String finess, String order, SegmentCodec.Encoder segment,
                            Map<String, String> packageOfOrder, Map<String, Integer> nextPart) throws SQLException {
        String sha256 = packageOfOrder.getOrDefault(order, UNKNOWN_PACKAGE);
        insert.setString(1, finess);
        insert.setString(2, sha256);
        insert.setInt(3, nextPart.merge(finess + "|" + sha256, 1, Integer::sum) - 1);
        insert.setString(4, order);
        insert.setBytes(5, segment.toByteArray());
        insert.addBatch();
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
