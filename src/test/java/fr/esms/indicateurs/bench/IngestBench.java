package fr.esms.indicateurs.bench;

import fr.esms.indicateurs.EsmsIndicateursApplication;
import fr.esms.indicateurs.ingest.DepotScanner;
import fr.esms.indicateurs.ingest.ExportPackage;
import fr.esms.indicateurs.ingest.PackageReader;
import fr.esms.indicateurs.store.PivotStore;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;

/**
 * Not a test: ingestion alone, run by hand, to profile it apart from the rest of the run. Prints the wall time
 * and the CPU time of the ingesting thread (a fairer figure than the wall time on a busy machine).
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/bench.classpath) fr.esms.indicateurs.bench.IngestBench \
 *   DEPOT JDBC_URL [PACKAGES_PER_TRANSACTION]
 * </pre>
 */
public final class IngestBench {

    private IngestBench() {
    }

    public static void main(String[] args) throws java.io.IOException {
        Path depot = Path.of(args[0]);
        int group = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(EsmsIndicateursApplication.class)
                .logStartupInfo(false).run("--spring.datasource.url=" + args[1], "--spring.main.web-application-type=none")) {
            PivotStore store = context.getBean(PivotStore.class);
            List<ExportPackage> packages = new DepotScanner().scan(depot).packages();
            PackageReader reader = new PackageReader(finess -> true);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            long rows = 0;
            for (int from = 0; from < packages.size(); from += group) {
                for (PivotStore.Outcome o : store.ingestAll(packages.subList(from, Math.min(packages.size(),
                        from + group)), reader::read)) {
                    rows += o.rowsKept();
                }
            }
            double wall = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
            System.out.printf("ingestion : %d paquets, %d lignes, %.1f s (%.0f lignes/s), CPU du fil %.1f s (%.0f "
                            + "lignes/s CPU), tas utilisé %d Mio%n", packages.size(), rows, wall, rows / wall,
                    cpuSeconds, rows / cpuSeconds, (Runtime.getRuntime().totalMemory()
                            - Runtime.getRuntime().freeMemory()) >> 20);
            System.gc();
            System.out.printf("tas gardé après ramasse-miettes : %d Mio%n", (Runtime.getRuntime().totalMemory()
                    - Runtime.getRuntime().freeMemory()) >> 20);
            if (Boolean.getBoolean("bench.histogramme")) {
                System.out.println("histogramme : jcmd " + ProcessHandle.current().pid() + " GC.class_histogram");
                try {
                    Thread.sleep(30_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
