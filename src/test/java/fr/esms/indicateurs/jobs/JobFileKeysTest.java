package fr.esms.indicateurs.jobs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A job file says exactly what the job does: an unknown, misplaced, doubled or invalid key refuses it. */
class JobFileKeysTest {

    private static final String MONTHLY = """
            # Traitement mensuel
            job=mensuel-ars
            planification=0 0 6 12 * *
            depot=d
            referentiel=r
            sortie=s
            """;

    @TempDir
    Path jobs;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(jobs.resolve(name), content);
    }

    @Test
    void aMonthInTheMonthlyJobIsRefusedSayingWhyWithItsLine() throws IOException {
        Path file = write("mensuel-ars.properties", MONTHLY + "mois=2026-09\n");

        assertThatThrownBy(() -> JobDefinition.load(file)).isInstanceOf(InvalidJobFileException.class)
                .hasMessage(file + ", ligne 7 : clé « mois » refusée : le mois ne se règle pas dans un job :"
                        + " mensuel-ars calcule toujours le mois qui précède le jour de son lancement, nuit les mois"
                        + " que touchent les nouveaux paquets ; pour calculer un autre mois, lancer"
                        + " « executer --mois AAAA-MM »");
    }

    @Test
    void anUnknownKeyIsRefusedWithItsLineTheAllowedKeysAndTheKeyItResembles() throws IOException {
        Path file = write("mensuel-ars.properties", MONTHLY.replace("depot=d", "dépôt=d"));

        assertThatThrownBy(() -> JobDefinition.load(file)).hasMessage(
                file + ", ligne 4 : clé « dépôt » inconnue : vouliez-vous dire « depot » ? (clés admises pour"
                        + " mensuel-ars : job, planification, depot, referentiel, sortie, base, fenetre, archiver,"
                        + " profils, profil, regles, listes, mot-de-passe-fichier, jourLimite)\n"
                        + file + " : « depot » manquant ou vide (un dossier est attendu)");
    }

    @Test
    void theLateDayBelongsToTheMonthlyJobOnlyAndReachesItsParameters() throws IOException {
        Path night = write("nuit.properties", MONTHLY.replace("mensuel-ars", "nuit") + "jourLimite=12\n");
        assertThatThrownBy(() -> JobDefinition.load(night)).hasMessage(night + ", ligne 7 : « jourLimite » ne"
                + " vaut que pour mensuel-ars : nuit réécrit les classeurs du mois avec le jour limite par défaut"
                + " (le 10)");

        JobDefinition monthly = JobDefinition.load(write("mensuel-ars.properties", MONTHLY
                + "jourLimite=12\nregles=regles-ars\nlistes=listes-ars\n"));
        assertThat(monthly.optional("jourLimite")).isEqualTo("12");
        assertThat(monthly.optional("regles")).isEqualTo("regles-ars");
        var request = new ExecuterLauncher.Request(Path.of("d"), Path.of("r"), YearMonth.of(2026, 11), 1,
                Path.of("s"));
        assertThat(ExecuterLauncher.parameters(request, 12).getLong("jourLimite")).isEqualTo(12L);
        assertThat(ExecuterLauncher.parameters(request, null).getParameters()).doesNotContainKey("jourLimite");
    }

    @Test
    void aKeyGivenTwiceAndInvalidValuesAreAllListedWithTheirLines() throws IOException {
        Path file = write("nuit.properties", """
                job=nuit
                planification=0 30 1 * * *
                depot=d
                referentiel=r
                sortie=s
                fenetre=1
                archiver=Oui
                # plus bas, un second réglage de la fenêtre
                fenetre=0
                """);

        assertThatThrownBy(() -> JobDefinition.load(file)).hasMessage(
                file + ", lignes 6 et 9 : clé « fenetre » donnée 2 fois : une seule valeur attendue (la dernière"
                        + " remplacerait les autres sans le dire)\n"
                        + file + ", ligne 9 : fenetre « 0 » : fenêtre de 1 à 12 mois attendue\n"
                        + file + ", ligne 7 : archiver « Oui » : oui ou non attendu");
    }

    @Test
    void lineNumbersFollowContinuationLinesAndComments() throws IOException {
        Path file = write("nuit.properties", """
                ! commentaire
                job=nuit
                planification=0 30 1 \\
                    * * *
                depot=d
                referentiel=r

                sortie=s
                fenêtre=1
                """);

        assertThatThrownBy(() -> JobDefinition.load(file)).hasMessageStartingWith(
                file + ", ligne 9 : clé « fenêtre » inconnue : vouliez-vous dire « fenetre » ?");
    }

    @Test
    void everyFileOfTheFolderIsCheckedBeforeAnyIsRefused() throws IOException {
        Path first = write("a.properties", MONTHLY + "mois=2026-09\n");
        Path second = write("b.properties", "job=hebdo\nplanification=0 0 1 * * *\ndepot=d\nreferentiel=r\nsortie=s\n");
        write("c.properties", MONTHLY);

        assertThatThrownBy(() -> JobDefinition.loadAll(jobs)).isInstanceOf(InvalidJobFileException.class)
                .hasMessageContaining(first + ", ligne 7 : clé « mois » refusée")
                .hasMessageContaining(second + ", ligne 1 : job « hebdo » inconnu (nuit ou mensuel-ars)");
    }

    @Test
    void theShippedFilesHoldOnlyKeysTheirJobReads() {
        assertThat(JobDefinition.loadAll(Path.of("jobs"))).hasSize(2);
    }
}
