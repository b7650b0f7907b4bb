package fr.esms.indicateurs.ingest;

import fr.esms.indicateurs.ingest.PivotRow.AggregateRow;
import fr.esms.indicateurs.ingest.PivotRow.CounterRow;
import fr.esms.indicateurs.ingest.PivotRow.DocumentRow;
import fr.esms.indicateurs.ingest.PivotRow.EventRow;
import fr.esms.indicateurs.ingest.PivotRow.MessageRow;
import fr.esms.indicateurs.ingest.PivotRow.ModificationRow;
import fr.esms.indicateurs.ingest.PivotRow.ProjectRow;
import fr.esms.indicateurs.ingest.PivotRow.RecordRow;
import fr.esms.indicateurs.ingest.PivotRow.StayRow;
import fr.esms.indicateurs.rules.AggregateCounts;
import fr.esms.indicateurs.rules.EssmsActivity.DmpStatus;
import fr.esms.indicateurs.rules.EssmsActivity.EventStatus;
import fr.esms.indicateurs.rules.EssmsActivity.ProjectStatus;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of each data file of {@code format-pivot.md} and how a row becomes a {@link PivotRow}. Columns are
 * checked in the order of the spec's table, then the checks between columns; the first problem rejects the row.
 */
record PivotLayout(List<String> required, List<String> optional, Mapper mapper) {

    @FunctionalInterface
    interface Mapper {
        PivotRow map(Fields f, long line) throws RowProblem;
    }

    static final List<String> MSS_RECIPIENTS = List.of("PROFESSIONNEL", "USAGER");

    /** The columns of {@code agregats.csv}, all required, in the order of the spec. */
    static final List<String> AGGREGATE_COLUMNS = List.of("finess", "periode_debut", "periode_fin",
            "personnes_accompagnees", "dossiers_actifs", "dossiers_actifs_pp", "dossiers_actifs_agenda",
            "messages_mss", "dmp_alimentes", "exclusions_mss", "exclusions_dmp");
    /** The longest period an aggregate row may state: the longest window ({@code --fenetre} 12). */
    static final int MAX_AGGREGATE_MONTHS = 12;

    private static final Map<PivotFile, PivotLayout> LAYOUTS = new EnumMap<>(PivotFile.class);

    static {
        LAYOUTS.put(PivotFile.USAGERS, new PivotLayout(
                List.of("finess", "usager_id", "date_entree"),
                List.of("date_sortie", "motifs_exclusion"),
                (f, line) -> {
                    String finess = f.finess("finess");
                    String person = f.id("usager_id");
                    LocalDate entry = f.date("date_entree");
                    LocalDate exit = f.optionalDate("date_sortie");
                    List<String> codes = f.codes("motifs_exclusion");
                    if (exit != null && exit.isBefore(entry)) {
                        throw new RowProblem("date_sortie", f.text("date_sortie"),
                                "date de sortie antérieure à la date d'entrée (" + entry + ")");
                    }
                    return new StayRow(finess, person, entry, exit, codes, line);
                }));
        LAYOUTS.put(PivotFile.DOSSIERS, new PivotLayout(
                List.of("finess", "dossier_id", "usager_id", "date_creation", "date_derniere_modification"),
                List.of(),
                (f, line) -> new RecordRow(f.finess("finess"), f.id("dossier_id"), f.id("usager_id"),
                        f.date("date_creation"), f.date("date_derniere_modification"), line)));
        LAYOUTS.put(PivotFile.MODIFICATIONS, new PivotLayout(
                List.of("finess", "dossier_id", "date_modification"),
                List.of(),
                (f, line) -> new ModificationRow(f.finess("finess"), f.id("dossier_id"), f.date("date_modification"),
                        line)));
        LAYOUTS.put(PivotFile.PROJETS_PERSONNALISES, new PivotLayout(
                List.of("finess", "dossier_id", "pp_id", "statut"),
                List.of("date_debut", "date_fin"),
                (f, line) -> {
                    String finess = f.finess("finess");
                    String record = f.id("dossier_id");
                    String project = f.id("pp_id");
                    ProjectStatus status = f.status("statut", ProjectStatus.class, null);
                    LocalDate start = f.optionalDate("date_debut");
                    LocalDate end = f.optionalDate("date_fin");
                    if (start != null && end != null && end.isBefore(start)) {
                        throw new RowProblem("date_fin", f.text("date_fin"),
                                "date de fin antérieure à la date de début (" + start + ")");
                    }
                    return new ProjectRow(finess, record, project, status, start, end, line);
                }));
        LAYOUTS.put(PivotFile.AGENDA, new PivotLayout(
                List.of("finess", "dossier_id", "evenement_id", "date_evenement"),
                List.of("statut", "type"),
                (f, line) -> new EventRow(f.finess("finess"), f.id("dossier_id"), f.id("evenement_id"),
                        f.date("date_evenement"), f.status("statut", EventStatus.class, EventStatus.PREVU),
                        f.freeText("type"), line)));
        LAYOUTS.put(PivotFile.MSS, new PivotLayout(
                List.of("finess", "message_id", "date_envoi"),
                List.of("dossier_id", "type_destinataire"),
                (f, line) -> new MessageRow(f.finess("finess"), f.id("message_id"), f.date("date_envoi"),
                        f.optionalId("dossier_id"),
                        f.optionalOneOf("type_destinataire", MSS_RECIPIENTS, "type de destinataire"),
                        line)));
        LAYOUTS.put(PivotFile.DMP, new PivotLayout(
                List.of("finess", "dossier_id", "document_id", "date_depot"),
                List.of("statut", "type_document"),
                (f, line) -> new DocumentRow(f.finess("finess"), f.id("dossier_id"), f.id("document_id"),
                        f.date("date_depot"), f.status("statut", DmpStatus.class, DmpStatus.DEPOSE),
                        f.freeText("type_document"), line)));
        LAYOUTS.put(PivotFile.EPRESCRIPTION, counter("prescription_id", "date_import"));
        LAYOUTS.put(PivotFile.EPARCOURS, counter("echange_id", "date_echange"));
        LAYOUTS.put(PivotFile.AGREGATS, new PivotLayout(AGGREGATE_COLUMNS, List.of(), PivotLayout::aggregate));
    }

