package id.rapor.http.json;

import com.fasterxml.jackson.core.JsonGenerator;
import id.rapor.api.model.Band;
import id.rapor.api.monitoring.Change;
import id.rapor.api.monitoring.Figure;
import id.rapor.api.monitoring.History;
import id.rapor.api.monitoring.MethodVersion;
import id.rapor.api.monitoring.OfficialScore;
import id.rapor.api.monitoring.RoundView;
import id.rapor.api.monitoring.UnitRow;
import id.rapor.api.text.Message;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * The monitoring as JSON: a region's round and a unit's rounds. Indices and changes are written as
 * the methodology prints them (an index keeps its decimals: 95.00); with ?exact=true an object that
 * has a computed figure (a mean, a percent) also has {@code exact}: the same figures as computed.
 */
public final class MonitoringViews {
    private MonitoringViews() {}

    public static void round(JsonGenerator g, RoundView v, Audience audience) throws IOException {
        g.writeStartObject();
        g.writeFieldName("region");
        RecordViews.unit(g, v.region());
        g.writeStringField("family", v.family());
        g.writeNumberField("year", v.year());
        methodology(g, v.methodology());
        g.writeStringField("aggregation", v.aggregation());
        printed(g, "index", v.index());
        band(g, "band", v.band());
        g.writeBooleanField("empty", v.empty());
        if (v.empty()) g.writeStringField("note", audience.language().text(Message.of("monitoring.emptyRound", v.family(), v.year())));
        exactIndex(g, audience, v.index());
        g.writeObjectFieldStart("summary");
        g.writeNumberField("units", v.units().size());
        g.writeNumberField("scored", v.scored());
        g.writeNumberField("pending", v.pending());
        g.writeNumberField("notEntered", v.notEntered().size());
        g.writeEndObject();
        g.writeArrayFieldStart("units");
        for (UnitRow r : v.units()) unitRow(g, r, audience);
        g.writeEndArray();
        ids(g, "notEntered", v.notEntered());
        ids(g, "belowAverage", v.belowAverage());
        if (v.atOrBelow() == null) {
            g.writeNullField("atOrBelow");
        } else {
            g.writeObjectFieldStart("atOrBelow");
            g.writeStringField("band", v.atOrBelow().getCode());
            ids(g, "units", v.atOrBelowUnits());
            g.writeEndObject();
        }
        g.writeArrayFieldStart("bands");
        for (RoundView.BandCount b : v.bands()) {
            g.writeStartObject();
            g.writeStringField("code", b.band().getCode());
            g.writeStringField("label", b.band().getLabel());
            if (b.band().getZone() != null) g.writeStringField("zone", b.band().getZone());
            g.writeNumberField("units", b.units());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("regions");
        for (RoundView.RegionRow r : v.regions()) {
            g.writeStartObject();
            g.writeStringField("id", r.region().id());
            g.writeStringField("name", r.region().name());
            g.writeNumberField("units", r.units());
            g.writeNumberField("scored", r.scored());
            printed(g, "index", r.index());
            band(g, "band", r.band());
            exactIndex(g, audience, r.index());
            g.writeEndObject();
        }
        g.writeEndArray();
        previous(g, v.previous(), audience);
        g.writeEndObject();
    }

    private static void unitRow(JsonGenerator g, UnitRow r, Audience audience) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", r.unit().id());
        g.writeStringField("name", r.unit().name());
        g.writeStringField("kind", r.unit().kind().wire());
        g.writeBooleanField("active", r.unit().active());
        g.writeStringField("region", r.region());
        g.writeStringField("status", r.status().wire());
        official(g, "official", r.official());
        index(g, "self", r.self());
        index(g, "evaluator", r.evaluator());
        index(g, "verifier", r.verifier());
        index(g, "gap", r.gap());
        if (r.rank() == null) g.writeNullField("rank"); else g.writeNumberField("rank", r.rank());
        g.writeStringField("position", r.position() == null ? null : r.position().wire());
        if (r.previous() == null) {
            g.writeNullField("previous");
        } else {
            g.writeObjectFieldStart("previous");
            g.writeNumberField("year", r.previous().year());
            official(g, "official", r.previous().official());
            change(g, r.previous().change(), audience);
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void previous(JsonGenerator g, RoundView.Previous p, Audience audience) throws IOException {
        if (p == null) {
            g.writeNullField("previous");
            return;
        }
        g.writeObjectFieldStart("previous");
        g.writeNumberField("year", p.year());
        printed(g, "index", p.index());
        band(g, "band", p.band());
        g.writeNumberField("scored", p.scored());
        methods(g, "methodologies", p.methodologies());
        exactIndex(g, audience, p.index());
        change(g, p.change(), audience);
        g.writeEndObject();
    }

    public static void history(JsonGenerator g, History h, Audience audience) throws IOException {
        g.writeStartObject();
        g.writeFieldName("unit");
        RecordViews.unit(g, h.unit());
        g.writeStringField("family", h.family());
        g.writeBooleanField("region", h.region());
        g.writeArrayFieldStart("rounds");
        for (History.Round r : h.rounds()) {
            g.writeStartObject();
            g.writeNumberField("year", r.year());
            g.writeStringField("methodology", r.methodology());
            methods(g, "versions", r.versions());
            printed(g, "index", r.index());
            if (r.bandCode() == null) {
                g.writeNullField("band");
            } else {
                g.writeObjectFieldStart("band");
                g.writeStringField("code", r.bandCode());
                if (r.bandLabel() != null) g.writeStringField("label", r.bandLabel());
                g.writeEndObject();
            }
            if (r.role() != null) g.writeStringField("role", r.role().wire());
            if (r.assessment() != null) g.writeNumberField("assessment", r.assessment());
            if (r.scored() != null) g.writeNumberField("scored", r.scored());
            exactIndex(g, audience, r.index());
            change(g, r.change(), audience);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** {@code "change": {"points", "percent", "methodologyChanged", "from", "to"}}, or null. */
    private static void change(JsonGenerator g, Change c, Audience audience) throws IOException {
        if (c == null) {
            g.writeNullField("change");
            return;
        }
        g.writeObjectFieldStart("change");
        printed(g, "points", c.points());
        printed(g, "percent", c.percent());
        // Beside the change, not hidden in it: a new methodology or version moves scores by itself (Bontang, 2021 to 2022).
        g.writeBooleanField("methodologyChanged", c.methodologyChanged());
        methods(g, "from", c.from());
        methods(g, "to", c.to());
        if (audience.exact()) {
            g.writeObjectFieldStart("exact");
            writeExact(g, "points", c.points().exact());
            if (c.percent() != null) writeExact(g, "percent", c.percent().exact());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** {@code "exact": {"index"}}: the figure as computed, when the audience asked for exact numbers. */
    private static void exactIndex(JsonGenerator g, Audience audience, Figure index) throws IOException {
        if (!audience.exact() || index == null) return;
        g.writeObjectFieldStart("exact");
        writeExact(g, "index", index.exact());
        g.writeEndObject();
    }

    private static void writeExact(JsonGenerator g, String field, BigDecimal value) throws IOException {
        g.writeFieldName(field);
        g.writeNumber(JsonViews.plain(value));
    }

    private static void official(JsonGenerator g, String field, OfficialScore o) throws IOException {
        if (o == null) {
            g.writeNullField(field);
            return;
        }
        g.writeObjectFieldStart(field);
        g.writeNumberField("assessment", o.assessment());
        g.writeStringField("role", o.role().wire());
        index(g, "index", o.index());
        g.writeObjectFieldStart("band");
        g.writeStringField("code", o.bandCode());
        if (o.bandLabel() != null) g.writeStringField("label", o.bandLabel());
        g.writeEndObject();
        methodology(g, o.methodology());
        g.writeEndObject();
    }

    private static void methodology(JsonGenerator g, MethodVersion m) throws IOException {
        g.writeObjectFieldStart("methodology");
        g.writeStringField("id", m.id());
        g.writeStringField("version", m.version());
        if (m.revision() == null) g.writeNullField("revision"); else g.writeNumberField("revision", m.revision());
        g.writeEndObject();
    }

    private static void methods(JsonGenerator g, String field, List<MethodVersion> list) throws IOException {
        g.writeArrayFieldStart(field);
        for (MethodVersion m : list) {
            g.writeStartObject();
            g.writeStringField("id", m.id());
            g.writeStringField("version", m.version());
            if (m.revision() == null) g.writeNullField("revision"); else g.writeNumberField("revision", m.revision());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void band(JsonGenerator g, String field, Band b) throws IOException {
        if (b == null) {
            g.writeNullField(field);
            return;
        }
        g.writeObjectFieldStart(field);
        g.writeStringField("code", b.getCode());
        g.writeStringField("label", b.getLabel());
        if (b.getZone() != null) g.writeStringField("zone", b.getZone());
        g.writeEndObject();
    }

    private static void ids(JsonGenerator g, String field, List<String> ids) throws IOException {
        g.writeArrayFieldStart(field);
        for (String id : ids) g.writeString(id);
        g.writeEndArray();
    }

    /** A figure as printed (its decimals kept), or null. */
    private static void printed(JsonGenerator g, String field, Figure f) throws IOException {
        index(g, field, f == null ? null : f.printed());
    }

    private static void index(JsonGenerator g, String field, BigDecimal value) throws IOException {
        g.writeFieldName(field);
        if (value == null) g.writeNull(); else g.writeNumber(value.toPlainString());
    }
}
