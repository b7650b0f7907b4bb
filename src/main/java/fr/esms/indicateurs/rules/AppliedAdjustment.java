package fr.esms.indicateurs.rules;

/** An adjustment that reduced a denominator; {@code count} persons were removed. */
public record AppliedAdjustment(Indicator indicator, String code, String label, long count,
                                AdjustmentSource source, String reference) {
}
