package fr.esms.indicateurs.bench;

import fr.esms.indicateurs.ingest.DepotScanner;
import fr.esms.indicateurs.ingest.FileSummary;
import fr.esms.indicateurs.ingest.Manifest;
import fr.esms.indicateurs.ingest.PackageReader;
import fr.esms.indicateurs.ingest.PackageVisitor;
import fr.esms.indicateurs.ingest.PivotFile;
import fr.esms.indicateurs.ingest.PivotRow;
import fr.esms.indicateurs.ingest.Rejection;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;

/**
 * Not a test: reading the packages of a dépôt alone (decoding, CSV, checks, pivot rows), without a database, run
 * by hand. Prints, for three rounds, the rows read and the CPU time of the reading thread.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/bench.classpath) fr.esms.indicateurs.bench.ReadBench DEPOT [N]
 * </pre>
 * With N, only the first N packages (in the scanner's order): the speed per core of a sample, as the benchmark's
 * physical limit uses it.
 */
public final class ReadBench {

    private ReadBench() {
    }

    public static void main(String[] args) throws java.io.IOException {
        var all = new DepotScanner().scan(Path.of(args[0])).packages();
        var packages = args.length > 1 ? all.subList(0, Math.min(all.size(), Integer.parseInt(args[1]))) : all;
        PackageReader reader = new PackageReader(finess -> true);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= 3; round++) {
            RowCount count = new RowCount();
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            packages.forEach(pkg -> reader.read(pkg, count));
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
            System.out.printf("tour %d : %d lignes, CPU %.2f s, écoulé %.2f s, %.0f lignes/s de CPU%n", round,
                    count.rows, cpuSeconds, (System.nanoTime() - wall) / 1e9, count.rows / cpuSeconds);
        }
    }

    private static final class RowCount implements PackageVisitor {
        long rows;

        @Override
        public void manifest(Manifest manifest) {
        }

        @Override
        public void row(PivotFile file, PivotRow row) {
            rows++;
        }

        @Override
        public void rejection(Rejection rejection) {
        }

        @Override
        public void warning(String file, long line, String message) {
        }

        @Override
        public void fileRead(FileSummary summary) {
        }

        @Override
        public void packageRejected(Rejection reason) {
        }
    }
}
