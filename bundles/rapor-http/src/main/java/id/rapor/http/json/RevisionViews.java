package id.rapor.http.json;

import com.fasterxml.jackson.core.JsonGenerator;
import id.rapor.api.model.Revision;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** The JSON shapes of rule revisions: listings, one revision, an impact preview, a diff. */
public final class RevisionViews {
    private RevisionViews() {}

    public static void impact(JsonGenerator g, id.rapor.api.model.Impact impact, List<id.rapor.api.model.UnitOutcome> unreadable, id.rapor.api.text.Language language) throws IOException {
        g.writeStartObject();
        g.writeStringField("methodology", impact.methodologyId());
        g.writeStringField("activeVersion", impact.activeVersion());
        g.writeStringField("candidateVersion", impact.candidateVersion());
        g.writeNumberField("unchanged", impact.unchanged());
        g.writeArrayFieldStart("changed");
        for (var c : impact.changed()) {
            g.writeStartObject();
            g.writeStringField("unit", c.unit());
            oldNewDelta(g, c);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("errors");
        for (var u : unreadable) errors(g, u, language);
        for (var u : impact.errors()) errors(g, u, language);
        g.writeEndArray();
        g.writeEndObject();
    }

    /**
     * The impact of a revision on the stored official assessments: each line names its assessment,
     * unit, round and role, the score it was stored with, and what serves now and the revision give.
     */
    public static void storedImpact(JsonGenerator g, int revision, Integer year, String region, id.rapor.api.model.Impact impact,
            Map<String, id.rapor.http.resource.StoredImpactResource.Stored> stored, id.rapor.api.text.Language language) throws IOException {
        g.writeStartObject();
        g.writeStringField("methodology", impact.methodologyId());
        g.writeNumberField("revision", revision);
        if (year == null) g.writeNullField("year"); else g.writeNumberField("year", year);
        g.writeStringField("region", region);
        g.writeStringField("activeVersion", impact.activeVersion());
        g.writeStringField("candidateVersion", impact.candidateVersion());
        g.writeNumberField("assessments", stored.size());
        g.writeNumberField("unchanged", impact.unchanged());
        g.writeArrayFieldStart("changed");
        for (var c : impact.changed()) {
            var s = stored.get(c.unit());
            g.writeStartObject();
            storedFields(g, s);
            g.writeObjectFieldStart("stored");
            g.writeFieldName("index");
            g.writeNumber(s.record().score().index().toPlainString());
            g.writeStringField("band", s.record().score().bandCode());
            g.writeStringField("version", s.record().score().methodologyVersion());
            g.writeEndObject();
            oldNewDelta(g, c);
            g.writeBooleanField("bandChanges", !c.oldBand().equals(c.newBand()));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("errors");
        for (var u : impact.errors()) {
            g.writeStartObject();
            storedFields(g, stored.get(u.unit()));
            JsonViews.fieldErrors(g, u.errors(), language);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** A unit's index and band under the rules serving ({@code old}) and the revision ({@code new}), and the difference. */
    private static void oldNewDelta(JsonGenerator g, id.rapor.api.model.ImpactLine c) throws IOException {
        g.writeObjectFieldStart("old");
        g.writeFieldName("index");
        g.writeNumber(c.oldIndex().toPlainString());
        g.writeStringField("band", c.oldBand());
        g.writeEndObject();
        g.writeObjectFieldStart("new");
        g.writeFieldName("index");
        g.writeNumber(c.newIndex().toPlainString());
        g.writeStringField("band", c.newBand());
        g.writeEndObject();
        g.writeFieldName("delta");
        g.writeNumber(c.delta().toPlainString());
    }

    private static void storedFields(JsonGenerator g, id.rapor.http.resource.StoredImpactResource.Stored s) throws IOException {
        g.writeNumberField("assessment", s.record().id());
        g.writeStringField("unit", s.record().unitId());
        g.writeStringField("name", s.unitName());
        g.writeNumberField("year", s.record().year());
        g.writeStringField("role", s.record().role().wire());
    }

    private static void errors(JsonGenerator g, id.rapor.api.model.UnitOutcome u, id.rapor.api.text.Language language) throws IOException {
        g.writeStartObject();
        g.writeStringField("outcome", "refused");
        g.writeStringField("unit", u.unit());
        JsonViews.fieldErrors(g, u.errors(), language);
        g.writeEndObject();
    }

    public static void diff(JsonGenerator g, int from, int to, List<id.rapor.api.model.Change> changes) throws IOException {
        g.writeStartObject();
        g.writeNumberField("from", from);
        g.writeNumberField("to", to);
        g.writeArrayFieldStart("changes");
        for (var c : changes) {
            g.writeStartObject();
            g.writeStringField("file", c.file());
            g.writeStringField("kind", c.kind());
            g.writeStringField("key", c.key());
            g.writeStringField("before", c.before());
            g.writeStringField("after", c.after());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    public static void list(JsonGenerator g, List<Revision> revisions) throws IOException {
        g.writeStartArray();
        for (Revision r : revisions) revision(g, r, false);
        g.writeEndArray();
    }

    public static void revision(JsonGenerator g, Revision r, boolean withFiles) throws IOException {
        revision(g, r, withFiles, null);
    }

    /** {@code sameAs}: the answer to a proposal identical to this existing revision (its number), else null. */
    public static void revision(JsonGenerator g, Revision r, boolean withFiles, Integer sameAs) throws IOException {
        g.writeStartObject();
        g.writeNumberField("revision", r.number());
        g.writeStringField("state", r.state().name());
        g.writeStringField("hash", r.hash());
        g.writeStringField("author", r.author());
        g.writeStringField("time", r.time().toString());
        g.writeStringField("comment", r.comment());
        g.writeStringField("version", r.version());
        JsonViews.ruleErrors(g, r.errors());
        // Golden cases its tables moved, expected beside given: acceptable with POST …/accept-golden.
        g.writeArrayFieldStart("goldenChanges");
        for (var c : r.goldenChanges()) {
            g.writeStartObject();
            g.writeStringField("case", c.caseName());
            g.writeNumberField("line", c.line());
            g.writeObjectFieldStart("expected");
            g.writeFieldName("index");
            g.writeNumber(c.oldIndex().toPlainString());
            g.writeStringField("band", c.oldBand());
            g.writeEndObject();
            g.writeObjectFieldStart("given");
            g.writeFieldName("index");
            g.writeNumber(c.newIndex().toPlainString());
            g.writeStringField("band", c.newBand());
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("approvedBy", r.approvedBy());
        g.writeStringField("approvedAt", r.approvedAt() == null ? null : r.approvedAt().toString());
        if (sameAs != null) g.writeNumberField("sameAs", sameAs);
        if (withFiles) {
            g.writeObjectFieldStart("files");
            for (Map.Entry<String, String> f : r.files().entrySet()) g.writeStringField(f.getKey(), f.getValue());
            g.writeEndObject();
        }
        g.writeEndObject();
    }
}
