package id.rapor.http.resource;

import id.rapor.api.FieldError;
import id.rapor.api.MethodologyUnavailableException;
import id.rapor.api.RuleRevisions;
import id.rapor.api.UnknownMethodologyException;
import id.rapor.api.UnknownRevisionException;
import id.rapor.api.model.Revision;
import id.rapor.api.text.Message;
import id.rapor.exchange.sheet.Sheet;
import id.rapor.exchange.sheet.SheetException;
import id.rapor.exchange.sheet.SheetReader;
import id.rapor.exchange.tables.MethodologyTables;
import id.rapor.exchange.tables.TableProblem;
import id.rapor.exchange.tables.TablesRefusedException;
import id.rapor.http.json.HttpProblem;
import java.util.List;
import java.util.Map;

/**
 * Edited tables (a workbook's sheets, or rows sent as JSON) made into the files of a proposal,
 * over the tables serving now. Only tables' files can come of it: a workbook holds data, never rule
 * text. A wrong sheet, column or cell is 422 {@code invalid-tables} naming each; a workbook beyond
 * the import's limits (import.max.rows, import.max.unpacked.bytes) 413.
 */
final class TableEdits {
    /** How an edit names a wrong cell: a workbook's sheet, row and column, or a JSON body's path. */
    enum Where { WORKBOOK, JSON }

    private final RuleRevisions revisions;
    private final SheetReader reader;

    TableEdits(RuleRevisions revisions, SheetReader reader) {
        this.revisions = revisions;
        this.reader = reader;
    }

    /** What serves the methodology now, with its files: the active revision, else the rule bundles (revision 0). */
    Revision serving(String id) throws UnknownMethodologyException, UnknownRevisionException {
        return revisions.revision(id, revisions.serving(id).revision());
    }

    Map<String, Sheet> workbook(byte[] content) throws HttpProblem {
        try {
            return reader.readWorkbook(content);
        } catch (SheetException e) {
            Message said = Message.of("exchange.sheet." + e.reason(), e.args().toArray());
            boolean tooLarge = e.reason().equals("too-many-rows") || e.reason().equals("unpacked-too-large");
            throw HttpProblem.of(tooLarge ? 413 : 422, tooLarge ? "body-too-large" : "invalid-tables",
                    Message.of("problem.invalid-tables.detail.sheet", said), List.of(new FieldError("file", said)));
        }
    }

    /** The files the edit changes from what serves; none changed is 422 too (there is nothing to propose). */
    Map<String, String> files(String id, Map<String, Sheet> edited, Where where)
            throws HttpProblem, UnknownMethodologyException, MethodologyUnavailableException {
        Revision serving;
        try {
            serving = serving(id);
        } catch (UnknownRevisionException e) {
            throw MethodologyUnavailableException.compiling(id); // its active revision is being restored
        }
        try {
            Map<String, String> files = MethodologyTables.changedFiles(MethodologyTables.of(serving.files()), edited);
            if (files.isEmpty()) {
                throw HttpProblem.of(422, "invalid-tables", Message.of("problem.invalid-tables.detail", 1),
                        List.of(FieldError.of(where == Where.JSON ? "tables" : "file", "tables.unchanged", serving.version())));
            }
            return files;
        } catch (TablesRefusedException e) {
            throw HttpProblem.of(422, "invalid-tables", Message.of("problem.invalid-tables.detail", e.problems().size()),
                    e.problems().stream().map(p -> new FieldError(field(p, where), p.message())).toList());
        }
    }

    /** {@code sheet bands, row 7, column min}; in JSON, {@code tables.bands.rows[5].min}. */
    static String field(TableProblem p, Where where) {
        if (where == Where.WORKBOOK) {
            return "sheet " + p.table() + (p.row() > 0 ? ", row " + p.row() : "") + (p.column() != null ? ", column " + p.column() : "");
        }
        String at = "tables." + p.table();
        if (p.row() == 1) return at + ".columns" + (p.column() != null ? "." + p.column() : "");
        if (p.row() > 1) return at + ".rows[" + (p.row() - 2) + "]" + (p.column() != null ? "." + p.column() : "");
        return at;
    }
}
