package fr.esms.indicateurs.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a synthetic, deterministic dataset in the pivot format: a referential and, for each organisme
 * gestionnaire and month, one export package. The same seed and sizes always give the same bytes. Sizes and usage
 * levels follow the sectors; the messy parts of real exports are there on purpose: duplicate rows, cancelled
 * events, exits, anonymous persons, zipped packages and a few invalid rows.
 */
public final class DatasetGenerator {

    /** A kind of ESSMS: FINESS category, typical file active, and how well it uses its DUI. */
    private record Kind(String category, String label, int persons, double usage) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("500", "EHPAD", 80, 0.93),
            new Kind("183", "IME", 50, 0.9),
            new Kind("354", "SSIAD", 40, 0.85),
            new Kind("209", "SPASAD", 35, 0.8),
            new Kind("177", "MECS", 30, 0.88),
            new Kind("197", "CSAPA", 120, 0.82),
            new Kind("214", "CHRS", 45, 0.78),
            new Kind("340", "Service mandataire", 150, 0.9),
            new Kind("255", "MAS", 40, 0.95),
            new Kind("246", "ESAT", 60, 0.86));

    /** Share of the ESSMS of each kind, in the order of {@link #KINDS}, in thousandths. */
    private static final int[] MIX = {300, 120, 150, 50, 60, 40, 60, 40, 60, 120};

    private static final String[] EDITORS = {"Logivie DUI", "Cortex Social", "Atalante Soins", "Médiane"};
    private static final int ESSMS_PER_ORGANISATION = 5;

    /**
     * @param departements the départements the organismes gestionnaires are spread over, in turn; empty for the
     *                     95 of metropolitan France (01 to 95, 21 for 20), as before the option
     */
    public record Settings(int essms, YearMonth lastMonth, int months, long seed, int zipEvery, double invalidRate,
                           List<String> departements) {

        public Settings {
            departements = departements == null ? List.of() : List.copyOf(departements);
        }

        public Settings(int essms, YearMonth lastMonth, int months, long seed, int zipEvery, double invalidRate) {
            this(essms, lastMonth, months, seed, zipEvery, invalidRate, List.of());
        }
    }

    public record Summary(int essms, int packages, long rows) {
    }

    /** How the packages are written: pivot CSV, or the TDDUI FHIR bundle with the pivot files it does not carry. */
    public enum Format { PIVOT, TDDUI }

    private final Settings settings;
    private final Format format;
    private long rows;

    public DatasetGenerator(Settings settings) {
        this(settings, Format.PIVOT);
    }

    public DatasetGenerator(Settings settings, Format format) {
        this.settings = settings;
        this.format = format;
    }

    public Summary write(Path output) throws IOException {
        List<Essms> essms = essms();
        writeReferential(output.resolve("referentiel"), essms);
        Path depot = output.resolve("depot");
        Files.createDirectories(depot);
        int packages = 0;
        for (int m = settings.months() - 1; m >= 0; m--) {
            YearMonth month = settings.lastMonth().minusMonths(m);
            for (int from = 0; from < essms.size(); from += ESSMS_PER_ORGANISATION) {
                List<Essms> organisation = essms.subList(from, Math.min(essms.size(), from + ESSMS_PER_ORGANISATION));
                writePackage(depot, organisation, month, packages++);
            }
        }
        return new Summary(essms.size(), packages, rows);
    }

    private record Essms(int index, String finess, String finessEj, Kind kind, String departement, String editor) {
    }

    private List<Essms> essms() {
        List<Essms> list = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(settings.seed());
        for (int i = 0; i < settings.essms(); i++) {
            int organisation = i / ESSMS_PER_ORGANISATION;
            List<String> chosen = settings.departements();
            int dept = 1 + (organisation % 95);
            String departement = chosen.isEmpty() ? String.format("%02d", dept == 20 ? 21 : dept)
                    : chosen.get(organisation % chosen.size());
            Kind kind = pickKind(random.nextInt(1000));
            list.add(new Essms(i, finess(departement, 1_000_000 + 2 * i), finess(departement, 1 + 2 * organisation),
                    kind, departement, EDITORS[organisation % EDITORS.length]));
        }
        return list;
    }

    private static Kind pickKind(int draw) {
        int cumulated = 0;
        for (int k = 0; k < MIX.length; k++) {
            cumulated += MIX[k];
            if (draw < cumulated) {
                return KINDS.get(k);
            }
        }
        return KINDS.get(0);
    }

    /** A valid FINESS: département, a 6-digit number, and the Luhn key over the nine digits. */
    static String finess(String departement, int number) {
        String body = departement + String.format("%06d", number % 1_000_000);
        for (int key = 0; key <= 9; key++) {
            if (luhn(body + key)) {
                return body + key;
            }
        }
        throw new IllegalStateException();
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    private void writeReferential(Path folder, List<Essms> essms) throws IOException {
        Files.createDirectories(folder);
        try (Writer w = Files.newBufferedWriter(folder.resolve("projets.csv"), StandardCharsets.UTF_8)) {
            w.write("projet_id;intitule;finess_ej_porteur;type_financement;date_convention;date_fin_deploiement\n");
            for (int from = 0; from < essms.size(); from += ESSMS_PER_ORGANISATION * 4) {
                Essms first = essms.get(from);
                w.write(projectId(first) + ";Projet DUI " + first.finessEj() + ";" + first.finessEj() + ";"
                        + (from % 3 == 0 ? "MONTEE_VERSION" : "ACQUISITION") + ";2025-06-01;2027-06-30\n");
            }
        }
        try (Writer w = Files.newBufferedWriter(folder.resolve("essms.csv"), StandardCharsets.UTF_8)) {
            w.write("finess;finess_ej;raison_sociale;categorie;departement;projet_id;editeur\n");
            for (Essms e : essms) {
                w.write(e.finess() + ";" + e.finessEj() + ";" + e.kind().label() + " n° " + (e.index() + 1) + ";"
                        + e.kind().category() + ";" + e.departement() + ";"
                        + projectId(essms.get(e.index() / (ESSMS_PER_ORGANISATION * 4) * ESSMS_PER_ORGANISATION * 4))
                        + ";" + e.editor() + "\n");
            }
        }
        try (Writer w = Files.newBufferedWriter(folder.resolve("amenagements.csv"), StandardCharsets.UTF_8)) {
            w.write("finess;indicateur;motif;nombre;periode_debut;periode_fin;reference\n");
        }
    }

    private static String projectId(Essms first) {
        return "P" + first.finessEj();
    }

    private enum File {
        EXPORT("export.csv", "editeur;logiciel;version_logiciel;finess_ej;date_extraction;periode_debut;periode_fin"),
        USAGERS("usagers.csv", "finess;usager_id;date_entree;date_sortie;motifs_exclusion"),
        DOSSIERS("dossiers.csv", "finess;dossier_id;usager_id;date_creation;date_derniere_modification"),
        MODIFICATIONS("modifications.csv", "finess;dossier_id;date_modification"),
        PP("projets_personnalises.csv", "finess;dossier_id;pp_id;statut;date_debut;date_fin"),
        AGENDA("agenda.csv", "finess;dossier_id;evenement_id;date_evenement;statut;type"),
        MSS("mss.csv", "finess;message_id;date_envoi;dossier_id;type_destinataire"),
        DMP("dmp.csv", "finess;dossier_id;document_id;date_depot;statut;type_document"),
        EPRESCRIPTION("eprescription.csv", "finess;prescription_id;date_import"),
        EPARCOURS("eparcours.csv", "finess;echange_id;date_echange");

        final String fileName;
        final String header;

        File(String fileName, String header) {
            this.fileName = fileName;
            this.header = header;
        }
    }

    private void writePackage(Path depot, List<Essms> organisation, YearMonth month, int number) throws IOException {
        Essms first = organisation.get(0);
        String name = "export_" + first.finessEj() + "_" + month;
        Map<File, StringBuilder> files = new EnumMap<>(File.class);
        for (File f : File.values()) {
            files.put(f, new StringBuilder(f.header).append('\n'));
        }
        LocalDate extraction = month.plusMonths(1).atDay(3);
        files.get(File.EXPORT).append(first.editor()).append(';').append(first.editor()).append(";5.1;")
                .append(first.finessEj()).append(';').append(extraction).append(';').append(month.atDay(1)).append(';')
                .append(month.atEndOfMonth()).append('\n');
        for (Essms e : organisation) {
            writeEssms(files, e, month);
        }
        Map<String, byte[]> contents = new java.util.LinkedHashMap<>();
        for (Map.Entry<File, StringBuilder> f : files.entrySet()) {
            contents.put(f.getKey().fileName, f.getValue().toString().getBytes(StandardCharsets.UTF_8));
        }
        if (format == Format.TDDUI) {
            Map<String, String> pivot = new java.util.HashMap<>();
            files.forEach((f, text) -> pivot.put(f.fileName, text.toString()));
            contents = new TdduiPackageWriter().write(pivot, first.finessEj(), extraction.toString());
            name = name + "_tddui";
        }
        if (settings.zipEvery() > 0 && number % settings.zipEvery() == 0) {
            try (OutputStream out = Files.newOutputStream(depot.resolve(name + ".zip"));
                 ZipOutputStream zip = new ZipOutputStream(out)) {
                for (Map.Entry<String, byte[]> f : contents.entrySet()) {
                    zip.putNextEntry(new ZipEntry(name + "/" + f.getKey()));
                    zip.write(f.getValue());
                    zip.closeEntry();
                }
            }
        } else {
            Path folder = depot.resolve(name);
            Files.createDirectories(folder);
            for (Map.Entry<String, byte[]> f : contents.entrySet()) {
                Files.write(folder.resolve(f.getKey()), f.getValue());
            }
        }
    }

    /**
     * One ESSMS's month. Persons are numbered; the random stream depends only on the seed, the ESSMS and the
     * month, so months can be generated in any order.
     */
    private void writeEssms(Map<File, StringBuilder> files, Essms e, YearMonth month) {
        SplittableRandom random = new SplittableRandom(settings.seed() * 31 + e.index() * 1_000_003L
                + month.getYear() * 12L + month.getMonthValue());
        SplittableRandom stable = new SplittableRandom(settings.seed() * 17 + e.index());
        int persons = Math.max(3, (int) (e.kind().persons() * (0.6 + 0.8 * stable.nextDouble())));
        double usage = Math.min(1.0, e.kind().usage() + (stable.nextDouble() - 0.5) * 0.2);
        boolean anonymity = e.kind().category().equals("197");
        String f = e.finess();
        LocalDate start = month.atDay(1);
        int days = month.lengthOfMonth();
        for (int p = 0; p < persons; p++) {
            String person = "U" + p;
            String record = "D" + p;
            LocalDate entry = start.minusDays(30 + stable.nextInt(2000));
            boolean exits = random.nextInt(100) < 3;
            String exit = exits ? start.plusDays(random.nextInt(days)).toString() : "";
            String codes = anonymity && p % 5 == 0 ? "ANONYMAT" : "";
            line(files, File.USAGERS, f, person, entry, exit, codes);
            boolean updated = random.nextDouble() < usage;
            LocalDate lastUpdate = updated ? start.plusDays(random.nextInt(days)) : start.minusDays(1 + random.nextInt(200));
            line(files, File.DOSSIERS, f, record, person, entry, lastUpdate);
            if (p % 200 == 7) {
                // a duplicate row, as some editors send
                line(files, File.DOSSIERS, f, record, person, entry, lastUpdate);
            }
            if (updated) {
                int modifications = 1 + random.nextInt(4);
                for (int k = 0; k < modifications; k++) {
                    line(files, File.MODIFICATIONS, f, record, start.plusDays(random.nextInt(days)));
                }
            }
            if (random.nextDouble() < usage) {
                line(files, File.PP, f, record, "PP" + p, p % 10 == 0 ? "EN_PREPARATION" : "ACTIF",
                        p % 10 == 0 ? "" : entry.plusDays(30).toString(), "");
            } else if (random.nextInt(2) == 0) {
                line(files, File.PP, f, record, "PP" + p, "CLOS", entry.toString(), start.minusDays(10).toString());
            }
            if (random.nextDouble() < usage) {
                int events = 2 + random.nextInt(10);
                for (int k = 0; k < events; k++) {
                    String status = random.nextInt(20) == 0 ? "ANNULE" : (random.nextBoolean() ? "REALISE" : "PREVU");
                    line(files, File.AGENDA, f, record, "E" + month + "-" + p + "-" + k,
                            start.plusDays(random.nextInt(days)), status, "rendez-vous");
                }
            }
            if (random.nextDouble() < usage * 0.8) {
                line(files, File.MSS, f, "M" + month + "-" + p, start.plusDays(random.nextInt(days)), record,
                        random.nextBoolean() ? "PROFESSIONNEL" : "USAGER");
            }
            if (random.nextDouble() < usage * 0.8) {
                String status = random.nextInt(30) == 0 ? "ERREUR" : "DEPOSE";
                line(files, File.DMP, f, record, "DOC" + month + "-" + p, start.plusDays(random.nextInt(days)),
                        status, "11502-2");
            }
            if (random.nextInt(10) == 0) {
                line(files, File.EPRESCRIPTION, f, "RX" + month + "-" + p, start.plusDays(random.nextInt(days)));
            }
            if (random.nextInt(20) == 0) {
                line(files, File.EPARCOURS, f, "EP" + month + "-" + p, start.plusDays(random.nextInt(days)));
            }
        }
        if (settings.invalidRate() > 0 && random.nextDouble() < settings.invalidRate() * persons) {
            // a row with an impossible date: rejected, the others kept
            line(files, File.AGENDA, f, "D0", "E-invalide-" + month, month + "-32", "PREVU", "");
        }
    }

    private void line(Map<File, StringBuilder> files, File file, Object... values) {
        StringBuilder sb = files.get(file);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(';');
            }
            sb.append(values[i]);
        }
        sb.append('\n');
        rows++;
    }
}
