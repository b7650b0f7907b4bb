package fr.esms.indicateurs.store;

import fr.esms.indicateurs.ingest.ExportPackage;
import fr.esms.indicateurs.ingest.FileSummary;
import fr.esms.indicateurs.ingest.Manifest;
import fr.esms.indicateurs.ingest.PackageVisitor;
import fr.esms.indicateurs.ingest.PivotFile;
import fr.esms.indicateurs.ingest.PivotRow;
import fr.esms.indicateurs.ingest.Rejection;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Reads packages on a thread of its own while the caller's thread writes the previous rows to the database: on
 * two cores, decoding and checking the CSV then costs almost nothing in wall time. What the reader finds is
 * recorded as visitor calls, handed over in chunks through a bounded queue (memory stays flat whatever the size
 * of a package), and replayed in the same order on the caller's thread by {@link #replayNext}.
 */
final class ReadAhead implements AutoCloseable {

    /** Visitor calls per chunk, and chunks waiting at most: a few tens of thousands of rows in memory. */
    private static final int CHUNK = 1_024;
    private static final int CHUNKS = 32;

    /** The end of one package. */
    private static final Consumer<PackageVisitor> END = v -> {
    };

    /** The reading failed: rethrown on the caller's thread. */
    private record Failure(Throwable cause) implements Consumer<PackageVisitor> {
        @Override
        public void accept(PackageVisitor visitor) {
            if (cause instanceof RuntimeException e) {
                throw e;
            }
            if (cause instanceof Error e) {
                throw e;
            }
            throw new IllegalStateException(cause);
        }
    }

    private final BlockingQueue<List<Consumer<PackageVisitor>>> queue = new ArrayBlockingQueue<>(CHUNKS);
    private final Thread thread;
    private volatile boolean closed;

    /** Starts reading {@code packages}, in order. */
    ReadAhead(List<ExportPackage> packages, PivotStore.PackageSource source) {
        thread = new Thread(() -> produce(packages, source), "lecture-paquets");
        thread.setDaemon(true);
        thread.start();
    }

    /** Replays onto {@code visitor} what was read of the next package; rethrows what its reading threw. */
    void replayNext(PackageVisitor visitor) {
        while (true) {
            List<Consumer<PackageVisitor>> chunk;
            try {
                chunk = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("lecture des paquets interrompue", e);
            }
            for (Consumer<PackageVisitor> call : chunk) {
                if (call == END) {
                    return; // always the last call of its chunk
                }
                call.accept(visitor);
            }
        }
    }

    /** Stops the reading thread (when the caller stops early) and waits for it. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        queue.clear();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void produce(List<ExportPackage> packages, PivotStore.PackageSource source) {
        Recorder recorder = new Recorder();
        try {
            for (ExportPackage pkg : packages) {
                source.read(pkg, recorder);
                recorder.add(END);
                recorder.flush();
            }
        } catch (Stopped e) {
            // close() was called: nobody reads any more
        } catch (Throwable t) {
            if (!closed) {
                try {
                    recorder.add(new Failure(t));
                    recorder.flush();
                } catch (Stopped ignored) {
                    // closed meanwhile
                }
            }
        }
    }

    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    /** Records the visitor calls of the reading thread into chunks. */
    private final class Recorder implements PackageVisitor {

        private List<Consumer<PackageVisitor>> chunk = new ArrayList<>(CHUNK);

        void add(Consumer<PackageVisitor> call) {
            chunk.add(call);
            if (chunk.size() >= CHUNK && call != END) {
                flush();
            }
        }

        void flush() {
            if (chunk.isEmpty()) {
                return;
            }
            try {
                while (!queue.offer(chunk, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    if (closed) {
                        throw new Stopped();
                    }
                }
            } catch (InterruptedException e) {
                throw new Stopped();
            }
            chunk = new ArrayList<>(CHUNK);
        }

        @Override
        public void manifest(Manifest manifest) {
            add(v -> v.manifest(manifest));
        }

        @Override
        public void row(PivotFile file, PivotRow row) {
            add(v -> v.row(file, row));
        }

        @Override
        public void rejection(Rejection rejection) {
            add(v -> v.rejection(rejection));
        }

        @Override
        public void warning(String file, long line, String message) {
            add(v -> v.warning(file, line, message));
        }

        @Override
        public void fileRead(FileSummary summary) {
            add(v -> v.fileRead(summary));
        }

        @Override
        public void packageRejected(Rejection reason) {
            add(v -> v.packageRejected(reason));
        }
    }
}
