package fr.esms.indicateurs.rules;

/**
 * An adjustment that was not applied, with the reason in French. {@code indicator} is null for a person-level
 * code that is unknown; {@code count} is the number of persons carrying the code, or the declared number.
 */
public record RefusedAdjustment(Indicator indicator, String code, AdjustmentSource source, long count,
                                String reason) {
}
