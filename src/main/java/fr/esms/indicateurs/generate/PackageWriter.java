package fr.esms.indicateurs.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the export packages of a synthetic dataset, one per organisme gestionnaire and month: each ESSMS's month
 * of activity in the pivot files (or the TDDUI bundle), in a folder or a zip. Counts the data rows it writes.
 */
final class PackageWriter {

    private final DatasetGenerator.Settings settings;
    private final DatasetGenerator.Format format;
    private long rows;
    /** With {@link DatasetGenerator.Settings#samePersons()}: each ESSMS's persons, by ESSMS index. */
    private final Map<Integer, StablePopulation> populations = new HashMap<>();

    PackageWriter(DatasetGenerator.Settings settings, DatasetGenerator.Format format) {
        this.settings = settings;
        this.format = format;
    }

    /** The data rows written so far, duplicates and invalid rows included. */
    long rows() {
        return rows;
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

    void write(Path depot, List<GeneratedEssms> organisation, YearMonth month, int number) throws IOException {
        GeneratedEssms first = organisation.get(0);
        String name = "export_" + first.finessEj() + "_" + month;
        Map<File, StringBuilder> files = new EnumMap<>(File.class);
        for (File f : File.values()) {
            files.put(f, new StringBuilder(f.header).append('\n'));
        }
        LocalDate extraction = month.plusMonths(1).atDay(3);
        files.get(File.EXPORT).append(first.editor()).append(';').append(first.editor()).append(";5.1;")
                .append(first.finessEj()).append(';').append(extraction).append(';').append(month.atDay(1)).append(';')
                .append(month.atEndOfMonth()).append('\n');
        for (GeneratedEssms e : organisation) {
            if (settings.samePersons()) {
                writeStableEssms(files, e, month);
            } else {
                writeEssms(files, e, month);
            }
        }
        Map<String, byte[]> contents = new LinkedHashMap<>();
        for (Map.Entry<File, StringBuilder> f : files.entrySet()) {
            contents.put(f.getKey().fileName, f.getValue().toString().getBytes(StandardCharsets.UTF_8));
        }
        if (format == DatasetGenerator.Format.TDDUI) {
            Map<String, String> pivot = new HashMap<>();
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
    private void writeEssms(Map<File, StringBuilder> files, GeneratedEssms e, YearMonth month) {
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
            writeEvents(files, f, record, p, month, start, days, usage, random);
        }
        if (settings.invalidRate() > 0 && random.nextDouble() < settings.invalidRate() * persons) {
            // a row with an impossible date: rejected, the others kept
            line(files, File.AGENDA, f, "D0", "E-invalide-" + month, month + "-32", "PREVU", "");
        }
    }

    /**
     * One ESSMS's month with the same persons as the month before ({@link StablePopulation}): its stays, records
     * and projects resent, updated or not; the dated rows of each person within its days in the ESSMS that month.
     */
    private void writeStableEssms(Map<File, StringBuilder> files, GeneratedEssms e, YearMonth month) {
        SplittableRandom random = new SplittableRandom(settings.seed() * 31 + e.index() * 1_000_003L
                + month.getYear() * 12L + month.getMonthValue());
        StablePopulation population = populations.computeIfAbsent(e.index(), i -> {
            SplittableRandom stable = new SplittableRandom(settings.seed() * 17 + e.index());
            int persons = Math.max(3, (int) (e.kind().persons() * (0.6 + 0.8 * stable.nextDouble())));
            double usage = Math.min(1.0, e.kind().usage() + (stable.nextDouble() - 0.5) * 0.2);
            return new StablePopulation(persons, usage, month, stable);
        });
        boolean anonymity = e.kind().category().equals("197");
        String f = e.finess();
        LocalDate start = month.atDay(1);
        List<StablePopulation.Stay> stays = population.advance(month, random);
        for (StablePopulation.Stay s : stays) {
            int p = s.number();
            String record = s.dossierId();
            line(files, File.USAGERS, f, s.usagerId(), s.entry(), s.exit() == null ? "" : s.exit(),
                    anonymity && p % 5 == 0 ? "ANONYMAT" : "");
            line(files, File.DOSSIERS, f, record, s.usagerId(), s.entry(), s.lastUpdate());
            if (p % 200 == 7) {
                // a duplicate row, as some editors send
                line(files, File.DOSSIERS, f, record, s.usagerId(), s.entry(), s.lastUpdate());
            }
            LocalDate from = s.entry().isAfter(start) ? s.entry() : start;
            LocalDate until = s.exit() == null ? month.atEndOfMonth() : s.exit();
            int days = (int) (until.toEpochDay() - from.toEpochDay()) + 1;
            if (s.updatedThisMonth()) {
                int modifications = 1 + random.nextInt(4);
                for (int k = 0; k < modifications; k++) {
                    line(files, File.MODIFICATIONS, f, record, from.plusDays(random.nextInt(days)));
                }
            }
            if (s.pp() != StablePopulation.PpStatus.NONE) {
                line(files, File.PP, f, record, s.ppId(), s.pp(), s.ppStart() == null ? "" : s.ppStart(),
                        s.ppEnd() == null ? "" : s.ppEnd());
            }
            writeEvents(files, f, record, p, month, from, days, population.usage(), random);
        }
        if (settings.invalidRate() > 0 && random.nextDouble() < settings.invalidRate() * stays.size()) {
            line(files, File.AGENDA, f, "D0", "E-invalide-" + month, month + "-32", "PREVU", "");
        }
    }

    /** The person's dated rows of the month: agenda, MSS, DMP and the counters, with ids of the month. */
    private void writeEvents(Map<File, StringBuilder> files, String f, String record, int p, YearMonth month,
                             LocalDate start, int days, double usage, SplittableRandom random) {
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
