package fr.esms.indicateurs.referential;

import fr.esms.indicateurs.referential.RulesCsv.Row;
import fr.esms.indicateurs.rules.AdjustmentCatalogue;
import fr.esms.indicateurs.rules.CatalogueEntry;
import fr.esms.indicateurs.rules.Indicator;
import fr.esms.indicateurs.rules.Sector;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads {@code catalogue-amenagements.csv}: {@code code;libelle;indicateurs;categories;secteurs;debut;fin;reference},
 * lists separated by {@code |}. Every value is checked: a known rated indicator, a FINESS category of three digits,
 * a sector of the programme, dates, a reference; a code may come back only for a period that does not overlap.
 */
final class CatalogueParser {

    static final String FILE = "catalogue-amenagements.csv";
    static final List<String> COLUMNS = List.of("code", "libelle", "indicateurs", "categories", "secteurs", "debut",
            "fin", "reference");

    private CatalogueParser() {
    }

    static AdjustmentCatalogue parse(String file, byte[] content) {
        List<CatalogueEntry> entries = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        for (Row row : RulesCsv.read(file, content, COLUMNS)) {
            String code = row.required("code");
            if (!code.matches("[A-Za-z0-9_.-]+")) {
                throw row.error("code", "« " + code + " » : lettres, chiffres, « _ », « - » ou « . » sans espace "
                        + "(le code tel que l'éditeur l'envoie)");
            }
            Set<Indicator> indicators = new LinkedHashSet<>();
            for (String value : row.list("indicateurs")) {
                Indicator indicator = Stream.of(Indicator.values()).filter(i -> i.name().equals(value.toUpperCase(
                        Locale.ROOT))).findFirst().orElseThrow(() -> row.error("indicateurs", "indicateur « " + value
                        + " » inconnu (" + rated() + ")"));
                if (!indicator.isRated()) {
                    throw row.error("indicateurs", "« " + value + " » est un compteur, sans dénominateur à ajuster ("
                            + rated() + ")");
                }
                indicators.add(indicator);
            }
            if (indicators.isEmpty()) {
                throw row.error("indicateurs", "au moins un indicateur attendu (" + rated() + ")");
            }
            Set<String> categories = new LinkedHashSet<>();
            for (String value : row.list("categories")) {
                if (!value.matches("\\d{3}")) {
                    throw row.error("categories", "catégorie FINESS « " + value + " » : trois chiffres attendus "
                            + "(ex. 500)");
                }
                categories.add(value);
            }
            Set<Sector> sectors = new LinkedHashSet<>();
            for (String value : row.list("secteurs")) {
                sectors.add(Stream.of(Sector.values()).filter(s -> s != Sector.AUTRE
                        && s.name().equals(value.toUpperCase(Locale.ROOT))).findFirst().orElseThrow(() ->
                        row.error("secteurs", "secteur « " + value + " » inconnu (" + sectorsList() + ")")));
            }
            if (categories.isEmpty() && sectors.isEmpty()) {
                throw row.error("categories", "ni catégorie ni secteur : le motif ne s'appliquerait à aucun ESSMS");
            }
            CatalogueEntry entry = new CatalogueEntry(code, row.required("libelle"), indicators, categories, sectors,
                    row.date("debut", false), row.date("fin", false), row.required("reference"));
            if (entry.inForceFrom() != null && entry.inForceUntil() != null
                    && entry.inForceUntil().isBefore(entry.inForceFrom())) {
                throw row.error("fin", "fin " + entry.inForceUntil() + " antérieure au début " + entry.inForceFrom());
            }
            for (int i = 0; i < entries.size(); i++) {
                CatalogueEntry other = entries.get(i);
                if (other.code().equals(code) && other.overlaps(entry)) {
                    throw row.error("code", "code " + code + " déjà présent ligne " + lines.get(i) + " sur une "
                            + "période qui chevauche celle-ci (" + period(other) + " et " + period(entry) + ") ; "
                            + "un même code ne revient que pour une autre période : fermez l'ancienne ligne "
                            + "(colonne fin) la veille du début de la nouvelle");
                }
            }
            entries.add(entry);
            lines.add(row.line());
        }
        return new AdjustmentCatalogue(entries);
    }

    private static String period(CatalogueEntry e) {
        return (e.inForceFrom() == null ? "…" : e.inForceFrom().toString()) + " → "
                + (e.inForceUntil() == null ? "…" : e.inForceUntil().toString());
    }

    static String rated() {
        return Stream.of(Indicator.values()).filter(Indicator::isRated).map(Enum::name)
                .collect(Collectors.joining(", "));
    }

    static String sectorsList() {
        return Stream.of(Sector.values()).filter(s -> s != Sector.AUTRE).map(Enum::name)
                .collect(Collectors.joining(", "));
    }
}
