package fr.esms.indicateurs.ingest;

import java.nio.file.Path;
import java.util.List;

/** TEMPORARY stub until the ingest-reader branch lands. */
public final class DepotScanner {
    public List<ExportPackage> scan(Path depot) {
        throw new UnsupportedOperationException();
    }
}
