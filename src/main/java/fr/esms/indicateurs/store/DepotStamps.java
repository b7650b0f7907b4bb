package fr.esms.indicateurs.store;

import fr.esms.indicateurs.ingest.PackageStamp;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The stamps of the packages last seen in each dépôt (table {@code empreinte_depot}), for the next scan. */
public class DepotStamps {

    private final JdbcTemplate jdbc;

    public DepotStamps(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** By package name. */
    public Map<String, PackageStamp> load(Path depot) {
        Map<String, PackageStamp> stamps = new HashMap<>();
        jdbc.query("SELECT nom, etat, sha256 FROM empreinte_depot WHERE depot = ?", rs -> {
            stamps.put(rs.getString("nom"), new PackageStamp(rs.getString("nom"), rs.getString("etat"),
                    rs.getString("sha256")));
        }, key(depot));
        return stamps;
    }

    /**
     * The stamps of this scan replace those of the previous one: the stamps of packages gone, changed or not yet
     * settled are deleted, the new ones inserted, the unchanged ones left as they are.
     */
    public void save(Path depot, List<PackageStamp> stamps) {
        String key = key(depot);
        Map<String, PackageStamp> previous = load(depot);
        Set<String> kept = new HashSet<>();
        List<Object[]> inserted = new ArrayList<>();
        for (PackageStamp stamp : stamps) {
            if (stamp.equals(previous.get(stamp.name()))) {
                kept.add(stamp.name());
            } else {
                inserted.add(new Object[]{key, stamp.name(), stamp.state(), stamp.sha256()});
            }
        }
        List<Object[]> deleted = previous.keySet().stream().filter(name -> !kept.contains(name))
                .map(name -> new Object[]{key, name}).toList();
        jdbc.batchUpdate("DELETE FROM empreinte_depot WHERE depot = ? AND nom = ?", deleted);
        jdbc.batchUpdate("INSERT INTO empreinte_depot (depot, nom, etat, sha256) VALUES (?, ?, ?, ?)", inserted);
    }

    private static String key(Path depot) {
        return depot.toAbsolutePath().normalize().toString();
    }
}
