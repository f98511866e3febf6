/**
 * A round's assessments as one sheet: one row per unit and role, one column per indicator
 * ({@link id.rapor.exchange.round.RoundColumns}); written by {@link id.rapor.exchange.round.RoundExport},
 * read back, every wrong cell reported, by {@link id.rapor.exchange.round.RoundImport}.
 */
package id.rapor.exchange.round;
