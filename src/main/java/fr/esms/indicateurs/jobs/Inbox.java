package fr.esms.indicateurs.jobs;

import fr.esms.indicateurs.ingest.ExportPackage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The dépôt as an inbox: once processed, a package leaves the dépôt's root for {@code archive/} (ingested) or
 * {@code quarantaine/} (rejected whole, or a copy of content already processed under another name), with a French
 * explanation file beside it. Nothing is ever deleted; a name already taken gets a time-stamped suffix.
 */
public final class Inbox {

    static final String ARCHIVE = "archive";
    static final String QUARANTINE = "quarantaine";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path depot;

    public Inbox(Path depot) {
        this.depot = depot;
    }

    public Path archive(ExportPackage pkg) throws IOException {
        return move(pkg, ARCHIVE);
    }

    public Path quarantine(ExportPackage pkg, String reason) throws IOException {
        Path moved = move(pkg, QUARANTINE);
        Files.writeString(moved.resolveSibling(moved.getFileName() + ".LISEZMOI.txt"), """
                Paquet mis en quarantaine le %s
                Paquet : %s
                Empreinte SHA-256 : %s
                Motif : %s

                Ce paquet n'a pas été pris en compte (ou l'a déjà été sous un autre nom). Il n'est pas supprimé.
                Faites corriger l'export par l'éditeur puis déposez le paquet corrigé dans le dépôt ; le détail
                des lignes et fichiers rejetés est dans SORTIE/rejets/.
                """.formatted(LocalDateTime.now().withNano(0), pkg.name(), pkg.sha256(), reason),
                StandardCharsets.UTF_8);
        return moved;
    }

    private Path move(ExportPackage pkg, String folder) throws IOException {
        Path target = Files.createDirectories(depot.resolve(folder)).resolve(pkg.name());
        if (Files.exists(target)) {
            target = target.resolveSibling(pkg.name() + "." + STAMP.format(LocalDateTime.now()));
        }
        return Files.move(pkg.source(), target, StandardCopyOption.ATOMIC_MOVE);
    }
}
