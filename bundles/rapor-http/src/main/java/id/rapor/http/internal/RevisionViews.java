package id.rapor.http.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import id.rapor.api.model.Revision;
import id.rapor.api.model.RuleError;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** The JSON shapes of rule revisions and the audit trail. */
final class RevisionViews {
    private RevisionViews() {}

    static void list(JsonGenerator g, List<Revision> revisions) throws IOException {
        g.writeStartArray();
        for (Revision r : revisions) revision(g, r, false);
        g.writeEndArray();
    }

    static void revision(JsonGenerator g, Revision r, boolean withFiles) throws IOException {
        g.writeStartObject();
        g.writeNumberField("revision", r.number());
        g.writeStringField("state", r.state().name());
        g.writeStringField("hash", r.hash());
        g.writeStringField("author", r.author());
        g.writeStringField("time", r.time().toString());
        g.writeStringField("comment", r.comment());
        g.writeStringField("version", r.version());
        g.writeArrayFieldStart("errors");
        for (RuleError e : r.errors()) {
            g.writeStartObject();
            g.writeStringField("file", e.file());
            g.writeNumberField("line", e.line());
            g.writeNumberField("column", e.column());
            g.writeStringField("message", e.message());
            g.writeEndObject();
        }
        g.writeEndArray();
        if (withFiles) {
            g.writeObjectFieldStart("files");
            for (Map.Entry<String, String> f : r.files().entrySet()) g.writeStringField(f.getKey(), f.getValue());
            g.writeEndObject();
        }
        g.writeEndObject();
    }
}
