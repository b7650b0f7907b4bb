package fr.esms.indicateurs.solde;

import fr.esms.indicateurs.rules.IndicatorResult;
import fr.esms.indicateurs.rules.MeasureWindow;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The canonical CSV of a solde's figures, whose SHA-256 the proof states. The same database, project, month and
 * windows always give the same bytes: UTF-8 without BOM, {@code ;} delimiter, LF line ends (also after the last
 * row), a header row, RFC 4180 quoting only where a value holds {@code ;}, {@code "} or a line break. Integers
 * without separators, rates with one decimal and a {@code .} (as in {@code indicateurs/AAAA-MM.csv}), dates
 * {@code AAAA-MM-JJ}, absent values empty. Every row names the rules version and the SHA-256 of its files. Rows, in
 * this order:
 * <ol>
 *   <li>one {@code PROJET} row: decision and project amounts;</li>
 *   <li>for each ESSMS in rank order, one {@code ESSMS} row (rank, decision, amounts) followed by its five
 *       {@code INDICATEUR} rows in the spec's order (window, figures, target, attainment, gap, and the closed
 *       revision the figure comes from: empty when the window is not closed, the figure then provisional).</li>
 * </ol>
 */
public final class SoldeCsv {

    public static final List<String> HEADER = List.of("ligne", "projet", "mois", "version_regles", "empreinte_regles",
            "rang", "finess",
            "indicateur", "fenetre_debut", "fenetre_fin", "numerateur", "denominateur_brut", "ajustement",
            "denominateur", "taux", "cible", "atteinte", "manque", "decision", "montant_usage", "montant_equipement",
            "montant_total", "avance", "solde", "solde_a_verser", "revision");

    private SoldeCsv() {
    }

    public static byte[] render(ProjectSolde solde) {
        StringBuilder csv = new StringBuilder();
        line(csv, HEADER);
        String project = solde.project().projetId();
        String month = solde.windows().month().toString();
        String rules = solde.rulesVersion();
        String fingerprint = solde.rules().fingerprint();
        line(csv, List.of("PROJET", project, month, rules, fingerprint, "", "", "", "", "", "", "", "", "", "", "", "", "",
                solde.decision().name(), n(solde.amounts().usage()), n(solde.amounts().equipment()),
                n(solde.amounts().total()), n(solde.advance()), n(solde.solde()), n(solde.soldeDue()), ""));
        for (EssmsSolde e : solde.essms()) {
            line(csv, List.of("ESSMS", project, month, rules, fingerprint, n(e.rank()), e.finess(), "", "", "", "", "", "", "",
                    "", "", "", "", e.decision().name(), n(e.amounts().usage()), n(e.amounts().equipment()),
                    n(e.amounts().total()), "", "", "", ""));
            for (IndicatorResult r : e.results()) {
                MeasureWindow w = solde.windows().of(r.indicator());
                line(csv, List.of("INDICATEUR", project, month, rules, fingerprint, n(e.rank()), e.finess(), r.indicator().name(),
                        w.start().toString(), w.end().toString(), n(r.numerator()), n(r.rawDenominator()),
                        n(r.adjustment()), n(r.denominator()), text(r.rate()), n(r.target()),
                        r.attainment() == null ? "" : r.attainment().name(), n(r.gap()), "", "", "", "", "", "", "",
                        n(solde.revisions().of(e.finess(), r.indicator()))));
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Lower-case hexadecimal SHA-256. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 indisponible", e);
        }
    }

    /** The {@code .sha256} file beside the CSV, in the format {@code sha256sum -c} checks. */
    public static byte[] checksumFile(String sha256, String csvFileName) {
        return (sha256 + "  " + csvFileName + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder csv, List<String> values) {
        List<String> quoted = new ArrayList<>(values.size());
        for (String v : values) {
            quoted.add(v.contains(";") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                    ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
        }
        csv.append(String.join(";", quoted)).append('\n');
    }

    private static String n(Number value) {
        return value == null ? "" : value.toString();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
