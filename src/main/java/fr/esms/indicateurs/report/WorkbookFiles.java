package fr.esms.indicateurs.report;

import org.apache.poi.ss.usermodel.Workbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Saves a workbook so that a reader never sees half a file: written beside the target, then moved onto it. */
final class WorkbookFiles {

    private WorkbookFiles() {
    }

    static void save(Workbook workbook, Path target) throws IOException {
        Path folder = target.getParent();
        Files.createDirectories(folder);
        Path partial = Files.createTempFile(folder, ".ecriture-", ".xlsx.part");
        try {
            try (OutputStream out = Files.newOutputStream(partial)) {
                workbook.write(out);
            }
            try {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
