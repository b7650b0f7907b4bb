package fr.esms.indicateurs.store;

import fr.esms.indicateurs.rules.AggregateCounts;
import fr.esms.indicateurs.rules.MeasureWindow;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Date;
import java.util.HashMap;
import java.util.Map;

/**
 * The stored rows of {@code agregats.csv} (combined by key, the latest export wins) that serve a window: only
 * those whose period is exactly the window. One row per ESSMS at most, so a map by FINESS stays small.
 */
public class AggregateStore {

    /** The counts kept for an ESSMS and window, and the name of the package they came from. */
    public record StoredAggregate(String finess, AggregateCounts counts, String packageName) {
    }

    private final JdbcTemplate jdbc;

    public AggregateStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public AggregateStore(DataSource dataSource) {
        this(new JdbcTemplate(dataSource));
    }

    /** The aggregates whose period is exactly {@code window}, by FINESS. */
    public Map<String, StoredAggregate> exactly(MeasureWindow window) {
        Map<String, StoredAggregate> byFiness = new HashMap<>();
        jdbc.query("SELECT finess, personnes_accompagnees, dossiers_actifs, dossiers_actifs_pp, "
                        + "dossiers_actifs_agenda, messages_mss, dmp_alimentes, exclusions_mss, exclusions_dmp, paquet "
                        + "FROM agregat WHERE periode_debut = ? AND periode_fin = ?", rs -> {
                    byFiness.put(rs.getString(1), new StoredAggregate(rs.getString(1), new AggregateCounts(
                            rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7),
                            rs.getLong(8), rs.getLong(9)), rs.getString(10)));
                }, Date.valueOf(window.start()), Date.valueOf(window.end()));
        return byFiness;
    }
}
