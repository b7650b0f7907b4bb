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
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Reads packages on threads of their own while the caller's thread writes the previous rows to the database:
 * reading (decoding and checking the CSV) costs two to three times what writing does (national profile: 64 % and
 * 28 % of the samples), so that on two cores the readers and the writer keep both busy. What a reader finds is recorded as visitor calls, handed over in chunks through a
 * bounded queue per package, and replayed package after package, in the order given, on the caller's thread by
 * {@link #replayNext}. Memory stays flat whatever the size of a package: each queue is bounded, and at most
 * {@code 2 × readers} packages are read ahead of the one being replayed.
 */
final class ReadAhead implements AutoCloseable {

    /** Visitor calls per chunk, and chunks waiting at most per package: a few tens of thousands of rows. */
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

    private final List<ExportPackage> packages;
    private final PivotStore.PackageSource source;
    /** One queue per package, in the order of {@link #packages}. */
    private final List<BlockingQueue<List<Consumer<PackageVisitor>>>> queues;
    /** Packages a reader may take before the caller has replayed them. */
    private final Semaphore ahead;
    private final AtomicInteger nextToRead = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();
    private int nextToReplay;
    private volatile boolean closed;

    /** Starts reading {@code packages} on {@code readers} threads, each taking the next package not yet taken. */
    ReadAhead(List<ExportPackage> packages, PivotStore.PackageSource source, int readers) {
        this.packages = packages;
        this.source = source;
        this.queues = new ArrayList<>(packages.size());
        for (int i = 0; i < packages.size(); i++) {
            queues.add(new ArrayBlockingQueue<>(CHUNKS));
        }
        int count = Math.max(1, Math.min(readers, packages.size()));
        this.ahead = new Semaphore(2 * count);
        for (int i = 0; i < count; i++) {
            Thread thread = new Thread(this::produce, "lecture-paquets-" + (i + 1));
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
    }

    /** Replays onto {@code visitor} what was read of the next package; rethrows what its reading threw. */
    void replayNext(PackageVisitor visitor) {
        BlockingQueue<List<Consumer<PackageVisitor>>> queue = queues.get(nextToReplay);
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
                    nextToReplay++;
                    ahead.release();
                    return; // always the last call of its chunk
                }
                call.accept(visitor);
            }
        }
    }

    /** Stops the reading threads (when the caller stops early) and waits for them. */
    @Override
    public void close() {
        closed = true;
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void produce() {
        try {
            while (!closed) {
                while (!ahead.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    if (closed) {
                        return;
                    }
                }
                int index = nextToRead.getAndIncrement();
                if (index >= packages.size()) {
                    return;
                }
                if (!read(index)) {
                    return;
                }
            }
        } catch (InterruptedException | Stopped e) {
            // close() was called: nobody reads any more
        }
    }

    /**
     * Reads one package into its queue; false when its reading failed: this reader stops, and the caller, which
     * rethrows the failure when it reaches that package, closes the others.
     */
    private boolean read(int index) {
        Recorder recorder = new Recorder(queues.get(index));
        try {
            source.read(packages.get(index), recorder);
            recorder.add(END);
            recorder.flush();
            return true;
        } catch (Stopped e) {
            throw e;
        } catch (Throwable t) {
            if (!closed) {
                recorder.add(new Failure(t));
                recorder.flush();
            }
            return false;
        }
    }

    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    /** Records the visitor calls of one package into chunks. */
    private final class Recorder implements PackageVisitor {

        private final BlockingQueue<List<Consumer<PackageVisitor>>> queue;
        private List<Consumer<PackageVisitor>> chunk = new ArrayList<>(CHUNK);

        Recorder(BlockingQueue<List<Consumer<PackageVisitor>>> queue) {
            this.queue = queue;
        }

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
                while (!queue.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
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
