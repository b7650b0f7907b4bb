package fr.esms.indicateurs.report;

import fr.esms.indicateurs.alerte.EssmsOutlook;
import fr.esms.indicateurs.alerte.IndicatorOutlook;
import fr.esms.indicateurs.alerte.Months;
import fr.esms.indicateurs.alerte.Outlook;
import fr.esms.indicateurs.alerte.ProjectOutlook;
import fr.esms.indicateurs.alerte.Trend;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The sheet "Projets à risque" of the regional workbook: the projects whose early-warning class is "à risque" or
 * "données insuffisantes", by deadline, then the indicators of their ESSMS that put them there. An estimate: it
 * never changes a figure nor an attainment of the other sheets.
 */
final class AtRiskProjectsSheet {

    static final String NAME = "Projets à risque";
    static final String NOTE = "Estimation, pas une mesure : pour chaque ESSMS et indicateur, droite des moindres"
            + " carrés sur les mois mesurés (fenêtre d'un mois) des " + Trend.MAX_MONTHS + " derniers mois, au moins "
            + Trend.MIN_POINTS + " mois ; « en bonne voie » si le taux estimé au mois de fin de déploiement atteint la"
            + " cible, « à risque » s'il ne l'atteint qu'après ou jamais, ou si l'échéance est passée sans la cible."
            + " Un projet prend la classe de son ESSMS le plus en retard. Les chiffres et l'atteinte des autres onglets"
            + " ne changent pas.";

    private AtRiskProjectsSheet() {
    }

