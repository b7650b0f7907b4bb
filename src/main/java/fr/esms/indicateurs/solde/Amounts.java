package fr.esms.indicateurs.solde;

/** Subsidy amounts in whole euros: usage and software equipment. */
public record Amounts(long usage, long equipment) {

    public static final Amounts ZERO = new Amounts(0, 0);

    public long total() {
        return usage + equipment;
    }

    public Amounts plus(Amounts other) {
        return new Amounts(usage + other.usage, equipment + other.equipment);
    }
}
