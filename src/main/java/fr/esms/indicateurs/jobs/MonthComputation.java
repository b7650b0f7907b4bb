package fr.esms.indicateurs.jobs;

import fr.esms.indicateurs.referential.Essms;
import fr.esms.indicateurs.referential.Referential;
import fr.esms.indicateurs.rules.DeclaredAdjustment;
import fr.esms.indicateurs.rules.IndicatorCalculator;
import fr.esms.indicateurs.rules.MeasureWindow;
import fr.esms.indicateurs.store.ActivityCursor;
import fr.esms.indicateurs.store.ResultStore;
import fr.esms.indicateurs.store.ResultStore.Measured;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Computes and stores one window for some ESSMS of the referential, in chunks (incremental runs use it). */
@Component
public class MonthComputation {

    private final DataSource dataSource;
    private final IndicatorCalculator calculator;
    private final ResultStore results;
    private final TransactionTemplate ownTransaction;

    public MonthComputation(DataSource dataSource, IndicatorCalculator calculator, ResultStore results,
                            TransactionTemplate ownTransaction) {
        this.dataSource = dataSource;
        this.calculator = calculator;
        this.results = results;
        this.ownTransaction = ownTransaction;
    }

    /** @return how many ESSMS were computed */
    public int compute(Referential referential, MeasureWindow window, Predicate<String> finessFilter) {
        Map<String, List<DeclaredAdjustment>> declared = referential.declaredByFiness();
        List<Measured> chunk = new ArrayList<>();
        int computed = 0;
        try (ActivityCursor cursor = new ActivityCursor(dataSource, window)) {
            for (Essms essms : referential.essms()) {
                if (!finessFilter.test(essms.finess())) {
                    continue;
                }
                EssmsInput input = new EssmsInput(essms, window, cursor.next(essms.finess()),
                        declared.getOrDefault(essms.finess(), List.of()));
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

    Measured measure(EssmsInput input) {
        return new Measured(calculator.compute(input.essms().finess(), input.essms().categorie(), input.window(),
                input.activity(), input.declared()), input.hasData());
    }

    private void save(List<Measured> chunk) {
        if (!chunk.isEmpty()) {
            ownTransaction.executeWithoutResult(s -> results.save(chunk));
            chunk.clear();
        }
    }
}
