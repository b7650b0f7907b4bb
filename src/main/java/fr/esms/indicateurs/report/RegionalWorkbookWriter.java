package fr.esms.indicateurs.report;

import fr.esms.indicateurs.rules.EssmsMeasure;
import fr.esms.indicateurs.rules.Indicator;
import fr.esms.indicateurs.rules.IndicatorResult;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The regional workbook of a measure month: {@code ars/synthese_<AAAA-MM>.xlsx} under the output folder, with
 * the sheets Synthèse, ESSMS, Projets, Projets à risque (an estimate, {@link AtRiskProjectsSheet}), Départements,
 * Secteurs, Éditeurs, Complétude, and Révisions when the month is closed ({@link RevisionsSheet}).
 *
 * <p>Written with the streaming API (SXSSF): only a window of {@value #ROW_WINDOW} rows per sheet is in memory,
 * the rest goes to compressed temporary files removed when the workbook is closed. The groups are counted in one
 * pass over the rows before writing ({@link RegionalGroups}); each sheet is written by its own class, in the order
 * above.
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
        RegionalGroups groups = RegionalGroups.of(report, rows);

        try (SXSSFWorkbook workbook = new SXSSFWorkbook(ROW_WINDOW)) {
            workbook.setCompressTempFiles(true);
            Styles styles = new Styles(workbook);
            RegionalSummarySheet.write(workbook, styles, report, groups, LocalDate.now(clock));
            RegionalEssmsSheet.write(workbook, styles, report, rows);
            ProjectsSheet.write(workbook, styles, groups.projects().values());
            AtRiskProjectsSheet.write(workbook, styles, report, rows);
            GroupSheets.write(workbook, styles, DEPARTEMENTS, "Département", groups.departements().values(),
                    groups.region());
            GroupSheets.write(workbook, styles, SECTEURS, "Secteur", groups.sectors().values(), groups.region());
            GroupSheets.write(workbook, styles, EDITEURS, "Éditeur", groups.editors().values(), groups.region());
            CompletenessSheet.write(workbook, styles, report, rows);
            if (report.closed() != null) {
                RevisionsSheet.write(workbook, styles, report, rows);
            }
            workbook.setActiveSheet(0);
            WorkbookFiles.save(target, workbook::write, password);
        }
        return target;
    }

    static IndicatorResult find(EssmsMeasure measure, Indicator indicator) {
        return measure.results().stream().filter(r -> r.indicator() == indicator).findFirst().orElse(null);
    }
}
