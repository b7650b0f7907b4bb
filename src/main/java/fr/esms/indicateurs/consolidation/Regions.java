package fr.esms.indicateurs.consolidation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The region of a département: the 18 regions of 2016, the five DROM included, from the data file
 * {@code regions.csv} next to this class (one {@code departement;region} line per département).
 */
public final class Regions {

    static final String RESOURCE = "regions.csv";

    private final Map<String, String> byDepartement;

    private Regions(Map<String, String> byDepartement) {
        this.byDepartement = Map.copyOf(byDepartement);
    }

    /** The table shipped with the application. */
    public static Regions load() {
        Map<String, String> table = new TreeMap<>();
        try (InputStream in = Regions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("table des régions absente : " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine(); // header
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    int sep = line.indexOf(';');
                    table.put(line.substring(0, sep).strip(), line.substring(sep + 1).strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Regions(table);
    }

    /**
     * The region of the ESSMS, from its {@code departement} ({@code 5} is read as {@code 05}, {@code 20} as
     * Corse); for an overseas ESSMS whose département is given as {@code 97}, the first three digits of its FINESS
     * decide ({@code 974…}: La Réunion). Empty when unknown.
     */
    public Optional<String> of(String departement, String finess) {
        String code = departement == null ? "" : departement.strip().toUpperCase(Locale.ROOT);
        if (code.length() == 1 && Character.isDigit(code.charAt(0))) {
            code = "0" + code;
        }
        if (code.equals("20")) {
            return Optional.ofNullable(byDepartement.get("2A"));
        }
        if (code.equals("97") && finess != null && finess.length() >= 3) {
            code = finess.substring(0, 3);
        }
        return Optional.ofNullable(byDepartement.get(code));
    }

    /** How many départements the table knows. */
    public int size() {
        return byDepartement.size();
    }

    /** How many distinct regions the table names. */
    public long regionCount() {
        return byDepartement.values().stream().distinct().count();
    }
}
