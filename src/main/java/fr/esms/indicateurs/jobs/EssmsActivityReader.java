package fr.esms.indicateurs.jobs;

import fr.esms.indicateurs.referential.Essms;
import fr.esms.indicateurs.referential.ProjectRules;
import fr.esms.indicateurs.rules.RulesLibrary;
import fr.esms.indicateurs.referential.Referential;
import fr.esms.indicateurs.rules.DeclaredAdjustment;
import fr.esms.indicateurs.rules.MeasureWindow;
import fr.esms.indicateurs.store.ActivityCursor;
import fr.esms.indicateurs.store.AggregateStore;
import fr.esms.indicateurs.store.AggregateStore.StoredAggregate;
import fr.esms.indicateurs.store.ReferentialStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemStreamReader;

import javax.sql.DataSource;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads, for every ESSMS of the referential in FINESS order, its activity in the window. Not restartable by
 * position on purpose: computing is idempotent, so a restarted step simply computes every ESSMS again.
 */
public class EssmsActivityReader implements ItemStreamReader<EssmsInput> {

    private static final Logger log = LoggerFactory.getLogger(EssmsActivityReader.class);

    private final DataSource dataSource;
    private final ReferentialStore referentialStore;
    private final MeasureWindow window;
    private final RulesLibrary rules;
    private ProjectRules projectRules;
    private ActivityCursor cursor;
    private Iterator<Essms> essms;
    private Map<String, List<DeclaredAdjustment>> declared;
    private Map<String, StoredAggregate> aggregates;
    private int total;
    private int read;
    private long startNanos;

    public EssmsActivityReader(DataSource dataSource, ReferentialStore referentialStore, MeasureWindow window,
                               RulesLibrary rules) {
        this.dataSource = dataSource;
        this.referentialStore = referentialStore;
        this.window = window;
        this.rules = rules;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        Referential referential = referentialStore.load();
        projectRules = new ProjectRules(rules, referential);
        essms = referential.essms().iterator();
        total = referential.essms().size();
        declared = referential.declaredByFiness();
        aggregates = new AggregateStore(dataSource).exactly(window);
        cursor = new ActivityCursor(dataSource, window);
        startNanos = System.nanoTime();
        log.info("Calcul des indicateurs de {} ESSMS, fenêtre du {} au {}", total, window.start(), window.end());
    }

    @Override
    public EssmsInput read() {
        if (!essms.hasNext()) {
            return null;
        }
        Essms next = essms.next();
        read++;
        if (read % 1_000 == 0) {
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            log.info("Calcul : {}/{} ESSMS ({} ESSMS/s, reste environ {} s)", read, total,
                    Math.round(read / seconds), Math.round((total - read) * seconds / read));
        }
        return new EssmsInput(next, window, cursor.next(next.finess()),
                declared.getOrDefault(next.finess(), List.of()), aggregates.get(next.finess()),
                projectRules.of(next).code());
    }

    @Override
    public void close() {
        if (cursor != null) {
            cursor.close();
            cursor = null;
        }
    }
}
