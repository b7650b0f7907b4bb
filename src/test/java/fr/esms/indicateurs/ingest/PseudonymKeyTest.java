package fr.esms.indicateurs.ingest;

import fr.esms.indicateurs.ingest.tddui.PseudonymKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pseudonymisation key: generated at first use, kept, reused; the environment's wins; a weak one refused. */
class PseudonymKeyTest {

    @TempDir
    Path dir;

    @Test
    void theKeyIsGeneratedOnceBesideTheBaseAndGivesTheSamePseudonymsAtTheNextRun() throws Exception {
        Path file = dir.resolve("base/esms.cle-pseudonymes");
        PseudonymKey first = PseudonymKey.forBase("jdbc:h2:file:" + dir.resolve("base/esms") + ";MODE=PostgreSQL", null);
        assertThat(first.origin()).isEqualTo("fichier " + file);
        String pseudonym = first.pseudonymizer().pseudonym("3010000016/U1");

        assertThat(Base64.getDecoder().decode(Files.readString(file).trim())).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(new PseudonymKey(null, file).pseudonymizer().pseudonym("3010000016/U1")).isEqualTo(pseudonym);
        assertThat(new PseudonymKey(null, dir.resolve("autre")).pseudonymizer().pseudonym("3010000016/U1"))
                .isNotEqualTo(pseudonym);
    }

    @Test
    void theEnvironmentsKeyWinsAndAShortOrMalformedKeyIsRefused() {
        String env = Base64.getEncoder().encodeToString("e".repeat(32).getBytes());
        Path file = dir.resolve("jamais-cree");
        assertThat(new PseudonymKey(env, file).pseudonymizer().pseudonym("x"))
                .isEqualTo(new fr.esms.indicateurs.ingest.tddui.Pseudonymizer("e".repeat(32).getBytes()).pseudonym("x"));
        assertThat(file).doesNotExist();
        assertThatThrownBy(() -> new PseudonymKey(Base64.getEncoder().encodeToString(new byte[16]), file)
                .pseudonymizer()).hasMessage("clé de pseudonymisation (variable d'environnement ESMS_CLE_PSEUDONYMES)"
                + " : 16 octets, au moins 32 attendus");
        assertThatThrownBy(() -> new PseudonymKey("pas du base64 !", file).pseudonymizer())
                .hasMessage("clé de pseudonymisation (variable d'environnement ESMS_CLE_PSEUDONYMES) : Base64 attendu");
    }
}
