package fr.esms.indicateurs.solde;

import fr.esms.indicateurs.referential.Essms;
import fr.esms.indicateurs.referential.Project;
import fr.esms.indicateurs.referential.Referential;
import fr.esms.indicateurs.rules.AggregateCounts;
import fr.esms.indicateurs.rules.DeclaredAdjustment;
import fr.esms.indicateurs.rules.EssmsActivity;
import fr.esms.indicateurs.rules.IndicatorCalculator;
import fr.esms.indicateurs.rules.RulesLibrary;
import fr.esms.indicateurs.rules.MeasureWindow;
import fr.esms.indicateurs.store.ActivityCursor;
import fr.esms.indicateurs.store.AggregateStore;
import fr.esms.indicateurs.store.AggregateStore.StoredAggregate;
import fr.esms.indicateurs.store.ReferentialStore;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Feeds {@link SoldeRules} from the database: the referential of the latest {@code executer} run and what is
 * stored for each ESSMS of the project in the final windows, under the project's rules version.
 */
public final class SoldeCalculation {

    private final DataSource dataSource;
    private final ReferentialStore referentialStore;
    private final RulesLibrary library;

    public SoldeCalculation(DataSource dataSource, ReferentialStore referentialStore, RulesLibrary library) {
        this.dataSource = dataSource;
        this.referentialStore = referentialStore;
        this.library = library;
    }

    /**
     * The solde rules of the project's rules version (its projets.csv line, else its convention date); those of
     * the latest version for a project the stored referential does not know (its solde is refused later).
     *
     * @throws SoldeRefusal when the project names a version the rules folder does not have
     */
    public SoldeRules rulesFor(String projectId) {
        Referential referential = referentialStore.load();
        return referential.project(projectId).map(this::rulesOf)
                .orElseGet(() -> new SoldeRules(new IndicatorCalculator(library.latest())));
    }

    private SoldeRules rulesOf(Project project) {
        try {
            return new SoldeRules(new IndicatorCalculator(library.forProject(project.versionRegles(),
                    project.dateConvention())));
        } catch (IllegalArgumentException e) {
            throw new SoldeRefusal("projet " + project.projetId() + " : " + e.getMessage() + " — donnez --regles "
                    + "avec le dossier qui la contient, ou corrigez version_regles dans projets.csv");
        }
    }

    public ProjectSolde compute(String projectId, SoldeWindows windows) {
        Referential referential = referentialStore.load();
        Project project = referential.project(projectId).orElseThrow(() -> unknownProject(projectId, referential));
        SoldeRules rules = rulesOf(project);
        List<Essms> essms = SoldeRules.inRankOrder(referential.essms().stream()
                .filter(e -> e.projetId().equals(projectId)).toList());
        Map<String, EssmsActivity> dui = activities(essms, windows.dui());
        Map<String, EssmsActivity> services = windows.services().equals(windows.dui()) ? dui
                : activities(essms, windows.services());
        Map<String, List<DeclaredAdjustment>> declared = referential.declaredByFiness();
        AggregateStore aggregateStore = new AggregateStore(dataSource);
        Map<String, StoredAggregate> duiAggregates = aggregateStore.exactly(windows.dui());
        Map<String, StoredAggregate> servicesAggregates = windows.services().equals(windows.dui()) ? duiAggregates
                : aggregateStore.exactly(windows.services());

        List<EssmsSolde> lines = new ArrayList<>();
        for (int i = 0; i < essms.size(); i++) {
            Essms e = essms.get(i);
            lines.add(rules.essms(i + 1, e, project.typeFinancement(), project.logicielReferenceSegur(), windows,
                    dui.get(e.finess()),
                    services.get(e.finess()), declared.getOrDefault(e.finess(), List.of()),
                    counts(duiAggregates.get(e.finess())), counts(servicesAggregates.get(e.finess()))));
        }
        return rules.project(project, windows, lines);
    }

    private static AggregateCounts counts(StoredAggregate aggregate) {
        return aggregate == null ? null : aggregate.counts();
    }

    /** The stored activity of these ESSMS (in FINESS order, as the cursor requires) for one window. */
    private Map<String, EssmsActivity> activities(List<Essms> essms, MeasureWindow window) {
        Map<String, EssmsActivity> byFiness = new HashMap<>();
        if (essms.isEmpty()) {
            return byFiness;
        }
        try (ActivityCursor cursor = new ActivityCursor(dataSource, window)) {
            for (Essms e : essms) {
                byFiness.put(e.finess(), cursor.next(e.finess()));
            }
        }
        return byFiness;
    }

    private static SoldeRefusal unknownProject(String projectId, Referential referential) {
        if (referential.projects().isEmpty()) {
            return new SoldeRefusal("projet inconnu : " + projectId + " — aucun référentiel en base : lancez "
                    + "d'abord la commande executer (référentiel et dépôt), puis solde");
        }
        List<String> known = referential.projects().stream().map(Project::projetId).toList();
        String list = known.stream().limit(10).collect(Collectors.joining(", "))
                + (known.size() > 10 ? ", … (" + known.size() + " projets)" : "");
        return new SoldeRefusal("projet inconnu : " + projectId + " n'est pas dans le référentiel chargé par le "
                + "dernier executer (projets connus : " + list + ")");
    }
}
