package fr.esms.indicateurs.referential;

import fr.esms.indicateurs.rules.AdjustmentCatalogue;
import fr.esms.indicateurs.rules.CatalogueEntry;
import fr.esms.indicateurs.rules.Indicator;
import fr.esms.indicateurs.rules.Sector;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads an adjustment catalogue: {@code code;libelle;indicateurs;categories;secteurs;debut;fin;reference}, lists
 * separated by {@code |}. The catalogue of a rules version ships in {@code regles/<version>/}; an ARS may give its
 * own file.
 */
public final class CatalogueLoader {

    public static final String DEFAULT_2025 = "/regles/2025/catalogue-amenagements.csv";

    public AdjustmentCatalogue loadDefault2025() {
        try (InputStream in = CatalogueLoader.class.getResourceAsStream(DEFAULT_2025)) {
            if (in == null) {
                throw new IllegalStateException("catalogue par défaut introuvable : " + DEFAULT_2025);
            }
            return load(new InputStreamReader(in, StandardCharsets.UTF_8), DEFAULT_2025);
        } catch (IOException e) {
            throw new IllegalStateException("catalogue par défaut illisible", e);
        }
    }

    public AdjustmentCatalogue load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return load(reader, file.toString());
        } catch (IOException e) {
            throw new ReferentialException("catalogue d'aménagements illisible : " + file + " (" + e.getMessage() + ")");
        }
    }

    private AdjustmentCatalogue load(Reader reader, String source) throws IOException {
        List<CatalogueEntry> entries = new ArrayList<>();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true)
                .setTrim(true).setIgnoreEmptyLines(true).get().parse(reader)) {
            for (CSVRecord r : parser) {
                try {
                    entries.add(new CatalogueEntry(r.get("code"), r.get("libelle"),
                            list(r.get("indicateurs"), Indicator::valueOf), list(r.get("categories"), Function.identity()),
                            list(r.get("secteurs"), Sector::valueOf), date(r.get("debut")), date(r.get("fin")),
                            r.get("reference")));
                } catch (RuntimeException e) {
                    throw new ReferentialException("catalogue d'aménagements " + source + ", ligne "
                            + (r.getRecordNumber() + 1) + " invalide : " + e.getMessage());
                }
            }
        }
        return new AdjustmentCatalogue(entries);
    }

    private static <T> Set<T> list(String value, Function<String, T> parse) {
        return Arrays.stream(value.split("\\|")).map(String::trim).filter(s -> !s.isEmpty()).map(parse)
                .collect(Collectors.toSet());
    }

    private static LocalDate date(String value) {
        return value == null || value.isBlank() ? null : LocalDate.parse(value.trim());
    }
}
