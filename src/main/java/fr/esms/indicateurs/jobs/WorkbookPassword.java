package fr.esms.indicateurs.jobs;

import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The password of the workbooks that are mailed (ESSMS workbooks, work lists, regional workbook) for the run in
 * progress, held in memory only: a job parameter would be stored in the job repository. The launcher sets it
 * before the run and clears it after; the job parameter {@value #PARAMETER} only says a password was asked.
 */
@Component
public class WorkbookPassword {

    /** Job parameter: {@code OUI} when the workbooks must be encrypted. */
    public static final String PARAMETER = "chiffre";
    /** The environment variable the solde already reads. */
    public static final String VARIABLE = "ESMS_MOT_DE_PASSE";

    private volatile String password;

    void set(String password) {
        this.password = password;
    }

    void clear() {
        password = null;
    }

    /**
     * The password if {@code asked} (the job parameter), else null; a run that asks for one without it held in
     * memory (a restart by another process) fails rather than write workbooks in clear.
     */
    String forRun(String asked) {
        if (!"OUI".equals(asked)) {
            return null;
        }
        String held = password;
        if (held == null) {
            throw new IllegalStateException("classeurs à protéger par mot de passe, mais aucun mot de passe n'a été"
                    + " donné à ce lancement (--mot-de-passe-fichier ou " + VARIABLE + ")");
        }
        return held;
    }

    /** The first line of {@code file} (UTF-8, BOM tolerated), which must not be empty. */
    public static String read(Path file) {
        String content;
        try {
            content = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + " : fichier de mot de passe non décodable en UTF-8");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " : fichier de mot de passe illisible ou introuvable");
        }
        String firstLine = content.lines().findFirst().orElse("");
        if (firstLine.startsWith("\uFEFF")) {
            firstLine = firstLine.substring(1);
        }
        if (firstLine.isEmpty()) {
            throw new IllegalArgumentException(file + " : la première ligne (le mot de passe) est vide");
        }
        return firstLine;
    }
}
