package fr.esms.indicateurs.cli;

import picocli.CommandLine;

/** Entry point of {@code esms-indicateurs.jar}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new RootCommand());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("ERREUR : " + Messages.explain(ex));
            return fr.esms.indicateurs.jobs.RunSummary.FAILURE;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("ERREUR : " + ex.getMessage());
            c.getErr().println("Aide : java -jar esms-indicateurs.jar " + c.getCommandName() + " --help");
            return fr.esms.indicateurs.jobs.RunSummary.USAGE;
        });
        return cl;
    }
}
