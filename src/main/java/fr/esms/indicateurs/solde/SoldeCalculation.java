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
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import fr.esms.indicateurs.rules.EssmsMeasure;
import fr.esms.indicateurs.solde.ClosedFinalWindows.ClosedMeasures;

/**
 * Feeds {@link SoldeRules} from the database: the referential of the latest {@code executer} run and what is
 * stored for each ESSMS of the project in the final windows, under the project's rules version.
 */
public final class SoldeCalculation {

    private final DataSource dataSource;
    private final ReferentialStore referentialStore;
    private final RulesLibrary library;
    private final ClosedFinalWindows closed;

    /** Figures always computed from the stored data (no closing read). */
    public SoldeCalculation(DataSource dataSource, ReferentialStore referentialStore, RulesLibrary library) {
        this(dataSource, referentialStore, library, null);
    }

    /** @param closed where closed revisions are read; null to ignore closings */
    public SoldeCalculation(DataSource dataSource, ReferentialStore referentialStore, RulesLibrary library,
                            ClosedFinalWindows closed) {
        this.dataSource = dataSource;
        this.referentialStore = referentialStore;
        this.library = library;
        this.closed = closed;
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
        return compute(projectId, windows, null);
    }

    /**
     * The solde on the closed revisions of the final windows where they are closed (revision {@code revision}, or
     * the latest when null), computed from the stored data where they are not.
     */
    public ProjectSolde compute(String projectId, SoldeWindows windows, Integer revision) {
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

        List<String> finess = essms.stream().map(Essms::finess).toList();
        Map<String, String> categories = ClosedFinalWindows.categories(essms);
        Optional<ClosedMeasures> duiClosed = closed == null ? Optional.empty()
                : closed.of(windows.dui(), revision, finess, categories);
        Optional<ClosedMeasures> servicesClosed = closed == null ? Optional.empty()
                : windows.services().equals(windows.dui()) ? duiClosed
                : closed.of(windows.services(), revision, finess, categories);
        if (revision != null && duiClosed.isEmpty() && servicesClosed.isEmpty()) {
            throw new SoldeRefusal("--revision " + revision + " : " + windows.month() + " n'est clôturé ni sur "
                    + windows.dui().months() + " ni sur " + windows.services().months() + " mois (voir historique "
                    + "--clotures)");
        }

        List<EssmsSolde> lines = new ArrayList<>();
        Set<String> notInRevision = new TreeSet<>();
        for (int i = 0; i < essms.size(); i++) {
            Essms e = essms.get(i);
            EssmsSolde computed = rules.essms(i + 1, e, project.typeFinancement(), project.logicielReferenceSegur(),
                    windows, dui.get(e.finess()),
                    services.get(e.finess()), declared.getOrDefault(e.finess(), List.of()),
                    counts(duiAggregates.get(e.finess())), counts(servicesAggregates.get(e.finess())));
            boolean inDui = duiClosed.map(c -> c.measures().containsKey(e.finess())).orElse(true);
            boolean inServices = servicesClosed.map(c -> c.measures().containsKey(e.finess())).orElse(true);
            if ((duiClosed.isEmpty() && servicesClosed.isEmpty()) || !inDui || !inServices) {
                // Not closed, or added to the referential since the closing: computed, provisional.
                if (!inDui || !inServices) {
                    notInRevision.add(e.finess());
                }
                lines.add(computed);
                continue;
            }
            // A closed window's figures are the revision's; the other window's are computed.
            EssmsMeasure duiMeasure = duiClosed.map(c -> c.measures().get(e.finess()))
                    .orElseGet(() -> asMeasure(rules, computed, windows.dui()));
            boolean duiData = duiClosed.map(c -> c.withData().getOrDefault(e.finess(), false))
                    .orElse(computed.duiData());
            EssmsMeasure servicesMeasure = servicesClosed.map(c -> c.measures().get(e.finess()))
                    .orElseGet(() -> asMeasure(rules, computed, windows.services()));
            boolean servicesData = servicesClosed.map(c -> c.withData().getOrDefault(e.finess(), false))
                    .orElse(computed.servicesData());
            lines.add(rules.fromMeasures(i + 1, e, project.typeFinancement(), project.logicielReferenceSegur(),
                    duiMeasure, duiData, servicesMeasure, servicesData));
        }
        return rules.project(project, windows, lines).withRevisions(new SoldeRevisions(
                duiClosed.map(c -> c.closing().revision()).orElse(null),
                duiClosed.map(c -> c.closing().closedAt()).orElse(null),
                servicesClosed.map(c -> c.closing().revision()).orElse(null),
                servicesClosed.map(c -> c.closing().closedAt()).orElse(null), notInRevision));
    }

    /** A computed ESSMS's figures as a measure, for the window of a solde that is not closed. */
    private static EssmsMeasure asMeasure(SoldeRules rules, EssmsSolde computed, MeasureWindow window) {
        return new EssmsMeasure(computed.finess(), window, rules.rules().code(), computed.sector(), computed.results(),
                computed.applied(), computed.refused(), computed.warnings());
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
