/**
 * A methodology's tables (the CSV files under {@code methodology/} of a rule bundle or revision) as
 * tables: read, written as an Excel workbook of a sheet per table, and edited tables (a workbook's
 * sheets, or rows sent as JSON) turned back into the files of a proposed revision. Tables are data:
 * nothing here reads or writes rule text.
 */
package id.rapor.exchange.tables;