    /**
     * A row of {@code agregats.csv}: whole calendar months (else it could serve no window), then the consistency
     * rules between counts, each rejection stating the rule broken with the values.
     */
    private static PivotRow aggregate(Fields f, long line) throws RowProblem {
        String finess = f.finess("finess");
        LocalDate start = f.date("periode_debut");
        LocalDate end = f.date("periode_fin");
        long persons = f.count("personnes_accompagnees");
        long active = f.count("dossiers_actifs");
        long withProject = f.count("dossiers_actifs_pp");
        long withAgenda = f.count("dossiers_actifs_agenda");
        long messages = f.count("messages_mss");
        long dmp = f.count("dmp_alimentes");
        long mssExclusions = f.count("exclusions_mss");
        long dmpExclusions = f.count("exclusions_dmp");
        if (end.isBefore(start)) {
            throw new RowProblem("periode_fin", f.text("periode_fin"),
                    "incohérent : periode_fin (" + end + ") antérieure à periode_debut (" + start + ")");
        }
        String noWindow = " : une ligne d'agrégats doit couvrir des mois civils entiers (du premier jour d'un mois"
                + " au dernier jour d'un mois, 1 à " + MAX_AGGREGATE_MONTHS + " mois), sinon elle ne peut servir"
                + " aucune fenêtre";
        if (start.getDayOfMonth() != 1) {
            throw new RowProblem("periode_debut", f.text("periode_debut"),
                    "periode_debut (" + start + ") n'est pas le premier jour d'un mois" + noWindow);
        }
        if (!end.equals(YearMonth.from(end).atEndOfMonth())) {
            throw new RowProblem("periode_fin", f.text("periode_fin"),
                    "periode_fin (" + end + ") n'est pas le dernier jour d'un mois" + noWindow);
        }
        long months = ChronoUnit.MONTHS.between(YearMonth.from(start), YearMonth.from(end)) + 1;
        if (months > MAX_AGGREGATE_MONTHS) {
            throw new RowProblem("periode_fin", f.text("periode_fin"),
                    "période de " + months + " mois (du " + start + " au " + end + ")" + noWindow);
        }
        atMost(f, "dossiers_actifs", active, "personnes_accompagnees", persons);
        atMost(f, "dossiers_actifs_pp", withProject, "dossiers_actifs", active);
        atMost(f, "dossiers_actifs_agenda", withAgenda, "dossiers_actifs", active);
        atMost(f, "dmp_alimentes", dmp, "personnes_accompagnees", persons);
        atMost(f, "exclusions_mss", mssExclusions, "personnes_accompagnees", persons);
        atMost(f, "exclusions_dmp", dmpExclusions, "personnes_accompagnees", persons);
        return new AggregateRow(finess, start, end, new AggregateCounts(persons, active, withProject, withAgenda,
                messages, dmp, mssExclusions, dmpExclusions), line);
    }

    /** Rejects the row, on {@code column}, when {@code value > limit}. */
    private static void atMost(Fields f, String column, long value, String limitColumn, long limit)
            throws RowProblem {
        if (value > limit) {
            throw new RowProblem(column, f.text(column), "incohérent : " + column + " (" + value + ") > "
                    + limitColumn + " (" + limit + ") (règle : " + column + " <= " + limitColumn + ")");
        }
    }

    private static PivotLayout counter(String idColumn, String dateColumn) {
        return new PivotLayout(List.of("finess", idColumn, dateColumn), List.of(),
                (f, line) -> new CounterRow(f.finess("finess"), f.id(idColumn), f.date(dateColumn), line));
    }

    /** The values a coded column admits (its words in the pivot format), or an empty list for a free column. */
    static List<String> allowedValues(PivotFile file, String column) {
        return switch (file) {
            case PROJETS_PERSONNALISES -> column.equals("statut") ? names(ProjectStatus.values()) : List.of();
            case AGENDA -> column.equals("statut") ? names(EventStatus.values()) : List.of();
            case DMP -> column.equals("statut") ? names(DmpStatus.values()) : List.of();
            case MSS -> column.equals("type_destinataire") ? MSS_RECIPIENTS : List.of();
            default -> List.of();
        };
    }

    private static List<String> names(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(Enum::name).toList();
    }

    static PivotLayout of(PivotFile file) {
        return LAYOUTS.get(file);
    }

    /** The manifest {@code export.csv}. */
    static final List<String> MANIFEST_REQUIRED =
            List.of("editeur", "logiciel", "finess_ej", "date_extraction", "periode_debut", "periode_fin");
    static final List<String> MANIFEST_OPTIONAL = List.of("version_logiciel");
}