    /** The projects of the report's outlooks, by deadline (unknown last), then by identifier. */
    static List<ProjectOutlook> projects(RegionalReport report) {
        Map<String, YearMonth> deadlines = new TreeMap<>();
        for (ProjectInfo info : report.projects()) {
            if (info.projetId() != null && info.dateFinDeploiement() != null) {
                deadlines.put(info.projetId(), YearMonth.from(info.dateFinDeploiement()));
            }
        }
        Map<String, List<EssmsOutlook>> byProject = new LinkedHashMap<>();
        for (EssmsOutlook essms : report.outlooks()) {
            byProject.computeIfAbsent(Objects.requireNonNullElse(essms.projetId(), ""), p -> new ArrayList<>())
                    .add(essms);
        }
        return byProject.entrySet().stream()
                .map(e -> ProjectOutlook.of(e.getKey(), deadlines.get(e.getKey()), e.getValue()))
                .sorted(Comparator.comparing(ProjectOutlook::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(ProjectOutlook::projetId))
                .toList();
    }

    static void write(SXSSFWorkbook workbook, Styles st, RegionalReport report, List<RegionalRow> rows) {
        Sheet sheet = workbook.createSheet(NAME);
        SheetBuilder b = new SheetBuilder(sheet, st);
        List<ProjectOutlook> projects = projects(report);
        Map<String, ProjectInfo> infos = report.projects().stream().filter(p -> p.projetId() != null)
                .collect(Collectors.toMap(ProjectInfo::projetId, p -> p, (a, c) -> a));
        Map<String, String> names = new TreeMap<>();
        rows.forEach(r -> names.put(r.identity().finess(), r.identity().raisonSociale()));
        List<ProjectOutlook> listed = projects.stream()
                .filter(p -> p.outlook() == Outlook.A_RISQUE || p.outlook() == Outlook.DONNEES_INSUFFISANTES)
                .toList();

        b.overflowText(b.row(), 0, "Projets à risque — estimation au " + FrenchText.month(report.month()), st.title);
        b.overflowText(b.row(), 0, NOTE, st.note);
        b.skip(1);
        Map<Outlook, Long> counts = new EnumMap<>(Outlook.class);
        projects.forEach(p -> counts.merge(p.outlook(), 1L, Long::sum));
        for (Outlook outlook : Outlook.values()) {
            Row row = b.row();
            b.text(row, 0, "Projets « " + outlook.label() + " »", st.label);
            b.integer(row, 1, counts.getOrDefault(outlook, 0L), st.integerBold);
        }
        b.skip(1);

        int projectHeader = b.nextRow();
        b.headerRow("Projet", "Intitulé", "Fin de déploiement", "Mois restants", "Classe du projet (estimation)",
                "ESSMS à risque", "ESSMS aux données insuffisantes", "ESSMS en bonne voie",
                "ESSMS ayant atteint leurs cibles");
        for (ProjectOutlook project : listed) {
            Row row = b.row();
            ProjectInfo info = infos.get(project.projetId());
            b.text(row, 0, project.projetId().isEmpty() ? RegionalWorkbookWriter.NO_PROJECT : project.projetId());
            b.text(row, 1, info == null ? "" : info.intitule());
            b.date(row, 2, info == null ? null : info.dateFinDeploiement());
            b.integer(row, 3, monthsLeft(report.month(), project.deadline()), st.integer);
            b.text(row, 4, project.outlook().label(), style(st, project.outlook()));
            b.integer(row, 5, project.count(Outlook.A_RISQUE));
            b.integer(row, 6, project.count(Outlook.DONNEES_INSUFFISANTES));
            b.integer(row, 7, project.count(Outlook.EN_BONNE_VOIE));
            b.integer(row, 8, project.count(Outlook.CIBLE_ATTEINTE));
        }
        if (listed.isEmpty()) {
            b.overflowText(b.row(), 0, report.outlooks().isEmpty() ? "Aucune estimation pour ce mois."
                    : "Aucun projet à risque ni aux données insuffisantes.", st.note);
        }
        b.skip(1);

        b.overflowText(b.row(), 0, "Indicateurs en cause", st.heading);
        int detailHeader = b.nextRow();
        String[] headers = {"Projet", "Fin de déploiement", "Mois restants", "FINESS", "Raison sociale",
                "Indicateur", "Classe (estimation)", "Dernier mois mesuré", "Dernier taux", "Cible",
                "Tendance", "Taux estimé à l'échéance", "Cible atteinte par la tendance en", "Rythme nécessaire",
                "Explication"};
        b.headerRow(headers);
        for (ProjectOutlook project : listed) {
            for (EssmsOutlook essms : project.essms().stream()
                    .sorted(Comparator.comparing(EssmsOutlook::finess)).toList()) {
                for (IndicatorOutlook o : essms.indicators()) {
                    if (o.outlook() == Outlook.A_RISQUE || o.outlook() == Outlook.DONNEES_INSUFFISANTES) {
                        detailRow(b, report, project, essms, o, names.get(essms.finess()));
                    }
                }
            }
        }
        int lastRow = Math.max(detailHeader, b.nextRow() - 1);
        sheet.setAutoFilter(new CellRangeAddress(detailHeader, lastRow, 0, headers.length - 1));
        sheet.createFreezePane(1, projectHeader + 1);
        b.finish(detailHeader);
    }

    private static void detailRow(SheetBuilder b, RegionalReport report, ProjectOutlook project, EssmsOutlook essms,
                                  IndicatorOutlook o, String name) {
        Styles st = b.styles;
        Row row = b.row();
        int col = 0;
        b.text(row, col++, project.projetId().isEmpty() ? RegionalWorkbookWriter.NO_PROJECT : project.projetId());
        b.text(row, col++, project.deadline() == null ? "" : FrenchText.month(project.deadline()));
        b.integer(row, col++, monthsLeft(report.month(), project.deadline()), st.integer);
        b.text(row, col++, essms.finess());
        b.text(row, col++, name);
        b.text(row, col++, FrenchText.indicatorShort(o.indicator()));
        b.text(row, col++, o.outlook().label(), style(st, o.outlook()));
        b.text(row, col++, o.lastMonth() == null ? "" : FrenchText.month(o.lastMonth()));
        b.fraction(row, col++, o.lastRate() == null ? null : o.lastRate() / 100, st.rate);
        b.fraction(row, col++, o.target() / 100.0, st.target);
        b.text(row, col++, o.trend() == null ? "" : Months.pace(o.trend().slope()));
        b.fraction(row, col++, o.projectedAtDeadline() == null ? null : o.projectedAtDeadline() / 100, st.rate);
        b.text(row, col++, o.trend() == null ? "" : o.reachMonth() == null ? "jamais"
                : FrenchText.month(o.reachMonth()));
        b.text(row, col++, o.paceNeeded() == null ? "" : Months.pace(o.paceNeeded()));
        b.text(row, col, o.reason());
    }

    static Long monthsLeft(YearMonth month, YearMonth deadline) {
        return deadline == null ? null : ChronoUnit.MONTHS.between(month, deadline);
    }

    static CellStyle style(Styles st, Outlook outlook) {
        return st.text(switch (outlook) {
            case CIBLE_ATTEINTE, EN_BONNE_VOIE -> Legend.Band.REACHED;
            case A_RISQUE -> Legend.Band.FAR;
            case DONNEES_INSUFFISANTES -> Legend.Band.NEUTRAL;
        });
    }
}
