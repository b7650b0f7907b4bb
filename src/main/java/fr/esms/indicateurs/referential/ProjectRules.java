package fr.esms.indicateurs.referential;

import fr.esms.indicateurs.rules.RulesLibrary;
import fr.esms.indicateurs.rules.RulesVersion;

import java.util.HashMap;
import java.util.Map;

/** The rules version of each project of a referential, resolved once per run (see {@link RulesLibrary}). */
public final class ProjectRules {

    private final RulesLibrary library;
    private final Map<String, RulesVersion> byProject = new HashMap<>();

    /** @throws RulesException when a project names a version the library does not have */
    public ProjectRules(RulesLibrary library, Referential referential) {
        this.library = library;
        for (Project project : referential.projects()) {
            try {
                byProject.put(project.projetId(), library.forProject(project.versionRegles(),
                        project.dateConvention()));
            } catch (IllegalArgumentException e) {
                throw new RulesException("référentiel : projet " + project.projetId() + " (projets.csv, colonne "
                        + "« version_regles ») : " + e.getMessage());
            }
        }
    }

    /** The version of a project; the latest one for a project the referential does not know. */
    public RulesVersion of(String projetId) {
        RulesVersion version = byProject.get(projetId);
        return version == null ? library.latest() : version;
    }

    public RulesVersion of(Essms essms) {
        return of(essms.projetId());
    }
}
