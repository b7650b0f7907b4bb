package fr.esms.indicateurs.referential;

import fr.esms.indicateurs.ingest.Rejection;
import fr.esms.indicateurs.rules.DeclaredAdjustment;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The referential kept by the ARS / GRADeS: ESSMS sorted by FINESS, projects, declared adjustments, and the rows
 * of its files that were rejected.
 */
public record Referential(List<Essms> essms, List<Project> projects, List<DeclaredAdjustmentRow> declared,
                          List<Rejection> rejections, List<String> warnings) {

    public Referential {
        essms = essms.stream().sorted(Comparator.comparing(Essms::finess)).toList();
        projects = List.copyOf(projects);
        declared = List.copyOf(declared);
        rejections = List.copyOf(rejections);
        warnings = List.copyOf(warnings);
    }

    public Map<String, Essms> essmsByFiness() {
        return essms.stream().collect(Collectors.toMap(Essms::finess, Function.identity()));
    }

    public Optional<Project> project(String projetId) {
        return projects.stream().filter(p -> p.projetId().equals(projetId)).findFirst();
    }

    public Map<String, List<DeclaredAdjustment>> declaredByFiness() {
        return declared.stream().collect(Collectors.groupingBy(DeclaredAdjustmentRow::finess,
                Collectors.mapping(DeclaredAdjustmentRow::adjustment, Collectors.toList())));
    }
}
