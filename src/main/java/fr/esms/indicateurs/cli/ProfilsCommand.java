package fr.esms.indicateurs.cli;

import fr.esms.indicateurs.ingest.DepotScanner;
import fr.esms.indicateurs.ingest.EditorProfile;
import fr.esms.indicateurs.ingest.EditorProfiles;
import fr.esms.indicateurs.ingest.ExportPackage;
import fr.esms.indicateurs.ingest.FileSummary;
import fr.esms.indicateurs.ingest.Manifest;
import fr.esms.indicateurs.ingest.PackageReader;
import fr.esms.indicateurs.ingest.PackageVisitor;
import fr.esms.indicateurs.ingest.PivotFile;
import fr.esms.indicateurs.ingest.PivotRow;
import fr.esms.indicateurs.ingest.ProfileException;
import fr.esms.indicateurs.ingest.Rejection;
import fr.esms.indicateurs.referential.Essms;
import fr.esms.indicateurs.referential.ReferentialLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Checks editor profiles, and shows how packages would be read with them, without touching any database: what an
 * operator runs while writing the profile of a new editor.
 */
@Command(name = "profils", mixinStandardHelpOptions = true,
        description = "Vérifie les profils éditeurs et, avec --paquet, montre comment un paquet serait lu "
                + "(profil retenu, manifeste, lignes retenues et rejetées), sans rien écrire en base.")
public class ProfilsCommand implements Callable<Integer> {

    private static final int SHOWN = 20;

    @Spec
    CommandSpec spec;

    @Option(names = "--profils", required = true, paramLabel = "DOSSIER", description = "Dossier des profils.")
    Path folder;

    @Option(names = "--paquet", paramLabel = "CHEMIN",
            description = "Paquet à lire (dossier ou .zip) ; peut être répété.")
    List<Path> packages = new ArrayList<>();

    @Option(names = "--profil", paramLabel = "NOM", description = "Impose ce profil au lieu de le reconnaître.")
    String forcedName;

    @Option(names = "--referentiel", paramLabel = "DOSSIER",
            description = "Référentiel (essms.csv) pour vérifier aussi que les FINESS en font partie.")
    Path referential;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        EditorProfiles profiles;
        EditorProfile forced = null;
        try {
            profiles = EditorProfiles.load(folder);
            if (forcedName != null) {
                EditorProfiles loaded = profiles;
                forced = profiles.named(forcedName).orElseThrow(() -> new ProfileException("profil « " + forcedName
                        + " » inconnu (profils : " + loaded.names() + ")"));
            }
        } catch (ProfileException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        out.println("Profils éditeurs de " + folder + " : " + profiles.all().size() + ", tous valides");
        for (EditorProfile p : profiles.all()) {
            out.println("  " + p.name() + " (" + p.source() + ") : " + recognition(p) + " ; fichiers : "
                    + p.files().keySet().stream().map(PivotFile::fileName).collect(Collectors.joining(", ")));
        }
        Predicate<String> inReferential = finess -> true;
        if (referential != null) {
            Set<String> known = new ReferentialLoader().load(referential).essms()
                    .stream().map(Essms::finess).collect(Collectors.toSet());
            inReferential = known::contains;
        } else if (!packages.isEmpty()) {
            out.println("(sans --referentiel, la présence des FINESS dans le référentiel n'est pas vérifiée)");
        }
        PackageReader reader = new PackageReader(inReferential, profiles, forced);
        boolean rejections = false;
        for (Path path : packages) {
            if (!Files.exists(path)) {
                throw new ParameterException(spec.commandLine(), "--paquet " + path + " : introuvable");
            }
            String sha = Files.isDirectory(path) ? "" : DepotScanner.fileSha256(path);
            Report report = new Report();
            reader.read(new ExportPackage(path.getFileName().toString(), path, sha), report);
            report.print(path, out);
            rejections |= report.rejected > 0 || report.packageRejection != null;
        }
        out.flush();
        return rejections ? 3 : 0;
    }

    private static String recognition(EditorProfile p) {
        List<String> parts = new ArrayList<>();
        if (!p.recognisedByFiles().isEmpty()) {
            parts.add("reconnu par les fichiers " + p.recognisedByFiles().stream().map(f -> f.glob())
                    .collect(Collectors.joining(", ")));
        }
        if (p.recognisedByEditor() != null) {
            parts.add("reconnu par l'éditeur « " + p.recognisedByEditor() + " » d'un export.csv");
        }
        return parts.isEmpty() ? "jamais reconnu seul (à imposer par --profil)" : String.join(", ", parts);
    }

    /** What one package gives, for the operator. */
    private static final class Report implements PackageVisitor {
        private Manifest manifest;
        private Rejection packageRejection;
        private final List<FileSummary> files = new ArrayList<>();
        private final List<Rejection> rejections = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        private long rejected;

        @Override
        public void manifest(Manifest manifest) {
            this.manifest = manifest;
        }

        @Override
        public void row(PivotFile file, PivotRow row) {
            // counted in the file summaries
        }

        @Override
        public void rejection(Rejection rejection) {
            rejected++;
            if (rejections.size() < SHOWN) {
                rejections.add(rejection);
            }
        }

        @Override
        public void warning(String file, long line, String message) {
            warnings.add((file.isEmpty() ? "" : file + (line > 0 ? " ligne " + line : "") + " : ") + message);
        }

        @Override
        public void fileRead(FileSummary summary) {
            files.add(summary);
        }

        @Override
        public void packageRejected(Rejection reason) {
            packageRejection = reason;
        }

        void print(Path path, PrintWriter out) {
            out.println();
            out.println("Paquet " + path);
            if (packageRejection != null) {
                out.println("  REJETÉ en entier : " + packageRejection.reason());
                return;
            }
            out.println("  manifeste : " + manifest.editor() + " / " + manifest.software()
                    + (manifest.softwareVersion() == null ? "" : " " + manifest.softwareVersion())
                    + ", FINESS juridique " + manifest.finessEj() + ", extrait le " + manifest.extractionDate()
                    + ", période du " + manifest.periodStart() + " au " + manifest.periodEnd());
            for (FileSummary f : files) {
                out.println("  " + f.file() + " : " + (f.rejectedWhole() != null ? f.rejectedWhole()
                        : f.read() + " lues, " + f.kept() + " retenues, " + f.rejected() + " rejetées"));
            }
            if (rejected > 0) {
                out.println("  Rejets (" + rejected + (rejected > SHOWN ? ", les " + SHOWN + " premiers" : "")
                        + ") :");
                for (Rejection r : rejections) {
                    out.println("    " + r.file() + (r.line() > 0 ? " ligne " + r.line() : "")
                            + (r.column().isEmpty() ? "" : ", colonne « " + r.column() + " »")
                            + (r.value().isEmpty() ? "" : " (" + r.value() + ")") + " : " + r.reason());
                }
            }
            warnings.forEach(w -> out.println("  avertissement : " + w));
        }
    }
}
