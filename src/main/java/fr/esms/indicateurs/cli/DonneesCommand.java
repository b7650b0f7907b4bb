package fr.esms.indicateurs.cli;

import fr.esms.indicateurs.output.KeptRowsCsvWriter;
import fr.esms.indicateurs.rules.Finess;
import fr.esms.indicateurs.store.KeptRows;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "donnees", mixinStandardHelpOptions = true,
        description = "Écrit, pour un ESSMS, les lignes d'export gardées en base (la dernière version de chaque "
                + "clé, celle que lit le calcul), avec le paquet d'où vient chacune : un fichier CSV par sorte "
                + "de ligne, dans SORTIE/FINESS/.")
public class DonneesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--finess", required = true, paramLabel = "FINESS",
            description = "FINESS géographique de l'ESSMS.")
    String finess;

    @Option(names = "--sortie", required = true, paramLabel = "DOSSIER",
            description = "Dossier où écrire les fichiers.")
    Path output;

    @Option(names = "--base", paramLabel = "URL_JDBC", description = "Base de données (défaut : H2 dans ./data/).")
    String database;

    @Override
    public Integer call() throws IOException {
        Finess.Verdict verdict = Finess.check(finess);
        if (!Finess.isAcceptable(verdict)) {
            throw new ParameterException(spec.commandLine(), "--finess " + finess + " : "
                    + Finess.explain(verdict));
        }
        try (ConfigurableApplicationContext context = Database.start(database)) {
            List<KeptRows.Table> tables = KeptRows.of(context.getBean(JdbcTemplate.class), finess);
            Path folder = new KeptRowsCsvWriter().write(output, finess, tables);
            PrintWriter out = spec.commandLine().getOut();
            long rows = tables.stream().mapToLong(t -> t.rows().size()).sum();
            out.println(rows == 0
                    ? "Aucune ligne gardée en base pour l'ESSMS " + finess + " (fichiers vides écrits dans " + folder
                    + ")."
                    : "ESSMS " + finess + " : " + rows + " ligne(s) gardée(s), écrites dans " + folder + " :");
            for (KeptRows.Table table : tables) {
                out.printf("  %-26s %d ligne(s)%n", table.file(), table.rows().size());
            }
            out.flush();
            return 0;
        }
    }
}
