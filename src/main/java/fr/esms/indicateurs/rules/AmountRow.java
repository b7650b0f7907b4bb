package fr.esms.indicateurs.rules;

/**
 * One line of a rules version's solde amounts ({@code montants.csv}), per ESSMS, in whole euros.
 *
 * @param funding          the project's financing type ({@code ACQUISITION}, {@code MONTEE_VERSION})
 * @param fromRank         the line applies to the ESSMS of this rank and after (until a line with a higher rank)
 * @param segurReferenced  null: whatever the software; else only for a software Ségur-referenced (true) or not
 * @param usage            the usage amount
 * @param software         the software (equipment) amount
 */
public record AmountRow(String funding, int fromRank, Boolean segurReferenced, long usage, long software) {
}
