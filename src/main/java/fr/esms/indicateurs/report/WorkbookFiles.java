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

    private static final String TRANSFORMER_FACTORY = "javax.xml.transform.TransformerFactory";

    static {
        // POI asks for a new TransformerFactory for each XML part it saves (several per workbook); without this
        // property each request searches the class path for providers, about 6 % of the time of a workbook. The
        // value is the JDK's own factory, the one the search finds anyway (no other provider is on our class
        // path); an operator's own setting is kept.
        if (System.getProperty(TRANSFORMER_FACTORY) == null) {
            System.setProperty(TRANSFORMER_FACTORY,
                    "com.sun.org.apache.xalan.internal.xsltc.trax.TransformerFactoryImpl");
        }
    }

    private WorkbookFiles() {
    }

    static void save(Workbook workbook, Path target) throws IOException {
        save(target, workbook::write);
    }

    /** What writes the content of a file. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Saves {@code content}, encrypted with {@code password} ({@link WorkbookEncryption}) unless it is null. */
    static void save(Path target, Content content, String password) throws IOException {
        save(target, password == null ? content : out -> WorkbookEncryption.encrypt(content, password, out));
    }

    static void save(Path target, Content content) throws IOException {
        Path folder = target.getParent();
        Files.createDirectories(folder);
        Path partial = Files.createTempFile(folder, ".ecriture-", ".xlsx.part");
        try {
            try (OutputStream out = Files.newOutputStream(partial)) {
                content.writeTo(out);
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
