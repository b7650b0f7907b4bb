package fr.esms.indicateurs.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One ESSMS of a synthetic dataset: its FINESS, its organisme gestionnaire's, its kind, département and editor.
 * The organismes gestionnaires group {@link #PER_ORGANISATION} ESSMS each, in order.
 */
record GeneratedEssms(int index, String finess, String finessEj, Kind kind, String departement, String editor) {

    /** A kind of ESSMS: FINESS category, typical file active, and how well it uses its DUI. */
    record Kind(String category, String label, int persons, double usage) {
    }

    static final int PER_ORGANISATION = 5;

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

    /** The dataset's ESSMS, the same for the same seed and number. */
    static List<GeneratedEssms> population(DatasetGenerator.Settings settings) {
        List<GeneratedEssms> list = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(settings.seed());
        for (int i = 0; i < settings.essms(); i++) {
            int organisation = i / PER_ORGANISATION;
            List<String> chosen = settings.departements();
            int dept = 1 + (organisation % 95);
            String departement = chosen.isEmpty() ? String.format("%02d", dept == 20 ? 21 : dept)
                    : chosen.get(organisation % chosen.size());
            Kind kind = pickKind(random.nextInt(1000));
            list.add(new GeneratedEssms(i, finess(departement, 1_000_000 + 2 * i),
                    finess(departement, 1 + 2 * organisation), kind, departement,
                    EDITORS[organisation % EDITORS.length]));
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
}
