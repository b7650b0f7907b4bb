package fr.esms.indicateurs.ingest;

import fr.esms.indicateurs.ingest.PivotRow.CounterRow;
import fr.esms.indicateurs.ingest.PivotRow.DocumentRow;
import fr.esms.indicateurs.ingest.PivotRow.EventRow;
import fr.esms.indicateurs.ingest.PivotRow.MessageRow;
import fr.esms.indicateurs.ingest.PivotRow.ModificationRow;
import fr.esms.indicateurs.ingest.PivotRow.ProjectRow;
import fr.esms.indicateurs.ingest.PivotRow.RecordRow;
import fr.esms.indicateurs.ingest.PivotRow.StayRow;
import fr.esms.indicateurs.rules.EssmsActivity.DmpStatus;
import fr.esms.indicateurs.rules.EssmsActivity.EventStatus;
import fr.esms.indicateurs.rules.EssmsActivity.ProjectStatus;

import java.time.LocalDate;
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
                        f.text("type"), line)));
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
                        f.text("type_document"), line)));
        LAYOUTS.put(PivotFile.EPRESCRIPTION, counter("prescription_id", "date_import"));
        LAYOUTS.put(PivotFile.EPARCOURS, counter("echange_id", "date_echange"));
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
