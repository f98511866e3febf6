package id.rapor.exchange.tables;

import id.rapor.api.text.Message;

/**
 * A wrong cell (or row, or sheet) of edited tables: the table, the row as the editor showed it
 * (a workbook's row number, the header being row 1; 0: the whole table), the column's name (null:
 * the whole row) and what is wrong, in the catalog's words.
 */
public record TableProblem(String table, int row, String column, Message message) {}
