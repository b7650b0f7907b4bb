package fr.esms.indicateurs.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

/**
 * Writes a synthetic, deterministic dataset in the pivot format: a referential and, for each organisme
 * gestionnaire and month, one export package. The same seed and sizes always give the same bytes. Sizes and usage
 * levels follow the sectors; the messy parts of real exports are there on purpose: duplicate rows, cancelled
 * events, exits, anonymous persons, zipped packages and a few invalid rows.
 *
 * <p>The ESSMS are drawn by {@link GeneratedEssms}, the referential written by {@link ReferentialWriter}, the
 * packages by {@link PackageWriter}.
 */
public final class DatasetGenerator {

    /**
     * @param departements the départements the organismes gestionnaires are spread over, in turn; empty for the
     *                     95 of metropolitan France (01 to 95, 21 for 20), as before the option
     * @param samePersons  each ESSMS keeps its persons from month to month, with a small turnover
     *                     ({@link StablePopulation}); false: each month's persons drawn anew, as before the option
     */
    public record Settings(int essms, YearMonth lastMonth, int months, long seed, int zipEvery, double invalidRate,
                           List<String> departements, boolean samePersons) {

        public Settings {
            departements = departements == null ? List.of() : List.copyOf(departements);
        }

        public Settings(int essms, YearMonth lastMonth, int months, long seed, int zipEvery, double invalidRate,
                        List<String> departements) {
            this(essms, lastMonth, months, seed, zipEvery, invalidRate, departements, false);
        }

        public Settings(int essms, YearMonth lastMonth, int months, long seed, int zipEvery, double invalidRate) {
            this(essms, lastMonth, months, seed, zipEvery, invalidRate, List.of());
        }
    }

    public record Summary(int essms, int packages, long rows) {
    }

    /** How the packages are written: pivot CSV, or the TDDUI FHIR bundle with the pivot files it does not carry. */
    public enum Format { PIVOT, TDDUI }

    private final Settings settings;
    private final Format format;

    public DatasetGenerator(Settings settings) {
        this(settings, Format.PIVOT);
    }

    public DatasetGenerator(Settings settings, Format format) {
        this.settings = settings;
        this.format = format;
    }

    public Summary write(Path output) throws IOException {
        List<GeneratedEssms> essms = GeneratedEssms.population(settings);
        ReferentialWriter.write(output.resolve("referentiel"), essms);
        Path depot = output.resolve("depot");
        Files.createDirectories(depot);
        PackageWriter packageWriter = new PackageWriter(settings, format);
        int packages = 0;
        for (int m = settings.months() - 1; m >= 0; m--) {
            YearMonth month = settings.lastMonth().minusMonths(m);
            for (int from = 0; from < essms.size(); from += GeneratedEssms.PER_ORGANISATION) {
                List<GeneratedEssms> organisation = essms.subList(from,
                        Math.min(essms.size(), from + GeneratedEssms.PER_ORGANISATION));
                packageWriter.write(depot, organisation, month, packages++);
            }
        }
        return new Summary(essms.size(), packages, packageWriter.rows());
    }
}
