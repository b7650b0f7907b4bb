package fr.esms.indicateurs.report;

import fr.esms.indicateurs.rules.Indicator;
import fr.esms.indicateurs.rules.IndicatorResult;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.zip.Deflater;

/**
 * The workbook of one ESSMS for one measure: {@code rapports/<projet_id>/<finess>_<AAAA-MM>.xlsx} under the
 * output folder, with the sheets Synthèse, Historique, Aménagements and Qualité des données, each written by its
 * own class ({@link EssmsSynthesisSheet}, {@link EssmsHistorySheet}, {@link EssmsAdjustmentsSheet},
 * {@link EssmsDataQualitySheet}).
 *
 * <p>The file is written directly as SpreadsheetML ({@link XlsxWorkbook}), not with POI's XSSF model whose
 * XMLBeans cost about six times more CPU for such small workbooks ({@code ReportBench}). Each call builds one small workbook in
 * memory and saves it: thousands of ESSMS are written one after the other with flat memory. Instances hold
 * only immutable state and may be shared between threads.
 */
public final class EssmsWorkbookWriter {

    public static final String SYNTHESE = "Synthèse";
    public static final String HISTORIQUE = "Historique";
    public static final String AMENAGEMENTS = "Aménagements";
    public static final String QUALITE = "Qualité des données";

    /** The five rated indicators, in the order of the spec. */
    static final List<Indicator> RATED = Arrays.stream(Indicator.values()).filter(Indicator::isRated)
            .toList();

    /**
     * Zip level of the workbooks. Measured on a workbook with 12 months of history (4,000 zips of its parts,
     * thread CPU time): the default level costs about 0.55 ms per workbook for 12.0 KB, {@link Deflater#BEST_SPEED}
     * about 0.22 ms for 13.1 KB: a third of a millisecond, a fifth of the whole workbook, for 9 % more bytes
     * (which did not show in the wall time of 2,000 workbooks, within the noise of a busy machine).
     */
    static final int COMPRESSION_LEVEL = Deflater.BEST_SPEED;

    private final Clock clock;
    private final XlsxStyles styles;
    private final int compressionLevel;
    /** Null: the workbooks are not encrypted. */
    private final String password;

    public EssmsWorkbookWriter() {
        this(Clock.systemDefaultZone());
    }

    /** @param clock gives the "généré le" date */
    public EssmsWorkbookWriter(Clock clock) {
        this(clock, new XlsxStyles(), COMPRESSION_LEVEL);
    }

    EssmsWorkbookWriter(Clock clock, XlsxStyles styles, int compressionLevel) {
        this(clock, styles, compressionLevel, null);
    }

    private EssmsWorkbookWriter(Clock clock, XlsxStyles styles, int compressionLevel, String password) {
        this.clock = Objects.requireNonNull(clock);
        this.styles = Objects.requireNonNull(styles);
        this.compressionLevel = compressionLevel;
        this.password = password;
    }

    /** The same writer, encrypting every workbook with {@code password} (agile encryption) unless it is null. */
    public EssmsWorkbookWriter protectedBy(String password) {
        return new EssmsWorkbookWriter(clock, styles, compressionLevel, password);
    }

    /** Where the workbook of an ESSMS and month goes, every part built from input sanitised. */
    public static Path target(Path outputDir, EssmsIdentity identity, YearMonth month) {
        return PathParts.under(outputDir, "rapports", PathParts.sanitise(identity.projetId()),
                PathParts.sanitise(identity.finess()) + "_" + PathParts.month(month) + ".xlsx");
    }

    /** Writes the workbook (replacing an older one) and returns its path. */
    public Path write(EssmsReport report, Path outputDir) throws IOException {
        Path target = target(outputDir, report.identity(), report.measure().window().month());
        XlsxWorkbook workbook = new XlsxWorkbook(styles, compressionLevel, clock.instant());
        EssmsSynthesisSheet.write(workbook, styles, report, LocalDate.now(clock));
        EssmsHistorySheet.write(workbook, styles, report);
        EssmsAdjustmentsSheet.write(workbook, styles, report);
        EssmsDataQualitySheet.write(workbook, styles, report);
        workbook.save(target, password); // the first sheet is the active one
        return target;
    }

    /**
     * The rate as a fraction, from the rounded tenths of the rules (0.925 for 92,5 %), so the workbook shows the
     * very figure of the output contract; null when not computable or a counter.
     */
    static Double rate(IndicatorResult result) {
        Long tenths = result == null ? null : result.rateTenths();
        return tenths == null || !result.indicator().isRated() ? null : tenths / 1000.0;
    }
}
