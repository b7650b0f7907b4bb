package fr.esms.indicateurs.ingest.tddui;

import fr.esms.indicateurs.rules.Finess;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;

/** The FINESS checks of the pivot format (format, Luhn key, referential), for the ESSMS a resource belongs to. */
final class FinessCheck {

    private final Predicate<String> inReferential;
    private final Map<String, Finess.Verdict> verdicts = new HashMap<>();
    /** Corsican FINESS met, whose key is not checked: one warning each. */
    private final TreeSet<String> keyUnchecked = new TreeSet<>();

    FinessCheck(Predicate<String> inReferential) {
        this.inReferential = inReferential;
    }

    String check(String finess, String element) throws Defect {
        if (finess == null) {
            throw new Defect(element, "ESSMS introuvable : identifiant sans préfixe de structure (1 ou 3 puis le"
                    + " FINESS, puis « / »), ni usager rattaché à un ESSMS");
        }
        Finess.Verdict verdict = verdicts.computeIfAbsent(finess, Finess::check);
        if (!Finess.isAcceptable(verdict)) {
            throw new Defect(element, Finess.explain(verdict) + " (FINESS " + finess + ")");
        }
        if (!inReferential.test(finess)) {
            throw new Defect(element, "ESSMS " + finess + " absent du référentiel (essms.csv)");
        }
        if (verdict == Finess.Verdict.VALID_KEY_UNCHECKED) {
            keyUnchecked.add(finess);
        }
        return finess;
    }

    /** The Corsican FINESS met since the last call. */
    TreeSet<String> drainKeyUnchecked() {
        TreeSet<String> met = new TreeSet<>(keyUnchecked);
        keyUnchecked.clear();
        return met;
    }
}
