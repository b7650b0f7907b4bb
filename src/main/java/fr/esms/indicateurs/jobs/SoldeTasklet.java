package fr.esms.indicateurs.jobs;

import fr.esms.indicateurs.solde.EssmsSolde;
import fr.esms.indicateurs.solde.ProjectSolde;
import fr.esms.indicateurs.rules.Attainment;
import fr.esms.indicateurs.solde.SoldeCalculation;
import fr.esms.indicateurs.solde.SoldeDecision;
import fr.esms.indicateurs.solde.SoldeFiles;
import fr.esms.indicateurs.solde.SoldeRefusal;
import fr.esms.indicateurs.solde.SoldeTexts;
import fr.esms.indicateurs.solde.SoldeWindows;
import fr.esms.indicateurs.store.ProvenanceStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Establishes the solde of one project at one measure month and writes its proof. A request that cannot be served
 * (unknown project, no ESSMS, no data at all) is not a failure to restart: the run completes with exit status
 * {@code REFUSE}, its French reason in the job's context, and nothing written.
 */
public class SoldeTasklet implements Tasklet {

    static final String REFUSAL_KEY = "solde.refus";
    static final String SUMMARY_KEY = "solde.resume";
    static final ExitStatus REFUSED = new ExitStatus("REFUSE");

    private static final Logger log = LoggerFactory.getLogger(SoldeTasklet.class);

    /** What the job parameters ask. */
    record Request(String projectId, YearMonth month, int duiMonths, int servicesMonths, Path output,
                   boolean encrypted, String commandLine, String toolVersion, Integer revision) {
    }

    private final Request request;
    private final SoldeCalculation calculation;
    private final ProvenanceStore provenance;
    private final SoldePassword password;

    SoldeTasklet(Request request, SoldeCalculation calculation, ProvenanceStore provenance, SoldePassword password) {
        this.request = request;
        this.calculation = calculation;
        this.provenance = provenance;
        this.password = password;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        ExecutionContext job = chunkContext.getStepContext().getStepExecution().getJobExecution()
                .getExecutionContext();
        try {
            SoldeWindows windows = calculation.rulesFor(request.projectId()).windows(request.month(), request.duiMonths(),
                    request.servicesMonths());
            ProjectSolde solde = calculation.compute(request.projectId(), windows, request.revision());
            String secret = null;
            if (request.encrypted()) {
                secret = password.get();
                if (secret == null) {
                    throw new IllegalStateException("mot de passe du classeur absent : relancez la commande avec "
                            + "--mot-de-passe-fichier ou la variable ESMS_MOT_DE_PASSE");
                }
            }
            SoldeFiles.Written written = new SoldeFiles(request.output()).write(solde, request.commandLine(),
                    request.toolVersion(), provenance.packagesFeedingProject(request.projectId()), secret);
            job.putString(SUMMARY_KEY, String.join("\n", summary(solde, written, request.encrypted())));
            log.info("Solde du projet {} à fin {} : {} ; écrit {}", request.projectId(), request.month(),
                    solde.decision().projectWording(), written.workbook());
        } catch (SoldeRefusal refusal) {
            job.putString(REFUSAL_KEY, refusal.getMessage());
            contribution.setExitStatus(REFUSED.addExitDescription(refusal.getMessage()));
        }
        return RepeatStatus.FINISHED;
    }

    /** The operator's summary, in French. */
    static List<String> summary(ProjectSolde solde, SoldeFiles.Written written, boolean encrypted) {
        List<String> lines = new ArrayList<>();
        lines.add("Projet " + solde.project().projetId() + " — " + solde.project().intitule());
        lines.add("Indicateurs DUI : " + SoldeTexts.window(solde.windows().dui()));
        lines.add("MSS et DMP      : " + SoldeTexts.window(solde.windows().services()));
        for (EssmsSolde e : solde.essms()) {
            lines.add(String.format("  %3d  %s  %-20s %s", e.rank(), e.finess(), e.decision().essmsWording(),
                    e.decision() != SoldeDecision.NON_ATTEINTE ? "" : String.join(", ", e.missed().stream()
                            .map(r -> r.indicator().name() + (r.attainment() == Attainment.NC
                                    ? " non calculable" : " manque " + r.gap())).toList())).stripTrailing());
        }
        lines.add("Origine  : " + solde.revisions().sentence());
        lines.add("Décision : " + solde.decision().projectWording());
        lines.add("Motif    : " + solde.reason());
        lines.add("Montant total " + euros(solde.amounts().total()) + " (usage " + euros(solde.amounts().usage())
                + ", équipement " + euros(solde.amounts().equipment()) + "), avance " + euros(solde.advance())
                + ", solde " + euros(solde.solde()) + ", solde à verser " + euros(solde.soldeDue()));
        lines.add("Classeur : " + written.workbook() + (encrypted ? " (protégé par mot de passe)" : ""));
        lines.add("Chiffres : " + written.csv() + " (SHA-256 " + written.sha256() + ")");
        return lines;
    }

    static String euros(long amount) {
        return String.format(Locale.ROOT, "%,d", amount).replace(',', ' ') + " €";
    }
}
