package fr.esms.indicateurs.jobs;

import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.time.Clock;

/** Runs a job definition of {@code jobs/} now. */
@Component
public class DefinitionLauncher {

    private final Job nuitJob;
    private final ExecuterLauncher executer;
    private final JobLaunches launches;
    private final WorkbookPassword password;

    /** Key of a definition: file whose first line is the password of the mailed workbooks. */
    public static final String PASSWORD_FILE_KEY = "mot-de-passe-fichier";

    public DefinitionLauncher(@Qualifier("nuitJob") Job nuitJob, ExecuterLauncher executer, JobLaunches launches,
                              WorkbookPassword password) {
        this.nuitJob = nuitJob;
        this.executer = executer;
        this.launches = launches;
        this.password = password;
    }

    /** The {@code jourLimite} of a monthly job file, or null for the job's default. */
    private static Integer lateDay(JobDefinition definition) {
        String value = definition.optional(JobFileKeys.LATE_DAY);
        return value == null ? null : Integer.valueOf(value);
    }

    public RunSummary run(JobDefinition definition, Clock clock) throws Exception {
        Path depot = Path.of(definition.parameter("depot"));
        Path referentiel = Path.of(definition.parameter("referentiel"));
        Path output = Path.of(definition.parameter("sortie"));
        int window = definition.optional("fenetre") == null ? 1 : Integer.parseInt(definition.parameter("fenetre"));
        boolean fileAway = "oui".equals(definition.optional("archiver"));
        String profilesFolder = definition.optional(IngestionTasklet.PROFILES_PARAMETER);
        Path profiles = profilesFolder == null ? null : Path.of(profilesFolder);
        String profile = definition.optional(IngestionTasklet.PROFILE_PARAMETER);
        // Checked now, so that a wrong profile stops the run before it starts, with the profile's message.
        ProfileChoice.load(profilesFolder, profile);
        boolean workLists = "oui".equals(definition.optional(WorkListsDecider.PARAMETER));
        if (workLists && definition.kind() != JobDefinition.Kind.MENSUEL_ARS) {
            throw new IllegalArgumentException("définition " + definition.name() + " : listes=oui n'est possible "
                    + "que pour un job mensuel-ars (les listes de travail d'un mois entier)");
        }
        String passwordFile = definition.optional(PASSWORD_FILE_KEY);
        String workbookPassword = passwordFile != null ? WorkbookPassword.read(Path.of(passwordFile))
                : emptyToNull(System.getenv(WorkbookPassword.VARIABLE));
        return switch (definition.kind()) {
            case MENSUEL_ARS -> executer.run(new ExecuterLauncher.Request(depot, referentiel,
                    definition.monthFor(clock), window, output, fileAway, profiles, profile, workLists),
                    workbookPassword, lateDay(definition));
            case NUIT -> {
                JobParameters params = new JobParametersBuilder()
                        .addString("depot", depot.toAbsolutePath().normalize().toString())
                        .addString("referentiel", referentiel.toAbsolutePath().normalize().toString())
                        .addString("sortie", output.toAbsolutePath().normalize().toString())
                        .addLong("fenetre", (long) window)
                        .addString("archiver", fileAway ? "oui" : "non")
                        .addString(IngestionTasklet.PROFILES_PARAMETER,
                                profiles == null ? "" : profiles.toAbsolutePath().normalize().toString())
                        .addString(IngestionTasklet.PROFILE_PARAMETER, profile == null ? "" : profile)
                        .toJobParameters();
                if (workbookPassword != null) {
                    params = new JobParametersBuilder(params).addString(WorkbookPassword.PARAMETER, "OUI")
                            .toJobParameters();
                }
                password.set(workbookPassword);
                try {
                    JobExecution execution = launches.launch(nuitJob, params);
                    yield executer.summarise(execution, null);
                } finally {
                    password.clear();
                }
            }
        };
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
