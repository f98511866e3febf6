package id.rapor.http.json;

import com.fasterxml.jackson.core.JsonGenerator;
import id.rapor.api.records.AssessmentRecord;
import id.rapor.api.records.Evidence;
import id.rapor.api.records.Unit;
import java.io.IOException;
import java.util.List;

/** The records as JSON: units, and assessments with their score exactly as it was given. */
public final class RecordViews {
    private RecordViews() {}

    public static void unit(JsonGenerator g, Unit u) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", u.id());
        g.writeStringField("name", u.name());
        g.writeStringField("kind", u.kind().wire());
        if (u.parent() == null) g.writeNullField("parent"); else g.writeStringField("parent", u.parent());
        g.writeBooleanField("active", u.active());
        g.writeEndObject();
    }

    public static void units(JsonGenerator g, List<Unit> units) throws IOException {
        g.writeStartArray();
        for (Unit u : units) unit(g, u);
        g.writeEndArray();
    }

    /** One assessment; {@code official} says, in a list, whether it is its round's official score. */
    public static void assessment(JsonGenerator g, AssessmentRecord a, Boolean official) throws IOException {
        g.writeStartObject();
        g.writeNumberField("id", a.id());
        g.writeStringField("unit", a.unitId());
        g.writeStringField("family", a.family());
        g.writeNumberField("year", a.year());
        g.writeStringField("role", a.role().wire());
        g.writeStringField("state", a.state().wire());
        if (official != null) g.writeBooleanField("official", official);
        g.writeObjectFieldStart("methodology");
        g.writeStringField("id", a.score().methodologyId());
        g.writeStringField("version", a.score().methodologyVersion());
        if (a.score().revision() == null) g.writeNullField("revision"); else g.writeNumberField("revision", a.score().revision());
        g.writeEndObject();
        g.writeNumberField("index", a.score().index());
        g.writeObjectFieldStart("band");
        g.writeStringField("code", a.score().bandCode());
        if (a.score().bandLabel() != null) g.writeStringField("label", a.score().bandLabel());
        g.writeEndObject();
        if (a.comment() == null) g.writeNullField("comment"); else g.writeStringField("comment", a.comment());
        if (a.replaces() == null) g.writeNullField("replaces"); else g.writeNumberField("replaces", a.replaces());
        if (a.rescoredFrom() == null) g.writeNullField("rescoredFrom"); else g.writeNumberField("rescoredFrom", a.rescoredFrom());
        g.writeStringField("createdBy", a.createdBy());
        g.writeStringField("createdAt", a.createdAt().toString());
        g.writeStringField("updatedBy", a.updatedBy());
        g.writeStringField("updatedAt", a.updatedAt().toString());
        // Stored JSON, written as it was produced: the answers as entered and the score as it was given.
        g.writeFieldName("input");
        g.writeRawValue(a.input());
        g.writeFieldName("score");
        g.writeRawValue(a.score().document());
        g.writeEndObject();
    }

    /** A unit's assessments; those in {@code official} are their round's official score. */
    public static void assessments(JsonGenerator g, List<AssessmentRecord> list, java.util.Set<Long> official) throws IOException {
        g.writeStartArray();
        for (AssessmentRecord a : list) assessment(g, a, official.contains(a.id()));
        g.writeEndArray();
    }

    /** One evidence file: what it is (detected from its content), its SHA-256, who attached it, and where to download it. */
    public static void evidence(JsonGenerator g, Evidence e) throws IOException {
        g.writeStartObject();
        g.writeStringField("indicator", e.indicator());
        g.writeStringField("name", e.name());
        g.writeStringField("mediaType", e.mediaType());
        g.writeNumberField("size", e.size());
        g.writeStringField("sha256", e.sha256());
        g.writeStringField("storedBy", e.storedBy());
        g.writeStringField("storedAt", e.storedAt().toString());
        g.writeStringField("href", evidenceHref(e));
        g.writeEndObject();
    }

    public static void evidenceList(JsonGenerator g, List<Evidence> list) throws IOException {
        g.writeStartArray();
        for (Evidence e : list) evidence(g, e);
        g.writeEndArray();
    }

    /** Where the file is downloaded: its indicator and name percent-encoded as path segments. */
    public static String evidenceHref(Evidence e) {
        return "/api/v1/assessments/" + e.assessmentId() + "/evidence/" + segment(e.indicator()) + "/" + segment(e.name());
    }

    private static String segment(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The records' audit trail, newest first. */
    public static void changes(JsonGenerator g, List<id.rapor.api.records.RecordChange> changes) throws IOException {
        g.writeStartArray();
        for (var c : changes) {
            g.writeStartObject();
            g.writeNumberField("id", c.id());
            g.writeStringField("time", c.time().toString());
            g.writeStringField("user", c.user());
            g.writeStringField("address", c.address());
            g.writeStringField("action", c.action());
            g.writeStringField("subject", c.subject());
            g.writeStringField("detail", c.detail());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
