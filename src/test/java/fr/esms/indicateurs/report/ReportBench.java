package fr.esms.indicateurs.report;

import fr.esms.indicateurs.rules.EssmsMeasure;
import fr.esms.indicateurs.rules.Sector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Not a test: a rough benchmark of the writers, run by hand.
 *
 * <pre>
 * ./mvnw -q test-compile
 * java -cp target/classes:target/test-classes:$(cat cp.txt) fr.esms.indicateurs.report.ReportBench [n] [dir]
 * </pre>
 *
 * Writes {@code n} ESSMS workbooks (12 months of history each) one after the other, then one regional workbook
 * of {@code 10 n} ESSMS, and prints the throughput and the heap in use.
 */
public final class ReportBench {

    private ReportBench() {
    }

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("report-bench");
        EssmsWorkbookWriter essmsWriter = new EssmsWorkbookWriter();

        List<EssmsReport> reports = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            reports.add(report(i));
        }
        for (int i = 0; i < Math.min(50, n); i++) { // warm-up
            essmsWriter.write(reports.get(i), dir.resolve("warmup"));
        }

        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (EssmsReport report : reports) {
            essmsWriter.write(report, dir);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
        System.out.printf("%d classeurs ESSMS en %.2f s : %.1f classeurs/s (%.1f par seconde de CPU du fil) ; tas "
                + "utilisé %d Mo%n", n, seconds, n / seconds, n / cpuSeconds, usedHeapMb());

        List<RegionalRow> rows = new ArrayList<>();
        for (int i = 0; i < 10 * n; i++) {
            EssmsReport report = reports.get(i % n);
            String finess = ReportFixtures.finess(i % 2 == 0 ? "35" : "56", i);
            EssmsIdentity id = ReportFixtures.identity(finess, "ESSMS " + i, "500", i % 2 == 0 ? "35" : "56",
                    "P" + (i % 40), "Éditeur " + (i % 7));
            EssmsMeasure m = report.measure();
            rows.add(new RegionalRow(id, i % 12 == 0 ? null : new EssmsMeasure(finess, m.window(), m.rulesVersion(),
                    m.sector(), m.results(), m.applied(), m.refused(), m.warnings()), LocalDate.of(2025, 4, 1 + i % 25)));
        }
        start = System.nanoTime();
        Path regional = new RegionalWorkbookWriter().write(new RegionalReport(ReportFixtures.MONTH, 1, rows,
                List.of(), RegionalReport.deadline(ReportFixtures.MONTH, 10)), dir);
        seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("classeur régional de %d ESSMS en %.2f s (%d Ko) ; tas utilisé %d Mo%n", rows.size(),
                seconds, Files.size(regional) / 1024, usedHeapMb());
        System.out.println("écrits dans " + dir);
    }

    static EssmsReport report(int i) {
        String finess = ReportFixtures.finess("35", i);
        EssmsIdentity id = ReportFixtures.identity(finess, "EHPAD n° " + i, "500", "35", "P" + (i % 40), "Alpha");
        List<HistoryPoint> history = new ArrayList<>();
        for (int m = 11; m >= 1; m--) {
            YearMonth month = ReportFixtures.MONTH.minusMonths(m);
            history.add(HistoryPoint.of(ReportFixtures.measure(finess, Sector.PA, month, 60, 40 + m, 30 + m, 20 + m,
                    10 + m, 5 + m)));
        }
        EssmsMeasure measure = ReportFixtures.measure(finess, Sector.PA, ReportFixtures.MONTH, 60, 55 + i % 5,
                50, 45, 40 + i % 10, 30);
        DataQuality quality = new DataQuality(
                List.of(new PackageUsed("alpha_2025-04.zip", "Alpha", "AlphaDUI", "4.2", LocalDate.of(2025, 4, 3),
                        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")),
                List.of(new FileCount("alpha_2025-04.zip", "usagers.csv", 62, 60, 2)),
                List.of(), "rejets/2025-03/rejets.csv");
        return new EssmsReport(id, measure, history, quality);
    }

    private static long usedHeapMb() {
        Runtime rt = Runtime.getRuntime();
        rt.gc();
        return (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
    }
}
