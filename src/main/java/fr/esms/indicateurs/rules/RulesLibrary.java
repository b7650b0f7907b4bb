package fr.esms.indicateurs.rules;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every rules version known to a run (the built-in ones, or those of the ARS's folder), and which one measures a
 * project: the one its {@code projets.csv} line names; else the latest in force at its convention date; a
 * convention dated before every version takes the earliest, a project without a convention date the latest.
 */
public final class RulesLibrary {

    private final Map<String, RulesVersion> byCode = new LinkedHashMap<>();

    /** @param versions at least one; codes and in-force dates distinct (the loader says which file is wrong) */
    public RulesLibrary(List<RulesVersion> versions) {
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("aucune version de règles");
        }
        versions.stream().sorted(Comparator.comparing(RulesVersion::inForceFrom)).forEach(v -> {
            if (byCode.putIfAbsent(v.code(), v) != null) {
                throw new IllegalArgumentException("version de règles " + v.code() + " en double");
            }
        });
        List<RulesVersion> ordered = versions();
        for (int i = 1; i < ordered.size(); i++) {
            if (ordered.get(i).inForceFrom().equals(ordered.get(i - 1).inForceFrom())) {
                throw new IllegalArgumentException("versions de règles " + ordered.get(i - 1).code() + " et "
                        + ordered.get(i).code() + " en vigueur à la même date " + ordered.get(i).inForceFrom());
            }
        }
    }

    /** Oldest in-force date first. */
    public List<RulesVersion> versions() {
        return List.copyOf(byCode.values());
    }

    public Set<String> codes() {
        return Set.copyOf(byCode.keySet());
    }

    public Optional<RulesVersion> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public RulesVersion latest() {
        List<RulesVersion> all = versions();
        return all.get(all.size() - 1);
    }

    /**
     * The version of a project.
     *
     * @param explicit       the version its {@code projets.csv} line names, or null
     * @param conventionDate its convention date, or null
     * @throws IllegalArgumentException when {@code explicit} is not a known version
     */
    public RulesVersion forProject(String explicit, LocalDate conventionDate) {
        if (explicit != null) {
            return find(explicit).orElseThrow(() -> new IllegalArgumentException("version de règles « " + explicit
                    + " » inconnue (versions connues : " + String.join(", ", byCode.keySet()) + ")"));
        }
        if (conventionDate == null) {
            return latest();
        }
        List<RulesVersion> all = versions();
        RulesVersion chosen = all.get(0);
        for (RulesVersion v : all) {
            if (!v.inForceFrom().isAfter(conventionDate)) {
                chosen = v;
            }
        }
        return chosen;
    }
}
