package fr.esms.indicateurs.jobs;

import fr.esms.indicateurs.referential.Essms;
import fr.esms.indicateurs.referential.ProjectRules;
import fr.esms.indicateurs.referential.Referential;
import fr.esms.indicateurs.rules.DeclaredAdjustment;
import fr.esms.indicateurs.rules.EssmsMeasure;
import fr.esms.indicateurs.rules.IndicatorCalculator;
import fr.esms.indicateurs.rules.MeasureWindow;
import fr.esms.indicateurs.rules.RulesLibrary;
import fr.esms.indicateurs.store.ActivityCursor;
import fr.esms.indicateurs.store.AggregateStore;
import fr.esms.indicateurs.store.AggregateStore.StoredAggregate;
import fr.esms.indicateurs.store.ResultStore;
import fr.esms.indicateurs.store.ResultStore.Measured;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Computes and stores one window for some ESSMS of the referential, in chunks (incremental runs use it). */
@Component
public class MonthComputation {

    private final DataSource dataSource;
    private final RulesLibrary rules;
    /** One calculator per rules version, built once: the per-ESSMS choice is a map look-up. */
    private final Map<String, IndicatorCalculator> calculators = new HashMap<>();
    private final ResultStore results;
    private final TransactionTemplate ownTransaction;

    public MonthComputation(DataSource dataSource, RulesLibrary rules, ResultStore results,
                            TransactionTemplate ownTransaction) {
        this.dataSource = dataSource;
        this.rules = rules;
        rules.versions().forEach(v -> calculators.put(v.code(), new IndicatorCalculator(v)));
        this.results = results;
        this.ownTransaction = ownTransaction;
    }

    /** @return how many ESSMS were computed */
    public int compute(Referential referential, MeasureWindow window, Predicate<String> finessFilter) {
        Map<String, List<DeclaredAdjustment>> declared = referential.declaredByFiness();
        ProjectRules projectRules = new ProjectRules(rules, referential);
        Map<String, StoredAggregate> aggregates = new AggregateStore(dataSource).exactly(window);
        List<Measured> chunk = new ArrayList<>();
        int computed = 0;
        try (ActivityCursor cursor = new ActivityCursor(dataSource, window)) {
            for (Essms essms : referential.essms()) {
                if (!finessFilter.test(essms.finess())) {
                    continue;
                }
                EssmsInput input = new EssmsInput(essms, window, cursor.next(essms.finess()),
                        declared.getOrDefault(essms.finess(), List.of()), aggregates.get(essms.finess()),
                        projectRules.of(essms).code());
                chunk.add(measure(input));
                computed++;
                if (chunk.size() == ExecuterJobConfiguration.CHUNK) {
                    save(chunk);
                }
            }
            save(chunk);
        }
        return computed;
    }

    /**
     * Records when the ESSMS has record-level data in the window (an aggregate of that window is then ignored,
     * with a warning); otherwise the aggregate whose period is exactly the window, if any, and the ESSMS counts
     * as with data.
     */
    Measured measure(EssmsInput input) {
        String finess = input.essms().finess();
        StoredAggregate aggregate = input.aggregate();
        IndicatorCalculator calculator = calculators.get(input.rulesVersion());
        if (calculator == null) {
            throw new IllegalStateException("version de règles " + input.rulesVersion() + " absente de ce calcul");
        }
        String fingerprint = calculator.rules().fingerprint();
        if (input.usesAggregate()) {
            return new Measured(calculator.computeFromAggregate(finess, input.essms().categorie(), input.window(),
                    aggregate.counts(), input.declared()), true, aggregate.packageName(), fingerprint);
        }
        EssmsMeasure measure = calculator.compute(finess, input.essms().categorie(), input.window(),
                input.activity(), input.declared());
        if (aggregate != null) {
            measure = measure.withWarning("agregats.csv (paquet " + aggregate.packageName() + ") ignoré pour cette"
                    + " fenêtre : l'ESSMS a des données détaillées (dossiers) dans la fenêtre, qui sont utilisées");
        }
        return new Measured(measure, input.hasData(), null, fingerprint);
    }

    private void save(List<Measured> chunk) {
        if (!chunk.isEmpty()) {
            ownTransaction.executeWithoutResult(s -> results.save(chunk));
            chunk.clear();
        }
    }
}
