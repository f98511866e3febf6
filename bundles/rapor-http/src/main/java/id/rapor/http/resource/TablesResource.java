package id.rapor.http.resource;

import id.rapor.api.RuleRevisions;
import id.rapor.api.UnknownMethodologyException;
import id.rapor.api.UnknownRevisionException;
import id.rapor.api.model.Revision;
import id.rapor.api.model.RuleError;
import id.rapor.api.text.Message;
import id.rapor.exchange.sheet.SheetFormat;
import id.rapor.exchange.tables.MethodologyTable;
import id.rapor.exchange.tables.MethodologyTables;
import id.rapor.http.api.Routes;
import id.rapor.http.auth.Guard;
import id.rapor.http.json.HttpProblem;
import id.rapor.http.json.JsonResponses;
import id.rapor.api.FieldError;
import java.io.IOException;
import java.util.List;

/**
 * GET /methodologies/{id}/tables: a methodology's tables (those serving, or a revision's) as JSON,
 * each row with its line in the file and the revision's errors placed at their table, row and
 * column; or as an Excel workbook of a sheet per table, to edit and send back as a revision
 * (POST /methodologies/{id}/revisions, the workbook as the body). Policy staff only, like the
 * revisions whose files they are.
 */
public final class TablesResource {
    private final RuleRevisions revisions;
    private final TableEdits edits;
    private final Guard guard;
    private final JsonResponses out;

    TablesResource(RuleRevisions revisions, TableEdits edits, Guard guard, JsonResponses out) {
        this.revisions = revisions;
        this.edits = edits;
        this.guard = guard;
        this.out = out;
    }

    public static TablesResource of(RuleRevisions revisions, id.rapor.exchange.sheet.SheetReader reader, Guard guard, JsonResponses out) {
        return new TablesResource(revisions, new TableEdits(revisions, reader), guard, out);
    }

    TableEdits edits() { return edits; }

    /** GET /methodologies/{id}/tables?revision=&format=json|xlsx (revision: default what serves now). */
    public void tables(Routes.Exchange x) throws IOException, HttpProblem {
        String id = x.path("id");
        String asked = x.request().getParameter("revision");
        Integer number = asked == null || asked.isBlank() ? null : RevisionsResource.number(asked.trim());
        guard.require(x.request(), "policy", "tables.read", id, number);
        boolean xlsx = xlsx(x);
        Revision r;
        try {
            r = number == null ? edits.serving(id) : revisions.revision(id, number);
        } catch (UnknownMethodologyException | UnknownRevisionException e) {
            throw RevisionsResource.refused(id, e);
        }
        List<MethodologyTable> tables = MethodologyTables.of(r.files());
        if (xlsx) {
            x.response().setStatus(200);
            x.response().setContentType(SheetFormat.XLSX.mediaType());
            x.response().setHeader("Content-Disposition", "attachment; filename=\"" + id + "-" + r.version() + ".xlsx\"");
            MethodologyTables.workbook(x.response().getOutputStream(), tables);
            return;
        }
        out.send(x.response(), 200, g -> {
            g.writeStartObject();
            g.writeStringField("methodology", id);
            g.writeNumberField("revision", r.number());
            g.writeStringField("version", r.version());
            g.writeStringField("state", r.state().name());
            g.writeArrayFieldStart("tables");
            for (MethodologyTable t : tables) {
                g.writeStartObject();
                g.writeStringField("name", t.name());
                g.writeStringField("file", t.file());
                g.writeArrayFieldStart("columns");
                for (String c : t.header()) g.writeString(c);
                g.writeEndArray();
                g.writeArrayFieldStart("rows");
                for (var row : t.rows()) {
                    g.writeStartObject();
                    g.writeNumberField("line", row.number());
                    g.writeArrayFieldStart("cells");
                    for (int c = 0; c < t.header().size(); c++) g.writeString(row.cell(c));
                    g.writeEndArray();
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            // The revision's errors where they are: which table, which row, which column (null: the whole row or table).
            g.writeArrayFieldStart("errors");
            for (RuleError e : r.errors()) {
                MethodologyTable t = tables.stream().filter(each -> each.file().equals(e.file())).findFirst().orElse(null);
                int row = t == null || e.line() <= 0 ? -1 : t.rowAtLine(e.line());
                g.writeStartObject();
                g.writeStringField("file", e.file());
                g.writeNumberField("line", e.line());
                g.writeNumberField("column", e.column());
                g.writeStringField("message", e.message());
                g.writeStringField("table", t == null ? null : t.name());
                if (row < 0) g.writeNullField("row"); else g.writeNumberField("row", row);
                g.writeStringField("cell", t == null || e.column() <= 0 || e.column() > t.header().size() ? null : t.header().get(e.column() - 1));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** {@code format=xlsx}, or an Accept naming the workbook's type; else JSON. */
    private static boolean xlsx(Routes.Exchange x) throws HttpProblem {
        String asked = x.request().getParameter("format");
        if (asked != null && !asked.isBlank()) {
            if (asked.trim().equalsIgnoreCase("json")) return false;
            if (asked.trim().equalsIgnoreCase("xlsx")) return true;
            throw HttpProblem.of(400, "malformed-request", Message.of("problem.malformed-request.detail.query"),
                    List.of(FieldError.of("format", "tables.format.unknown", asked)));
        }
        String accept = x.request().getHeader("Accept");
        return accept != null && accept.contains(SheetFormat.XLSX.mediaType());
    }
}
