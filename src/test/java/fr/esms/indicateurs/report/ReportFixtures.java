package fr.esms.indicateurs.report;

import fr.esms.indicateurs.rules.AdjustmentSource;
import fr.esms.indicateurs.rules.AppliedAdjustment;
import fr.esms.indicateurs.rules.Attainment;
import fr.esms.indicateurs.rules.EssmsMeasure;
import fr.esms.indicateurs.rules.Indicator;
import fr.esms.indicateurs.rules.IndicatorResult;
import fr.esms.indicateurs.rules.MeasureWindow;
import fr.esms.indicateurs.rules.RefusedAdjustment;
import fr.esms.indicateurs.rules.Sector;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Hand-made measures and identities, following the rules of {@code indicateurs.md}. */
final class ReportFixtures {

    static final YearMonth MONTH = YearMonth.of(2025, 3);
    static final LocalDate TODAY = LocalDate.of(2025, 4, 12);
    static final Clock CLOCK = Clock.fixed(TODAY.atStartOfDay(ZoneId.of("Europe/Paris")).toInstant(),
            ZoneId.of("Europe/Paris"));

    private ReportFixtures() {
    }

    /** A rated result; {@code target} null means exempted. Attainment and gap as the rules decide them. */
    static IndicatorResult rated(Indicator indicator, long numerator, long rawDenominator, long adjustment,
                                 Integer target) {
        long denominator = Math.max(0, rawDenominator - adjustment);
        if (target == null) {
            return new IndicatorResult(indicator, numerator, rawDenominator, adjustment, denominator, null,
                    Attainment.EXEMPTE, 0);
        }
        if (denominator == 0) {
            return new IndicatorResult(indicator, numerator, rawDenominator, adjustment, denominator, target,
                    Attainment.NC, 0);
        }
        long missing = (long) target * denominator - numerator * 100;
        long gap = missing <= 0 ? 0 : (missing + 99) / 100;
        return new IndicatorResult(indicator, numerator, rawDenominator, adjustment, denominator, target,
                gap == 0 ? Attainment.OUI : Attainment.NON, gap);
    }

    static IndicatorResult counter(Indicator indicator, long count) {
        return new IndicatorResult(indicator, count, null, 0, null, null, null, 0);
    }

    /**
     * The mixed measure of most tests: Dossiers actifs reached (green), Projet personnalisé 82,2 % (orange,
     * 4 missing), Agenda 44,4 % (red, 21 missing), MSS 24 % (red, 23 missing), DMP not computable (grey).
     */
    static EssmsMeasure mixed(String finess) {
        List<IndicatorResult> results = List.of(
                rated(Indicator.DOSSIERS_ACTIFS, 45, 50, 0, 90),
                rated(Indicator.PROJET_PERSONNALISE, 37, 45, 0, 90),
                rated(Indicator.AGENDA, 20, 45, 0, 90),
                rated(Indicator.MSS, 12, 50, 0, 70),
                rated(Indicator.DMP, 0, 2, 2, 70),
                counter(Indicator.EPRESCRIPTION, 5),
                counter(Indicator.EPARCOURS, 1234));
        return new EssmsMeasure(finess, new MeasureWindow(MONTH, 3), "2025", Sector.PA, results,
                List.of(new AppliedAdjustment(Indicator.DMP, "ANONYMAT", "Personne accompagnée sous anonymat", 2,
                        AdjustmentSource.DECLARE, "Décision DNS-CNSA 2025-07")),
                List.of(new RefusedAdjustment(null, "INCONNU", AdjustmentSource.CODE_USAGER, 3,
                        "code inconnu du catalogue d'aménagements 2025")),
                List.of("2 personne(s) ont plusieurs dossiers actifs (doublons, comptées une fois)"));
    }

    /**
     * A measure from counts: accompanied persons, persons with an active record, then the numerators of PP,
     * agenda, MSS and DMP. Targets 90/90/90/70/70; MSS and DMP exempted for PJM.
     */
    static EssmsMeasure measure(String finess, Sector sector, YearMonth month, long accompanied, long active,
                                long pp, long agenda, long mss, long dmp) {
        Integer services = sector == Sector.PJM ? null : 70;
        List<IndicatorResult> results = new ArrayList<>(List.of(
                rated(Indicator.DOSSIERS_ACTIFS, active, accompanied, 0, 90),
                rated(Indicator.PROJET_PERSONNALISE, pp, active, 0, 90),
                rated(Indicator.AGENDA, agenda, active, 0, 90),
                rated(Indicator.MSS, mss, accompanied, 0, services),
                rated(Indicator.DMP, dmp, accompanied, 0, services),
                counter(Indicator.EPRESCRIPTION, 0),
                counter(Indicator.EPARCOURS, 0)));
        return new EssmsMeasure(finess, new MeasureWindow(month, 1), "2025", sector, results, List.of(), List.of(),
                List.of());
    }

    static EssmsIdentity identity(String finess, String name, String category, String departement,
                                  String project, String editor) {
        return new EssmsIdentity(finess, "350000014", name, category, null, departement, project,
                "Projet " + project, editor);
    }

    /** A valid FINESS number: département, six digits, Luhn key. */
    static String finess(String departement, int serial) {
        String body = departement + String.format("%06d", serial);
        for (int key = 0; key <= 9; key++) {
            if (luhn(body + key)) {
                return body + key;
            }
        }
        throw new IllegalStateException();
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
