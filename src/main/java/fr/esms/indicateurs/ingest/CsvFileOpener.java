package fr.esms.indicateurs.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The decode stage of a package's CSV file (manifest or data file): checks the whole file once, decoding in its
 * encoding (detected when the profile says {@code auto}) and parsing its CSV syntax, before any of it is read.
 */
final class CsvFileOpener {

    private static final String UNDECODABLE = "fichier non décodable en ";

    /** An open, checked file, or the reason it is rejected whole. */
    record Opened(CsvTable table, String problem) {
    }

    private final PackageContent content;

    CsvFileOpener(PackageContent content) {
        this.content = content;
    }

    /** Checks the file's entry against its declared size and CRC (in a zip) before it is decoded. */
    void verify(String name) throws IOException {
        content.verify(List.of(name));
    }

    /**
     * Checks the whole file once (decoding in its encoding, detected when the profile says {@code auto}, and
     * CSV syntax), then opens it for reading; or says, in French, why the whole file is rejected.
     *
     * @param pivot whether the file is read as the pivot format (a profile's messages say its delimiter)
     */
    Opened open(String name, FileMapping mapping, boolean pivot, String shown, List<Notice> notices)
            throws IOException {
        CsvOptions options = mapping.csv();
        String problem;
        if (options.encoding() != Encoding.AUTO) {
            problem = checkSyntax(name, options, pivot);
        } else {
            options = options.withEncoding(Encoding.UTF_8);
            problem = checkSyntax(name, options, pivot);
            if (problem != null && problem.startsWith(UNDECODABLE)) {
                // Not UTF-8: French Windows software writes Windows-1252 (checked once more, in it).
                options = options.withEncoding(Encoding.WINDOWS_1252);
                notices.add(new Notice(shown, 0, "fichier qui n'est pas en UTF-8 : lu en Windows-1252"
                        + " (encodage détecté)"));
                problem = checkSyntax(name, options, pivot);
            }
        }
        if (problem != null) {
            return new Opened(null, problem);
        }
        return new Opened(new CsvTable(content.open(name), options), null);
    }

    /** First pass over a file: null when it decodes and parses as CSV, else the French problem. */
    private String checkSyntax(String name, CsvOptions options, boolean pivot) throws IOException {
        try (InputStream in = content.open(name)) {
            CsvTable.check(in, options);
            return null;
        } catch (UndecodableException e) {
            return UNDECODABLE + options.encoding().label() + " (" + e.frenchReason() + ")";
        } catch (StrictReader.LineTooLongException e) {
            return "fichier CSV mal formé (ligne " + e.line() + " : plus de " + e.max() + " caractères)";
        } catch (CsvTable.SyntaxException e) {
            return "fichier CSV mal formé (ligne " + e.line() + " : " + e.getMessage() + ")"
                    + (pivot ? "" : " — séparateur attendu " + options.delimiterLabel());
        }
    }
}
