package fr.esms.indicateurs.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code executer --mot-de-passe-fichier}: an unusable password file stops the run before anything starts. */
class ExecuterPasswordOptionTest {

    @TempDir
    Path work;

    private int run(StringWriter err, String passwordFile) {
        return Main.commandLine().setErr(new PrintWriter(err)).setOut(new PrintWriter(new StringWriter()))
                .execute("executer", "--depot", work.toString(), "--referentiel", work.toString(), "--mois",
                        "2026-10", "--sortie", work.resolve("s").toString(), "--listes-de-travail",
                        "--mot-de-passe-fichier", passwordFile);
    }

    @Test
    void anEmptyFirstLineIsRefused() throws Exception {
        Path file = Files.writeString(work.resolve("mdp.txt"), "\nsecond");
        StringWriter err = new StringWriter();

        assertThat(run(err, file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--mot-de-passe-fichier " + file
                + " : la première ligne (le mot de passe) est vide");
        assertThat(work.resolve("s")).doesNotExist();
    }

    @Test
    void aMissingFileIsRefused() {
        StringWriter err = new StringWriter();

        assertThat(run(err, work.resolve("absent.txt").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("absent.txt : fichier de mot de passe illisible ou introuvable");
    }
}
