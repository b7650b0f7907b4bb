package fr.esms.indicateurs.report;

import fr.esms.indicateurs.rules.Attainment;
import fr.esms.indicateurs.rules.EssmsMeasure;
import fr.esms.indicateurs.rules.Indicator;
import fr.esms.indicateurs.rules.IndicatorResult;
import fr.esms.indicateurs.rules.Sector;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The regional workbook of a measure month: {@code ars/synthese_<AAAA-MM>.xlsx} under the output folder, with
 * the sheets Synthèse, ESSMS, Projets, Projets à risque (an estimate, {@link AtRiskProjectsSheet}), Départements,
 * Secteurs, Éditeurs, Complétude, and Révisions when the month is closed ({@link RevisionsSheet}).
 *
 * <p>Written with the streaming API (SXSSF): only a window of {@value #ROW_WINDOW} rows per sheet is in memory,
 * the rest goes to compressed temporary files removed when the workbook is closed. The groups are counted in one
 * pass over the rows before writing.
 */
public final class RegionalWorkbookWriter {

    public static final String SYNTHESE = "Synthèse";
    public static final String ESSMS = "ESSMS";
    public static final String PROJETS = "Projets";
    public static final String PROJETS_A_RISQUE = AtRiskProjectsSheet.NAME;
    public static final String DEPARTEMENTS = "Départements";
    public static final String SECTEURS = "Secteurs";
    public static final String EDITEURS = "Éditeurs";
    public static final String COMPLETUDE = "Complétude";
    public static final String REVISIONS = "Révisions";

    static final int ROW_WINDOW = 200;
    /** ESSMS listed by name in a project's cell before "… et N autres". */
    static final int FAILING_LISTED = 30;
    static final String NO_PROJECT = "(sans projet)";
    static final String NO_EDITOR = "(éditeur non renseigné)";
    static final String NO_DEPARTEMENT = "(non renseigné)";

    private static final List<Indicator> RATED = EssmsWorkbookWriter.RATED;

    private final Clock clock;
    /** Null: the workbook is not encrypted. */
    private final String password;

    public RegionalWorkbookWriter() {
        this(Clock.systemDefaultZone());
    }

    /** @param clock gives the "généré le" date */
    public RegionalWorkbookWriter(Clock clock) {
        this(clock, null);
    }

    /** @param password the workbook is encrypted with it (agile encryption) unless it is null */
    public RegionalWorkbookWriter(Clock clock, String password) {
        this.clock = Objects.requireNonNull(clock);
        this.password = password;
    }

    public static Path target(Path outputDir, YearMonth month) {
        return PathParts.under(outputDir, "ars", "synthese_" + PathParts.month(month) + ".xlsx");
    }

    /** Writes the workbook (replacing an older one) and returns its path. */
    public Path write(RegionalReport report, Path outputDir) throws IOException {
        Path target = target(outputDir, report.month());
        List<RegionalRow> rows = new ArrayList<>(report.rows());
        rows.sort(Comparator.comparing((RegionalRow r) -> r.identity().finess()));
        Groups groups = Groups.of(report, rows);

        try (SXSSFWorkbook workbook = new SXSSFWorkbook(ROW_WINDOW)) {
            workbook.setCompressTempFiles(true);
            Styles styles = new Styles(workbook);
            summary(workbook, styles, report, groups);
            essms(workbook, styles, report, rows);
            projects(workbook, styles, groups.projects.values());
            AtRiskProjectsSheet.write(workbook, styles, report, rows);
            groupSheet(workbook, styles, DEPARTEMENTS, "Département", groups.departements.values(), groups.region);
            groupSheet(workbook, styles, SECTEURS, "Secteur", groups.sectors.values(), groups.region);
            groupSheet(workbook, styles, EDITEURS, "Éditeur", groups.editors.values(), groups.region);
            completeness(workbook, styles, report, rows);
            if (report.closed() != null) {
                RevisionsSheet.write(workbook, styles, report, rows);
            }
            workbook.setActiveSheet(0);
            WorkbookFiles.save(target, workbook::write, password);
        }
        return target;
    }

    // ---------------------------------------------------------------- Synthèse

    private void summary(SXSSFWorkbook workbook, Styles st, RegionalReport report, Groups groups) {
        SheetBuilder b = new SheetBuilder(workbook.createSheet(SYNTHESE), st);
        GroupStats region = groups.region;
        b.overflowText(b.row(), 0, "Indicateurs d'usage du DUI — synthèse régionale", st.title);
        b.overflowText(b.row(), 0, "Mesure de " + FrenchText.month(report.month()) + ", fenêtre de "
                + FrenchText.window(report.month(), report.windowMonths()), st.note);
        if (report.closed() != null) {
            b.overflowText(b.row(), 0, report.closed().notice(), st.textBold);
        }
        b.skip(1);

        Row dui = b.row();
        dui.setHeightInPoints(24f);
        b.text(dui, 0, "DUI actifs dans la région", st.heading);
        b.integer(dui, 1, region.duiActifs, st.keyFigure);
        b.overflowText(b.row(), 0, "Somme, sur les ESSMS ayant des données, des personnes ayant un dossier actif"
                + " (numérateurs de l'indicateur Dossiers actifs).", st.note);
        b.skip(1);

        keyFigure(b, "ESSMS du référentiel", region.essms);
        keyFigure(b, "ESSMS avec des données pour le mois", region.withData);
        keyFigure(b, "ESSMS sans données pour le mois", region.withoutData());
        if (report.lateAfter() != null) {
            keyFigure(b, "Exports arrivés après le " + FrenchText.date(report.lateAfter()), region.late);
        }
        keyFigure(b, "ESSMS atteignant toutes leurs cibles", region.reachingAll);
        textLine(b, "Mois de mesure", FrenchText.month(report.month()));
        textLine(b, "Fenêtre", FrenchText.window(report.month(), report.windowMonths()));
        textLine(b, "Version des règles", groups.rulesVersions);
        Row deadline = b.row();
        b.text(deadline, 0, "Exports attendus au plus tard le", st.label);
        if (report.lateAfter() == null) {
            b.overflowText(deadline, 1, "non vérifié", st.text);
        } else {
            b.date(deadline, 1, report.lateAfter());
        }
        Row generated = b.row();
        b.text(generated, 0, "Généré le", st.label);
        b.date(generated, 1, LocalDate.now(clock));
        b.skip(1);

        b.overflowText(b.row(), 0, "Atteinte des cibles par indicateur", st.heading);
        int header = b.nextRow();
        b.headerRow("Indicateur", "Cible", "ESSMS tenus à la cible", "Atteignent la cible", "Part atteignant",
                "Taux moyen", "Non calculables", "Exemptés");
        for (int i = 0; i < RATED.size(); i++) {
            Row row = b.row();
            Integer target = region.target(i);
            b.text(row, 0, FrenchText.indicator(RATED.get(i)));
            b.fraction(row, 1, target == null ? null : target / 100.0, st.target);
            b.integer(row, 2, region.held[i]);
            b.integer(row, 3, region.reached[i]);
            b.fraction(row, 4, region.shareReached(i), st.rate);
            b.fraction(row, 5, region.meanRate(i), st.rate(Legend.ofRate(region.meanRate(i), target)));
            b.integer(row, 6, region.notComputable[i]);
            b.integer(row, 7, region.exempted[i]);
        }
        b.overflowText(b.row(), 0, "Taux moyen : moyenne simple des taux des ESSMS tenus à la cible et"
                + " calculables ; sa couleur le compare à la cible. Part atteignant : parmi les ESSMS tenus à la cible"
                + " (avec données).", st.note);
        b.skip(1);
        b.legend(0);
        b.finish(header);
    }

    private static void keyFigure(SheetBuilder b, String label, long value) {
        Row row = b.row();
        b.text(row, 0, label, b.styles.label);
        b.integer(row, 1, value, b.styles.integerBold);
    }

    private static void textLine(SheetBuilder b, String label, String value) {
        Row row = b.row();
        b.text(row, 0, label, b.styles.label);
        b.overflowText(row, 1, value, b.styles.text);
    }

    // ---------------------------------------------------------------- ESSMS

    private void essms(SXSSFWorkbook workbook, Styles st, RegionalReport report, List<RegionalRow> rows) {
        Sheet sheet = workbook.createSheet(ESSMS);
        SheetBuilder b = new SheetBuilder(sheet, st);
        b.overflowText(b.row(), 0, "ESSMS du référentiel — mesure de " + FrenchText.month(report.month()), st.title);
        b.overflowText(b.row(), 0, "Une ligne par ESSMS, avec ou sans données. Taux vides : non calculables"
                + " (dénominateur nul) ou sans données. Couleurs : voir la légende de l'onglet Synthèse.", st.note);
        b.skip(1);
        List<String> headers = new ArrayList<>(List.of("FINESS", "Raison sociale", "FINESS juridique",
                "Catégorie FINESS", "Secteur", "Département", "Projet", "Éditeur", "Données du mois",
                "Dernier export reçu le", "Export en retard", "Toutes les cibles atteintes",
                "Personnes accompagnées", "DUI actifs"));
        for (Indicator indicator : RATED) {
            String name = FrenchText.indicatorShort(indicator);
            headers.add(name + " : taux");
            headers.add(name + " : atteinte");
            headers.add(name + " : manque");
        }
        headers.add(FrenchText.indicatorShort(Indicator.EPRESCRIPTION));
        headers.add(FrenchText.indicatorShort(Indicator.EPARCOURS));
        headers.add("Source des chiffres");
        int sourceColumn = headers.size() - 1;
        int headerRow = b.nextRow();
        b.headerRow(headers.toArray(String[]::new));

        for (RegionalRow regionalRow : rows) {
            EssmsIdentity id = regionalRow.identity();
            EssmsMeasure measure = regionalRow.measure();
            Row row = b.row();
            int col = 0;
            b.text(row, col++, id.finess());
            b.text(row, col++, id.raisonSociale());
            b.text(row, col++, id.finessEj());
            b.text(row, col++, id.categorie());
            b.text(row, col++, FrenchText.sector(id.sector()));
            b.text(row, col++, id.departement());
            b.text(row, col++, id.projetId());
            b.text(row, col++, id.editeur());
            b.text(row, col++, FrenchText.yesNo(measure != null));
            if (regionalRow.source() != null) {
                b.text(row, sourceColumn, regionalRow.source().shortLabel());
            }
            b.date(row, col++, regionalRow.lastExportDate());
            b.text(row, col++, measure == null || report.lateAfter() == null || regionalRow.lastExportDate() == null
                    ? "" : FrenchText.yesNo(regionalRow.isLate(report.lateAfter())));
            if (measure == null) {
                b.text(row, col, "Sans données");
                continue;
            }
            boolean all = measure.reachesAllTargets();
            b.text(row, col++, FrenchText.yesNo(all), all ? st.text(Legend.Band.REACHED) : st.text);
            IndicatorResult active = find(measure, Indicator.DOSSIERS_ACTIFS);
            b.integer(row, col++, active == null ? null : active.rawDenominator(), st.integer);
            b.integer(row, col++, active == null ? null : active.numerator(), st.integer);
            for (Indicator indicator : RATED) {
                IndicatorResult result = find(measure, indicator);
                Legend.Band band = Legend.of(result);
                b.fraction(row, col++, EssmsWorkbookWriter.rate(result), st.rate(band));
                b.text(row, col++, result == null ? "" : FrenchText.attainment(result.attainment()), st.text(band));
                b.integer(row, col++, result == null ? null : result.gap(), st.integer);
            }
            for (Indicator counter : List.of(Indicator.EPRESCRIPTION, Indicator.EPARCOURS)) {
                IndicatorResult result = find(measure, counter);
                b.integer(row, col++, result == null ? null : result.numerator(), st.integer);
            }
        }
        int lastRow = Math.max(headerRow, b.nextRow() - 1);
        sheet.setAutoFilter(new CellRangeAddress(headerRow, lastRow, 0, headers.size() - 1));
        sheet.createFreezePane(2, headerRow + 1);
        b.finish(headerRow);
    }

    // ---------------------------------------------------------------- Projets

    private void projects(SXSSFWorkbook workbook, Styles st, Collection<ProjectStats> projects) {
        Sheet sheet = workbook.createSheet(PROJETS);
        SheetBuilder b = new SheetBuilder(sheet, st);
        b.overflowText(b.row(), 0, "Projets", st.title);
        b.overflowText(b.row(), 0, "Un projet atteint ses cibles quand chacun de ses ESSMS atteint chacune des cibles"
                + " auxquelles il est tenu sur la fenêtre (le solde se juge sur la mesure finale). Un ESSMS sans données"
                + " n'atteint pas ses cibles.", st.note);
        b.skip(1);
        int headerRow = b.nextRow();
        b.headerRow("Projet", "Intitulé", "Porteur (FINESS juridique)", "Financement", "Date de convention",
                "Fin de déploiement", "ESSMS", "Avec données", "Atteignent toutes leurs cibles",
                "Toutes les ESSMS atteignent leurs cibles", "Cibles non atteintes (nombre d'ESSMS)",
                "ESSMS n'atteignant pas toutes leurs cibles");
        for (ProjectStats project : projects) {
            Row row = b.row();
            GroupStats stats = project.stats;
            ProjectInfo info = project.info;
            b.text(row, 0, project.id.isEmpty() ? NO_PROJECT : project.id);
            b.text(row, 1, info == null ? project.titleFromRows : info.intitule());
            b.text(row, 2, info == null ? "" : info.finessEjPorteur());
            b.text(row, 3, info == null ? "" : info.typeFinancement());
            b.date(row, 4, info == null ? null : info.dateConvention());
            b.date(row, 5, info == null ? null : info.dateFinDeploiement());
            b.integer(row, 6, stats.essms);
            b.integer(row, 7, stats.withData);
            b.integer(row, 8, stats.reachingAll);
            boolean all = project.reachesAllTargets();
            b.text(row, 9, FrenchText.yesNo(all), all ? st.text(Legend.Band.REACHED) : st.text);
            b.text(row, 10, project.missedSummary());
            String failing = project.failingList();
            b.text(row, 11, failing, st.textWrap);
            long lines = failing.chars().filter(c -> c == '\n').count() + 1;
            if (lines > 1) {
                // one line per ESSMS; a wrapped cell does not grow its row by itself in every viewer
                row.setHeightInPoints(Math.min(409f, 15f * lines));
            }
        }
        int lastRow = Math.max(headerRow, b.nextRow() - 1);
        sheet.setAutoFilter(new CellRangeAddress(headerRow, lastRow, 0, 11));
        sheet.createFreezePane(1, headerRow + 1);
        b.finish(headerRow);
    }

    // ---------------------------------------------------------------- Départements, Secteurs, Éditeurs

    private void groupSheet(SXSSFWorkbook workbook, Styles st, String name, String keyHeader,
                            Collection<GroupStats> groups, GroupStats region) {
        Sheet sheet = workbook.createSheet(name);
        SheetBuilder b = new SheetBuilder(sheet, st);
        b.overflowText(b.row(), 0, "Répartition par " + keyHeader.toLowerCase(java.util.Locale.FRENCH), st.title);
        b.overflowText(b.row(), 0, "Part : parmi les ESSMS avec données tenus à la cible. Taux moyen : moyenne simple"
                + " des taux calculables, colorée selon la cible (légende de l'onglet Synthèse).", st.note);
        b.skip(1);

        String[] fixed = {keyHeader, "ESSMS", "Avec données", "Sans données", "Exports en retard",
                "Atteignent toutes leurs cibles", "Part atteignant toutes leurs cibles", "DUI actifs"};
        int top = b.nextRow();
        Row topRow = b.row();
        topRow.setHeightInPoints(20f);
        Row subRow = b.row();
        subRow.setHeightInPoints(32f);
        for (int col = 0; col < fixed.length; col++) {
            b.header(topRow, col, fixed[col]);
            b.header(subRow, col, "");
            sheet.addMergedRegion(new CellRangeAddress(top, top + 1, col, col));
        }
        int col = fixed.length;
        for (Indicator indicator : RATED) {
            b.header(topRow, col, FrenchText.indicatorShort(indicator));
            b.header(topRow, col + 1, "");
            b.header(topRow, col + 2, "");
            sheet.addMergedRegion(new CellRangeAddress(top, top, col, col + 2));
            b.header(subRow, col, "Atteignent la cible");
            b.header(subRow, col + 1, "Part atteignant");
            b.header(subRow, col + 2, "Taux moyen");
            col += 3;
        }

        for (GroupStats group : groups) {
            groupRow(b, group, st.text, st.integer);
        }
        groupRow(b, region, st.textBold, st.integerBold);
        sheet.createFreezePane(1, top + 2);
        b.finish(top, top + 1);
    }

    private static void groupRow(SheetBuilder b, GroupStats group, org.apache.poi.ss.usermodel.CellStyle text,
                                 org.apache.poi.ss.usermodel.CellStyle integer) {
        Styles st = b.styles;
        Row row = b.row();
        int col = 0;
        b.text(row, col++, group.label, text);
        b.integer(row, col++, (long) group.essms, integer);
        b.integer(row, col++, (long) group.withData, integer);
        b.integer(row, col++, (long) group.withoutData(), integer);
        b.integer(row, col++, (long) group.late, integer);
        b.integer(row, col++, (long) group.reachingAll, integer);
        b.fraction(row, col++, group.shareReachingAll(), st.rate);
        b.integer(row, col++, group.duiActifs, integer);
        for (int i = 0; i < RATED.size(); i++) {
            b.integer(row, col++, (long) group.reached[i], integer);
            b.fraction(row, col++, group.shareReached(i), st.rate);
            Double mean = group.meanRate(i);
            b.fraction(row, col++, mean, st.rate(Legend.ofRate(mean, group.target(i))));
        }
    }

    // ---------------------------------------------------------------- Complétude

    private void completeness(SXSSFWorkbook workbook, Styles st, RegionalReport report, List<RegionalRow> rows) {
        Sheet sheet = workbook.createSheet(COMPLETUDE);
        SheetBuilder b = new SheetBuilder(sheet, st);
        LocalDate lateAfter = report.lateAfter();
        List<RegionalRow> missing = rows.stream().filter(r -> !r.hasData()).toList();
        List<RegionalRow> late = rows.stream().filter(r -> r.isLate(lateAfter)).toList();

        b.overflowText(b.row(), 0, "Complétude des exports — mesure de " + FrenchText.month(report.month()), st.title);
        b.overflowText(b.row(), 0, FrenchText.integer(missing.size()) + " ESSMS sans données pour le mois ; "
                + (lateAfter == null ? "retards non vérifiés (aucune date limite fixée)."
                : FrenchText.integer(late.size()) + " export(s) arrivé(s) après le " + FrenchText.date(lateAfter)
                + " (jugé sur le jour où le paquet a été reçu pour la première fois, pas sur sa date d'extraction)."),
                st.note);
        b.skip(1);
        int headerRow = b.nextRow();
        b.headerRow("FINESS", "Raison sociale", "Département", "Projet", "Éditeur", "Situation",
                "Dernier export reçu le", "Jours de retard");
        for (RegionalRow r : missing) {
            completenessRow(b, r, "Sans données pour le mois", null);
        }
        for (RegionalRow r : late) {
            completenessRow(b, r, "Export arrivé en retard", ChronoUnit.DAYS.between(lateAfter, r.lastExportDate()));
        }
        if (missing.isEmpty() && late.isEmpty()) {
            b.overflowText(b.row(), 0, "Tous les ESSMS ont des données" + (lateAfter == null ? "."
                    : ", arrivées à temps."), st.note);
        }
        int lastRow = Math.max(headerRow, b.nextRow() - 1);
        sheet.setAutoFilter(new CellRangeAddress(headerRow, lastRow, 0, 7));
        sheet.createFreezePane(2, headerRow + 1);
        b.finish(headerRow);
    }

    private static void completenessRow(SheetBuilder b, RegionalRow r, String situation, Long daysLate) {
        EssmsIdentity id = r.identity();
        Row row = b.row();
        b.text(row, 0, id.finess());
        b.text(row, 1, id.raisonSociale());
        b.text(row, 2, id.departement());
        b.text(row, 3, id.projetId());
        b.text(row, 4, id.editeur());
        b.text(row, 5, situation);
        b.date(row, 6, r.lastExportDate());
        b.integer(row, 7, daysLate, b.styles.integer);
    }

    // ---------------------------------------------------------------- groups

    static IndicatorResult find(EssmsMeasure measure, Indicator indicator) {
        return measure.results().stream().filter(r -> r.indicator() == indicator).findFirst().orElse(null);
    }

    private static String keyOrDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    /** All the counts of the workbook, from one pass over the rows. */
    private record Groups(GroupStats region, Map<String, GroupStats> departements, Map<Sector, GroupStats> sectors,
                          Map<String, GroupStats> editors, Map<String, ProjectStats> projects,
                          String rulesVersions) {

        static Groups of(RegionalReport report, List<RegionalRow> rows) {
            GroupStats region = new GroupStats("Total région");
            Map<String, GroupStats> departements = new TreeMap<>();
            Map<Sector, GroupStats> sectors = new EnumMap<>(Sector.class);
            Map<String, GroupStats> editors = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            Map<String, ProjectStats> projects = new TreeMap<>();
            for (ProjectInfo info : report.projects()) {
                String id = keyOrDefault(info.projetId(), "");
                projects.put(id, new ProjectStats(id, info));
            }
            LocalDate lateAfter = report.lateAfter();
            java.util.Set<String> versions = new java.util.TreeSet<>();
            for (RegionalRow row : rows) {
                EssmsIdentity id = row.identity();
                region.add(row, lateAfter);
                String departement = keyOrDefault(id.departement(), NO_DEPARTEMENT);
                departements.computeIfAbsent(departement, GroupStats::new).add(row, lateAfter);
                sectors.computeIfAbsent(id.sector(), s -> new GroupStats(FrenchText.sector(s))).add(row, lateAfter);
                String editor = keyOrDefault(id.editeur(), NO_EDITOR);
                editors.computeIfAbsent(editor, GroupStats::new).add(row, lateAfter);
                String project = keyOrDefault(id.projetId(), "");
                projects.computeIfAbsent(project, p -> new ProjectStats(p, null)).add(row, lateAfter);
                if (row.measure() != null && row.measure().rulesVersion() != null) {
                    versions.add(row.measure().rulesVersion());
                }
            }
            return new Groups(region, departements, sectors, editors, projects,
                    versions.isEmpty() ? "" : String.join(" ; ", versions));
        }
    }

    /** A project's counts, and which of its ESSMS miss which target. */
    static final class ProjectStats {
        final String id;
        final ProjectInfo info;
        final GroupStats stats;
        String titleFromRows = "";
        private final Map<String, Integer> missedBy = new LinkedHashMap<>();
        private final List<String> failing = new ArrayList<>();
        private int failingNotListed;

        ProjectStats(String id, ProjectInfo info) {
            this.id = id;
            this.info = info;
            this.stats = new GroupStats(id);
            for (Indicator indicator : RATED) {
                missedBy.put(FrenchText.indicatorShort(indicator), 0);
            }
            missedBy.put("sans données", 0);
        }

        void add(RegionalRow row, LocalDate lateAfter) {
            stats.add(row, lateAfter);
            EssmsIdentity id = row.identity();
            if (titleFromRows.isEmpty() && id.projetIntitule() != null) {
                titleFromRows = id.projetIntitule();
            }
            EssmsMeasure measure = row.measure();
            List<String> missed = new ArrayList<>();
            if (measure == null) {
                missed.add("sans données");
            } else if (!measure.reachesAllTargets()) {
                for (IndicatorResult result : measure.results()) {
                    if (result.indicator().isRated() && result.attainment() != Attainment.EXEMPTE
                            && !result.isReached()) {
                        String name = FrenchText.indicatorShort(result.indicator());
                        missed.add(result.attainment() == Attainment.NC ? name + " (NC)" : name);
                        missedBy.merge(name, 1, Integer::sum);
                    }
                }
            }
            if (measure == null) {
                missedBy.merge("sans données", 1, Integer::sum);
            }
            if (missed.isEmpty()) {
                return;
            }
            if (failing.size() < FAILING_LISTED) {
                failing.add(id.finess() + " " + FrenchText.orEmpty(id.raisonSociale()) + " : "
                        + String.join(", ", missed));
            } else {
                failingNotListed++;
            }
        }

        boolean reachesAllTargets() {
            return stats.essms > 0 && stats.reachingAll == stats.essms;
        }

        /** "DMP : 4 ; MSSanté : 2 ; sans données : 1". */
        String missedSummary() {
            return missedBy.entrySet().stream().filter(e -> e.getValue() > 0)
                    .map(e -> e.getKey() + " : " + e.getValue())
                    .collect(Collectors.joining(" ; "));
        }

        String failingList() {
            String list = String.join("\n", failing);
            return failingNotListed == 0 ? list
                    : list + "\n… et " + failingNotListed + " autre(s) : voir l'onglet ESSMS";
        }
    }
}
