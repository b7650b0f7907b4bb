package fr.esms.indicateurs.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Not a test: what the password costs, run by hand.
 *
 * <pre>
 * ./mvnw -q test-compile &amp;&amp; ./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -cp target/classes:target/test-classes:$(cat cp.txt) fr.esms.indicateurs.report.EncryptionBench [n] [dir]
 * </pre>
 *
 * Writes the same {@code n} ESSMS workbooks (12 months of history each) on one thread, without then with a
 * password, and prints the wall and thread CPU time of each.
 */
public final class EncryptionBench {

    private EncryptionBench() {
    }

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2_500;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("encryption-bench");
        EssmsWorkbookWriter plain = new EssmsWorkbookWriter();
        EssmsWorkbookWriter locked = plain.protectedBy("un mot de passe de test");
        for (int i = 0; i < 50; i++) { // warm-up
            plain.write(ReportBench.report(i), dir.resolve("warmup"));
            locked.write(ReportBench.report(i), dir.resolve("warmup"));
        }
        time("sans mot de passe", n, plain, dir.resolve("clair"));
        time("avec mot de passe", n, locked, dir.resolve("chiffre"));
    }

    private static void time(String label, int n, EssmsWorkbookWriter writer, Path dir) throws IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long bytes = 0;
        for (int i = 0; i < n; i++) {
            bytes += Files.size(writer.write(ReportBench.report(i), dir));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
        System.out.printf("%s : %d classeurs en %.1f s (CPU du fil %.1f s, %.2f ms par classeur), %d Ko en moyenne%n",
                label, n, seconds, cpuSeconds, cpuSeconds * 1000 / n, bytes / n / 1024);
    }
}
