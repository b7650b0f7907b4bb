package fr.esms.indicateurs.jobs;

import fr.esms.indicateurs.referential.Referential;
import fr.esms.indicateurs.referential.ReferentialLoader;
import fr.esms.indicateurs.rules.RulesLibrary;
import fr.esms.indicateurs.store.ReferentialStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

import java.nio.file.Path;

/** Loads the referential folder and makes it the database's current referential. */
public class ReferentialTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ReferentialTasklet.class);

    private final Path folder;
    private final ReferentialStore store;
    private final RulesLibrary rules;

    public ReferentialTasklet(Path folder, ReferentialStore store, RulesLibrary rules) {
        this.folder = folder;
        this.store = store;
        this.rules = rules;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        Referential referential = new ReferentialLoader(rules.codes()).load(folder);
        store.replace(referential);
        referential.warnings().forEach(w -> log.warn("Référentiel : {}", w));
        log.info("Référentiel {} : {} ESSMS, {} projet(s), {} aménagement(s) déclaré(s), {} ligne(s) rejetée(s)",
                folder, referential.essms().size(), referential.projects().size(), referential.declared().size(),
                referential.rejections().size());
        return RepeatStatus.FINISHED;
    }
}
