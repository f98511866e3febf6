/**
 * Sheets in and out: CSV in the comma or the Indonesian (semicolon, decimal comma) dialect and
 * Excel workbooks, read as rows numbered as the spreadsheet shows them, within limits. Nothing
 * here needs more than commons-csv and FastExcel, so rapor-cli uses it on a plain class path.
 */
package id.rapor.exchange.sheet;
