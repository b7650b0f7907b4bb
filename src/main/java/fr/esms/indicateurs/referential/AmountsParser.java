package fr.esms.indicateurs.referential;

import fr.esms.indicateurs.referential.Project.FundingType;
import fr.esms.indicateurs.referential.RulesCsv.Row;
import fr.esms.indicateurs.rules.AmountRow;
import fr.esms.indicateurs.rules.AmountScale;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads {@code montants.csv}: {@code type_financement;a_partir_du_rang;logiciel_reference_segur;usage;logiciel},
 * amounts per ESSMS in whole euros. Each financing type starts at rank 1; a rank given per Ségur referencing has a
 * line for OUI and one for NON, and none for "whatever the software".
 */
final class AmountsParser {

    static final String FILE = "montants.csv";
    static final List<String> COLUMNS = List.of("type_financement", "a_partir_du_rang", "logiciel_reference_segur",
            "usage", "logiciel");
    /** Far above any project (a national one is a few thousand ESSMS). */
    private static final long MAX_AMOUNT = 10_000_000;

    private AmountsParser() {
    }

    static AmountScale parse(String file, byte[] content) {
        List<AmountRow> rows = new ArrayList<>();
        Map<String, Long> lineByKey = new HashMap<>();
        Map<String, Long> lastLine = new HashMap<>();
        for (Row row : RulesCsv.read(file, content, COLUMNS)) {
            String type = row.required("type_financement").toUpperCase(Locale.ROOT);
            if (Stream.of(FundingType.values()).noneMatch(f -> f.name().equals(type))) {
                throw row.error("type_financement", "« " + row.text("type_financement") + " » inconnu ("
                        + Stream.of(FundingType.values()).map(Enum::name).collect(Collectors.joining(", ")) + ")");
            }
            int fromRank = (int) row.number("a_partir_du_rang", 1, 100_000, "rang du premier ESSMS concerné");
            Boolean segur = row.yesNo("logiciel_reference_segur");
            long usage = row.number("usage", 0, MAX_AMOUNT, "montant en euros, sans espace ni décimale");
            long software = row.number("logiciel", 0, MAX_AMOUNT, "montant en euros, sans espace ni décimale");
            String key = type + "|" + fromRank + "|" + segur;
            Long previous = lineByKey.putIfAbsent(key, row.line());
            if (previous != null) {
                throw row.error("type_financement", "même type de financement, rang et référencement Ségur que la "
                        + "ligne " + previous + " : une seule ligne par cas");
            }
            rows.add(new AmountRow(type, fromRank, segur, usage, software));
            lastLine.put(type + "|" + fromRank, row.line());
        }
        Map<String, List<AmountRow>> byRank = rows.stream()
                .collect(Collectors.groupingBy(r -> r.funding() + "|" + r.fromRank()));
        byRank.forEach((key, same) -> {
            boolean any = same.stream().anyMatch(r -> r.segurReferenced() == null);
            boolean yes = same.stream().anyMatch(r -> Boolean.TRUE.equals(r.segurReferenced()));
            boolean no = same.stream().anyMatch(r -> Boolean.FALSE.equals(r.segurReferenced()));
            String[] parts = key.split("\\|");
            if (any && (yes || no) || yes != no) {
                throw RulesException.at(file, lastLine.get(key), "logiciel_reference_segur", parts[0]
                        + " à partir du rang " + parts[1] + " : soit une ligne sans référencement (vide), soit une "
                        + "ligne OUI et une ligne NON");
            }
        });
        for (FundingType funding : FundingType.values()) {
            if (rows.stream().noneMatch(r -> r.funding().equals(funding.name()) && r.fromRank() == 1)) {
                throw new RulesException("règles : fichier " + file + " : aucune ligne " + funding.name()
                        + " à partir du rang 1");
            }
        }
        return new AmountScale(rows);
    }
}
