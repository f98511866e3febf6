package id.rapor.http.json;

import com.fasterxml.jackson.core.JsonGenerator;
import id.rapor.api.records.AssessmentRecord;
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
}
