package fr.esms.indicateurs.consolidation;

import fr.esms.indicateurs.referential.Essms;
import fr.esms.indicateurs.rules.Indicator;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one regional installation gave for the month: its figures (an output contract file or a closed revision)
 * and its referential.
 *
 * @param folder        the {@code --entree} folder (the installation's output folder)
 * @param source        the figures file used, relative to {@code folder}, as the workbook names it
 * @param revision      the closed revision used, or null when the figures are not closed
 * @param windowMonths  the window of every row
 * @param rulesVersions the rules versions and fingerprints of the side file ({@code version (empreinte)}), or
 *                      null when the installation wrote none
 * @param referential   the ESSMS of its {@code essms.csv}, by FINESS
 * @param figures       the rows by FINESS, then indicator, in the order of the file
 */
public record InstallationOutput(Path folder, String source, Integer revision, int windowMonths,
                                 Set<String> rulesVersions, Path referentialFile, Map<String, Essms> referential,
                                 Map<String, Map<Indicator, ContractRow>> figures, List<String> warnings) {

    public InstallationOutput {
        Objects.requireNonNull(folder);
        rulesVersions = rulesVersions == null ? null : Set.copyOf(rulesVersions);
        referential = Map.copyOf(referential);
        figures = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(figures));
        warnings = List.copyOf(warnings);
    }

    /** The installation as the workbook and the messages name it. */
    public String name() {
        return folder.toString();
    }
}
