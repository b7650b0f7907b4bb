package fr.esms.indicateurs.store;

import fr.esms.indicateurs.ingest.ExportPackage;
import fr.esms.indicateurs.ingest.FileSummary;
import fr.esms.indicateurs.ingest.Manifest;
import fr.esms.indicateurs.ingest.PackageVisitor;
import fr.esms.indicateurs.ingest.PivotFile;
import fr.esms.indicateurs.ingest.PivotRow;
import fr.esms.indicateurs.ingest.Rejection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Packages read on several threads are replayed exactly as one thread reading them in order would have: same
 * calls, same order, a package's failure at its place, and no more packages read ahead than the bound.
 */
class ReadAheadTest {

    /** Package i emits 3,000 × (i % 3) + 7 warnings "i:k" (more than a chunk of 1,024 calls, for most). */
    private static void emit(ExportPackage pkg, PackageVisitor visitor) {
        int i = Integer.parseInt(pkg.name());
        int calls = 3_000 * (i % 3) + 7;
        for (int k = 0; k < calls; k++) {
            visitor.warning(pkg.name(), k, i + ":" + k);
        }
    }

    private static List<ExportPackage> packages(int count) {
        return IntStream.range(0, count).mapToObj(i -> new ExportPackage(String.valueOf(i), Path.of("p" + i),
                "sha" + i)).toList();
    }

    private static List<String> expected(List<ExportPackage> packages) {
        List<String> calls = new ArrayList<>();
        for (ExportPackage pkg : packages) {
            emit(pkg, new Collecting(calls));
        }
        return calls;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 8})
    void replaysEveryCallInTheOrderOfThePackagesWhateverTheReaders(int readers) {
        List<ExportPackage> packages = packages(25);
        Random random = new Random(readers);
        List<String> replayed = new ArrayList<>();
        try (ReadAhead reading = new ReadAhead(packages, (pkg, visitor) -> {
            sleepMillis(random.nextInt(3)); // readers finish out of order
            emit(pkg, visitor);
        }, readers)) {
            for (int i = 0; i < packages.size(); i++) {
                reading.replayNext(new Collecting(replayed));
            }
        }
        assertThat(replayed).containsExactlyElementsOf(expected(packages));
    }

    @Test
    void aFailedReadingIsRethrownAtItsPackageAfterThePackagesBeforeIt() {
        List<ExportPackage> packages = packages(10);
        List<String> replayed = new ArrayList<>();
        try (ReadAhead reading = new ReadAhead(packages, (pkg, visitor) -> {
            emit(pkg, visitor);
            if (pkg.name().equals("4")) {
                throw new UncheckedIOException("disque illisible", new java.io.IOException("EIO"));
            }
        }, 3)) {
            for (int i = 0; i < 4; i++) {
                reading.replayNext(new Collecting(replayed));
            }
            assertThat(replayed).containsExactlyElementsOf(expected(packages.subList(0, 4)));
            replayed.clear();
            assertThatThrownBy(() -> reading.replayNext(new Collecting(replayed)))
                    .isInstanceOf(UncheckedIOException.class).hasMessage("disque illisible");
            // What package 4 emitted before failing is replayed before the failure.
            assertThat(replayed).containsExactlyElementsOf(expected(packages.subList(4, 5)));
        }
    }

    @Test
    void readsAtMostTwicePerReaderPackagesAheadOfTheReplay() {
        AtomicInteger started = new AtomicInteger();
        List<ExportPackage> packages = packages(40);
        List<String> replayed = new ArrayList<>();
        try (ReadAhead reading = new ReadAhead(packages, (pkg, visitor) -> {
            started.incrementAndGet();
            visitor.warning(pkg.name(), 0, pkg.name()); // small packages: a queue never fills
        }, 2)) {
            sleepMillis(300); // time for the readers to run ahead if nothing held them
            assertThat(started.get()).isEqualTo(4);
            reading.replayNext(new Collecting(replayed));
            sleepMillis(300);
            assertThat(started.get()).isEqualTo(5);
        }
        assertThat(replayed).containsExactly("0");
    }

    @Test
    void closingBeforeTheEndStopsTheReaders() {
        List<ExportPackage> packages = packages(30);
        AtomicInteger started = new AtomicInteger();
        ReadAhead reading = new ReadAhead(packages, (pkg, visitor) -> {
            started.incrementAndGet();
            emit(pkg, visitor);
        }, 2);
        reading.replayNext(new Collecting(new ArrayList<>()));
        reading.close();
        int afterClose = started.get();
        sleepMillis(200);
        assertThat(started.get()).isEqualTo(afterClose).isLessThan(packages.size());
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes each call down as text; only warnings are emitted here. */
    private record Collecting(List<String> calls) implements PackageVisitor {
        @Override
        public void manifest(Manifest manifest) {
            calls.add("manifest");
        }

        @Override
        public void row(PivotFile file, PivotRow row) {
            calls.add("row");
        }

        @Override
        public void rejection(Rejection rejection) {
            calls.add("rejection");
        }

        @Override
        public void warning(String file, long line, String message) {
            calls.add(message);
        }

        @Override
        public void fileRead(FileSummary summary) {
            calls.add("fileRead");
        }

        @Override
        public void packageRejected(Rejection reason) {
            calls.add("packageRejected");
        }
    }
}
