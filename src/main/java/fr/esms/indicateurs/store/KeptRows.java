package fr.esms.indicateurs.store;

import fr.esms.indicateurs.rules.EssmsActivity.AgendaEvent;
import fr.esms.indicateurs.rules.EssmsActivity.DmpDocument;
import fr.esms.indicateurs.rules.EssmsActivity.MssMessage;
import fr.esms.indicateurs.rules.EssmsActivity.PersonalisedProject;
import fr.esms.indicateurs.rules.EssmsActivity.RecordUpdate;
import fr.esms.indicateurs.rules.EssmsActivity.Stay;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the store keeps for one ESSMS, as text tables named after the pivot files: the latest version of each key
 * (what the calculation reads), each row with the package it came from. Segments are not readable with SQL; this
 * is how support looks at the data behind a figure.
 */
public final class KeptRows {

    /** One table: the pivot file's columns that are kept, then {@code paquet} and {@code date_extraction}. */
    public record Table(String file, List<String> columns, List<List<String>> rows) {
    }

    private KeptRows() {
    }

    /** Every kept row of {@code finess}, one table per kind of row (empty tables included), rows in key order. */
    public static List<Table> of(JdbcTemplate jdbc, String finess) {
        Map<String, Table> tables = new LinkedHashMap<>();
        table(tables, "usagers.csv", "usager_id", "date_entree", "date_sortie", "motifs_exclusion");
        table(tables, "dossiers.csv", "dossier_id", "usager_id", "date_creation", "date_derniere_modification");
        table(tables, "mises_a_jour.csv", "dossier_id", "mois");
        table(tables, "projets_personnalises.csv", "pp_id", "dossier_id", "statut", "date_debut", "date_fin");
        table(tables, "agenda.csv", "evenement_id", "dossier_id", "date_evenement", "statut");
        table(tables, "mss.csv", "message_id", "date_envoi");
        table(tables, "dmp.csv", "document_id", "dossier_id", "date_depot", "statut");
        table(tables, "eprescription.csv", "prescription_id", "date_import");
        table(tables, "eparcours.csv", "echange_id", "date_echange");
        List<StoredSegment> segments = jdbc.query("SELECT " + StoredSegment.COLUMNS + " FROM segment WHERE finess = ?",
                (rs, i) -> StoredSegment.read(rs), finess);
        SegmentMerge merge = SegmentMerge.withOrigins(segments);
        for (Object row : merge.rows()) {
            StoredSegment origin = merge.origin(row);
            if (row instanceof Stay s) {
                add(tables, "usagers.csv", origin, s.personId(), text(s.entry()), text(s.exit()),
                        String.join("|", s.exclusionCodes()));
            } else if (row instanceof StoredRecord r) {
                add(tables, "dossiers.csv", origin, r.recordId(), r.personId(), text(r.created()),
                        text(r.lastModified()));
            } else if (row instanceof RecordUpdate u) {
                add(tables, "mises_a_jour.csv", origin, u.recordId(), u.month().toString());
            } else if (row instanceof PersonalisedProject p) {
                add(tables, "projets_personnalises.csv", origin, p.projectId(), p.recordId(), p.status().name(),
                        text(p.start()), text(p.end()));
            } else if (row instanceof AgendaEvent e) {
                add(tables, "agenda.csv", origin, e.eventId(), e.recordId(), text(e.date()), e.status().name());
            } else if (row instanceof MssMessage m) {
                add(tables, "mss.csv", origin, m.messageId(), text(m.sent()));
            } else if (row instanceof DmpDocument d) {
                add(tables, "dmp.csv", origin, d.documentId(), d.recordId(), text(d.deposited()), d.status().name());
            } else if (row instanceof CountedEvent c) {
                add(tables, c.kind() == CountedEvent.Kind.EPRESCRIPTION ? "eprescription.csv" : "eparcours.csv",
                        origin, c.id(), text(c.date()));
            }
        }
        Comparator<List<String>> byColumns = (a, b) -> {
            for (int i = 0; i < a.size(); i++) {
                int c = a.get(i).compareTo(b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
        tables.values().forEach(t -> t.rows().sort(byColumns));
        return List.copyOf(tables.values());
    }

    private static void table(Map<String, Table> tables, String file, String... columns) {
        List<String> all = new ArrayList<>(List.of(columns));
        all.add("paquet");
        all.add("date_extraction");
        tables.put(file, new Table(file, List.copyOf(all), new ArrayList<>()));
    }

    /** {@code origin.order()} is {@code date_extraction|package name}. */
    private static void add(Map<String, Table> tables, String file, StoredSegment origin, String... values) {
        List<String> row = new ArrayList<>(List.of(values));
        int bar = origin.order().indexOf('|');
        row.add(bar < 0 ? origin.sha256() : origin.order().substring(bar + 1));
        row.add(bar < 0 ? "" : origin.order().substring(0, bar));
        tables.get(file).rows().add(row);
    }

    private static String text(LocalDate date) {
        return date == null ? "" : date.toString();
    }
}
