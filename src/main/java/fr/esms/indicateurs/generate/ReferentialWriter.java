package fr.esms.indicateurs.generate;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes the referential of a synthetic dataset: its projects, its ESSMS and an empty file of aménagements. */
final class ReferentialWriter {

    /** One project for every four organismes gestionnaires. */
    private static final int ESSMS_PER_PROJECT = GeneratedEssms.PER_ORGANISATION * 4;

    private ReferentialWriter() {
    }

    static void write(Path folder, List<GeneratedEssms> essms) throws IOException {
        Files.createDirectories(folder);
        try (Writer w = Files.newBufferedWriter(folder.resolve("projets.csv"), StandardCharsets.UTF_8)) {
            w.write("projet_id;intitule;finess_ej_porteur;type_financement;date_convention;date_fin_deploiement\n");
            for (int from = 0; from < essms.size(); from += ESSMS_PER_PROJECT) {
                GeneratedEssms first = essms.get(from);
                w.write(projectId(first) + ";Projet DUI " + first.finessEj() + ";" + first.finessEj() + ";"
                        + (from % 3 == 0 ? "MONTEE_VERSION" : "ACQUISITION") + ";2025-06-01;2027-06-30\n");
            }
        }
        try (Writer w = Files.newBufferedWriter(folder.resolve("essms.csv"), StandardCharsets.UTF_8)) {
            w.write("finess;finess_ej;raison_sociale;categorie;departement;projet_id;editeur\n");
            for (GeneratedEssms e : essms) {
                w.write(e.finess() + ";" + e.finessEj() + ";" + e.kind().label() + " n° " + (e.index() + 1) + ";"
                        + e.kind().category() + ";" + e.departement() + ";"
                        + projectId(essms.get(e.index() / ESSMS_PER_PROJECT * ESSMS_PER_PROJECT))
                        + ";" + e.editor() + "\n");
            }
        }
        try (Writer w = Files.newBufferedWriter(folder.resolve("amenagements.csv"), StandardCharsets.UTF_8)) {
            w.write("finess;indicateur;motif;nombre;periode_debut;periode_fin;reference\n");
        }
    }

    private static String projectId(GeneratedEssms first) {
        return "P" + first.finessEj();
    }
}
