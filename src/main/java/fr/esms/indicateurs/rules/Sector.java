package fr.esms.indicateurs.rules;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Sectors of the programme, decided by the FINESS category of the ESSMS (rules version 2025). */
public enum Sector {
    PA("Personnes âgées", "500", "501", "502", "202", "207", "381"),
    PH("Personnes handicapées", "182", "183", "186", "188", "189", "190", "192", "194", "195", "196", "198",
            "238", "246", "249", "252", "253", "255", "370", "377", "379", "382", "390", "395", "396", "402",
            "437", "445", "446", "448", "449", "464"),
    DOM("Domicile", "354", "209", "460", "640"),
    PDE("Protection de l'enfance", "166", "172", "175", "176", "177", "236", "241", "286", "295", "378", "440",
            "441", "462", "643", "644"),
    PDS("Personnes en difficultés spécifiques", "165", "178", "180", "197", "213", "608"),
    AHI("Accueil, hébergement, insertion", "214", "219", "256", "257", "258", "259", "442", "443"),
    PJM("Protection juridique des majeurs", "340", "341", "342", "344"),
    /** A category outside the table: reported, never an error. */
    AUTRE("Autre");

    private static final Map<String, Sector> BY_CATEGORY = Stream.of(values())
            .flatMap(s -> s.categories.stream().map(c -> Map.entry(c, s)))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    private final String label;
    private final Set<String> categories;

    Sector(String label, String... categories) {
        this.label = label;
        this.categories = Set.of(categories);
    }

    public String label() {
        return label;
    }

    public static Sector ofCategory(String category) {
        return category == null ? AUTRE : BY_CATEGORY.getOrDefault(category.trim(), AUTRE);
    }
}
