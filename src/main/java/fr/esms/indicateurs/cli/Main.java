package fr.esms.indicateurs.cli;

import picocli.CommandLine;

/** Entry point of {@code esms-indicateurs.jar}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** picocli's own messages are English: the usual ones are said again in French. */
    static String inFrench(CommandLine.ParameterException ex) {
        if (ex instanceof CommandLine.MissingParameterException missing) {
            return "option obligatoire absente : " + String.join(", ", missing.getMissing().stream()
                    .map(a -> a instanceof CommandLine.Model.OptionSpec o ? o.longestName() : a.paramLabel())
                    .toList());
        }
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched) {
            return "argument inconnu : " + String.join(" ", unmatched.getUnmatched());
        }
        if (ex.getMessage() != null && ex.getMessage().startsWith("Invalid value for option")) {
            return "valeur invalide : " + ex.getMessage().substring("Invalid value for option ".length());
        }
        return ex.getMessage();
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new RootCommand());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("ERREUR : " + Messages.explain(ex));
            return fr.esms.indicateurs.jobs.RunSummary.FAILURE;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("ERREUR : " + inFrench(ex));
            String command = c.getCommandSpec().qualifiedName(" ").replaceFirst("^esms-indicateurs ?", "");
            c.getErr().println("Aide : java -jar esms-indicateurs.jar " + (command.isEmpty() ? "" : command + " ")
                    + "--help");
            return fr.esms.indicateurs.jobs.RunSummary.USAGE;
        });
        return cl;
    }
}
