package fr.esms.indicateurs.cli;

import picocli.CommandLine;

/** Entry point of {@code esms-indicateurs.jar}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** picocli's own messages are English: they are said again in French, naming the option and the value. */
    static String inFrench(CommandLine.ParameterException ex) {
        String message = ex.getMessage() == null ? "" : ex.getMessage();
        if (ex instanceof CommandLine.OverwrittenOptionException overwritten) {
            return "option donnée deux fois : " + name(overwritten.getOverwritten());
        }
        if (ex instanceof CommandLine.MissingParameterException missing) {
            String names = String.join(", ", missing.getMissing().stream().map(Main::name).toList());
            // The option is there but not its value: "--mois" last, or followed by another option.
            if (message.startsWith("Missing required parameter for option")
                    || message.startsWith("Expected parameter for option")) {
                return "valeur manquante après l'option " + names;
            }
            return "option obligatoire absente : " + names;
        }
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched) {
            return "argument inconnu : " + String.join(" ", unmatched.getUnmatched());
        }
        if (message.startsWith("Invalid value for") && ex.getArgSpec() != null && ex.getValue() != null) {
            return "valeur invalide pour " + name(ex.getArgSpec()) + " : « " + ex.getValue() + " »"
                    + expected(ex.getArgSpec().type());
        }
        return message;
    }

    private static String name(CommandLine.Model.ArgSpec arg) {
        return arg instanceof CommandLine.Model.OptionSpec option ? option.longestName() : arg.paramLabel();
    }

    private static String expected(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return " (nombre entier attendu)";
        }
        return "";
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
