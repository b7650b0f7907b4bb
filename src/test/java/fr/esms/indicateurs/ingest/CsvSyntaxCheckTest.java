package fr.esms.indicateurs.ingest;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quick syntax check that runs before a file is parsed must accept and refuse exactly what Commons CSV accepts
 * and refuses when it parses the file, with the same line: compared on many small random files.
 */
class CsvSyntaxCheckTest {

    private static final char[] ALPHABET = {'a', 'b', ';', ';', ',', '"', '"', ' ', '\t', '\n', '\r'};

    @Test
    void theCheckAgreesWithCommonsCsvOnRandomFiles() throws IOException {
        Random random = new Random(20261201);
        int refused = 0;
        for (int i = 0; i < 10_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int k = 0; k < length; k++) {
                text.append(ALPHABET[random.nextInt(ALPHABET.length)]);
            }
            for (CsvOptions options : new CsvOptions[]{CsvOptions.PIVOT,
                    new CsvOptions(Encoding.UTF_8, ',', '"'), new CsvOptions(Encoding.UTF_8, ';', null)}) {
                String parsed = verdictOfParsing(text.toString(), options);
                String checked = verdictOfChecking(text.toString(), options);
                assertThat(checked).as("%s with %s", text.toString().replace("\n", "\\n").replace("\r", "\\r"),
                        options).isEqualTo(parsed);
                if (parsed != null) {
                    refused++;
                }
            }
        }
        // The random files do exercise both kinds of error.
        assertThat(refused).isGreaterThan(3_000);
    }

    @Test
    void bothErrorsNameTheLineTheRecordStartsOn() throws IOException {
        assertThat(verdictOfChecking("a;b\n\"x\ny\"z;c\n", CsvOptions.PIVOT)).isEqualTo(
                "2: caractère inattendu après un guillemet fermant (les guillemets d'une valeur doivent être doublés)");
        assertThat(verdictOfChecking("a;b\r\nc;d\r\ne;\"f\r\n", CsvOptions.PIVOT))
                .isEqualTo("3: guillemet ouvert jamais refermé");
        assertThat(verdictOfChecking("a;\"b\"  ;c\n\"d\"\"e\";f\n", CsvOptions.PIVOT)).isNull();
    }

    private static String verdictOfParsing(String text, CsvOptions options) throws IOException {
        try (CsvTable table = new CsvTable(in(text), options)) {
            while (table.next() != null) {
                // parse everything
            }
            return null;
        } catch (CsvTable.SyntaxException e) {
            return e.line() + ": " + e.getMessage();
        }
    }

    private static String verdictOfChecking(String text, CsvOptions options) throws IOException {
        try {
            CsvTable.check(in(text), options);
            return null;
        } catch (CsvTable.SyntaxException e) {
            return e.line() + ": " + e.getMessage();
        }
    }

    private static ByteArrayInputStream in(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
