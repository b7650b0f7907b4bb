package fr.esms.indicateurs.cli;

import fr.esms.indicateurs.referential.ReferentialLoader;
import fr.esms.indicateurs.referential.RulesException;
import fr.esms.indicateurs.rules.RulesLibrary;
import fr.esms.indicateurs.rules.RulesVersion;
import fr.esms.indicateurs.referential.RulesLoader;

import java.nio.file.Path;

/**
 * Loads the rules versions before anything starts (the ARS's folder given by {@code --regles} or {@code regles=},
 * else the built-in ones) and, for a run that loads a referential, checks the versions its projects name: a wrong
 * rules file ends the command with its French message and exit 2, nothing computed.
 */
final class RulesCheck {

    private RulesCheck() {
    }

    /**
     * @param referential the referential folder of the run, or null (solde reads the stored one)
     * @throws RulesException naming the file, the line and the column
     */
    static RulesLibrary load(String rulesFolder, Path referential) {
        RulesLibrary library = new RulesLoader().load(rulesFolder);
        if (referential != null) {
            try {
                new ReferentialLoader(library.codes()).load(referential);
            } catch (RulesException e) {
                throw e;
            } catch (RuntimeException e) {
                // Other referential problems are the run's to report, as before (its first step loads it).
            }
        }
        return library;
    }

    /** One line per version, for the command's output. */
    static String describe(RulesLibrary library, String rulesFolder) {
        StringBuilder text = new StringBuilder("Règles : ").append(rulesFolder == null || rulesFolder.isBlank()
                ? "versions intégrées" : "dossier " + rulesFolder).append(" —");
        for (RulesVersion v : library.versions()) {
            text.append(' ').append(v.code()).append(" (en vigueur du ").append(v.inForceFrom()).append(", empreinte ")
                    .append(v.shortFingerprint()).append(')');
        }
        return text.toString();
    }
}
