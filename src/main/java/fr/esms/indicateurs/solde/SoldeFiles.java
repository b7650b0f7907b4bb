package fr.esms.indicateurs.solde;

import fr.esms.indicateurs.store.ProvenanceStore.FedPackage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes the proof into {@code SORTIE/solde/}: {@code <projet>_<AAAA-MM>.csv} (the canonical figures),
 * {@code .sha256} (their SHA-256, as {@code sha256sum -c} reads it) and {@code .xlsx} (the workbook). Each file is
 * first written whole under a temporary name, then all three are moved into place: a failure leaves no
 * half-written file and no partial new proof.
 */
public final class SoldeFiles {

    /** The three files of one proof. */
    public record Written(Path workbook, Path csv, Path checksum, String sha256) {
    }

    private final Path output;

    /** @param output the {@code --sortie} folder; the proof goes into its {@code solde/} sub-folder */
    public SoldeFiles(Path output) {
        this.output = output;
    }

    /** The project id made safe for a file name: other than letters, digits, {@code . - _} becomes {@code _}. */
    public static String safeName(String projectId) {
        String safe = projectId.replaceAll("[^A-Za-z0-9._-]", "_");
        // No hidden file, no "." or ".." path.
        return safe.startsWith(".") ? "_" + safe.substring(1) : safe;
    }

    public static String baseName(String projectId, YearMonth month) {
        return safeName(projectId) + "_" + month;
    }

    public Written write(ProjectSolde solde, String commandLine, String toolVersion, List<FedPackage> packages,
                         String password) throws IOException {
        Path folder = output.resolve("solde");
        Files.createDirectories(folder);
        String base = baseName(solde.project().projetId(), solde.windows().month());
        Path csv = folder.resolve(base + ".csv");
        Path checksum = folder.resolve(base + ".sha256");
        Path workbook = folder.resolve(base + ".xlsx");

        byte[] figures = SoldeCsv.render(solde);
        String sha256 = SoldeCsv.sha256(figures);
        SoldeProof proof = new SoldeProof(csv.getFileName().toString(), sha256, commandLine, toolVersion,
                LocalDateTime.now(), password != null, packages);

        List<Path> temporaries = new ArrayList<>();
        try {
            Path csvTmp = temporary(folder, base, ".csv", temporaries);
            Files.write(csvTmp, figures);
            Path checksumTmp = temporary(folder, base, ".sha256", temporaries);
            Files.write(checksumTmp, SoldeCsv.checksumFile(sha256, csv.getFileName().toString()));
            Path workbookTmp = temporary(folder, base, ".xlsx", temporaries);
            try (OutputStream out = Files.newOutputStream(workbookTmp)) {
                new SoldeWorkbook().write(solde, proof, password, out);
            }
            // Checked before any move, so that a proof is replaced whole or not at all.
            for (Path target : List.of(csv, checksum, workbook)) {
                if (Files.isDirectory(target)) {
                    throw new IOException("écriture impossible : " + target + " est un dossier");
                }
            }
            move(csvTmp, csv);
            move(checksumTmp, checksum);
            move(workbookTmp, workbook);
        } finally {
            for (Path tmp : temporaries) {
                Files.deleteIfExists(tmp);
            }
        }
        return new Written(workbook, csv, checksum, sha256);
    }

    /** A hidden name beside the final one (same file system, so the move is atomic), with ordinary permissions. */
    private static Path temporary(Path folder, String base, String suffix, List<Path> temporaries) {
        Path tmp = folder.resolve("." + base + suffix + "." + UUID.randomUUID() + ".tmp");
        temporaries.add(tmp);
        return tmp;
    }

    private static void move(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
