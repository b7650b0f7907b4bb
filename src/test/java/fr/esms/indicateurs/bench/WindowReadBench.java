package fr.esms.indicateurs.bench;

import fr.esms.indicateurs.rules.EssmsActivity;
import fr.esms.indicateurs.rules.MeasureWindow;
import fr.esms.indicateurs.store.ActivityCursor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.lang.management.ManagementFactory;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

/**
 * Not a test: what the history costs the calculation, apart from the rules: reads and combines every ESSMS's
 * segments for a one-month window ({@link ActivityCursor}), several times, and prints the wall time and the CPU
 * time of the whole process (the cursor reads on a thread of its own) of each pass, then their medians.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/bench.classpath) \
 *   fr.esms.indicateurs.bench.WindowReadBench JDBC_URL AAAA-MM [PASSES]
 * </pre>
 */
public final class WindowReadBench {

    private WindowReadBench() {
    }

    public static void main(String[] args) {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(args[0]);
        MeasureWindow window = new MeasureWindow(YearMonth.parse(args[1]), 1);
        int passes = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        List<String> finesses = new JdbcTemplate(dataSource).queryForList("SELECT DISTINCT finess FROM segment",
                String.class).stream().sorted().toList();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long[] walls = new long[passes];
        long[] cpus = new long[passes];
        for (int pass = 0; pass < passes; pass++) {
            long cpu = os.getProcessCpuTime();
            long start = System.nanoTime();
            long rows = 0;
            try (ActivityCursor cursor = new ActivityCursor(dataSource, window)) {
                for (String finess : finesses) {
                    EssmsActivity a = cursor.next(finess);
                    rows += a.stays().size() + a.records().size() + a.recordUpdates().size() + a.projects().size()
                            + a.events().size() + a.messages().size() + a.documents().size()
                            + a.ePrescriptions().size() + a.eParcours().size();
                }
            }
            walls[pass] = (System.nanoTime() - start) / 1_000_000;
            cpus[pass] = (os.getProcessCpuTime() - cpu) / 1_000_000;
            System.out.printf("passage %d : %d ESSMS, %d lignes données, %d ms écoulées, %d ms de CPU%n", pass + 1,
                    finesses.size(), rows, walls[pass], cpus[pass]);
        }
        Arrays.sort(walls);
        Arrays.sort(cpus);
        System.out.printf("médianes : %d ms écoulées, %d ms de CPU%n", walls[passes / 2], cpus[passes / 2]);
    }
}
