package id.rapor.http.json;

import com.fasterxml.jackson.core.JsonGenerator;
import id.rapor.api.advice.Comparison;
import id.rapor.api.advice.Plan;
import id.rapor.api.model.Band;
import id.rapor.api.model.CrosswalkEntry;
import id.rapor.api.model.Presentation;
import id.rapor.api.text.Message;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

/** The JSON of a plan and of a comparison (openapi.json: Plan, Comparison). */
public final class AdviceViews {
    private AdviceViews() {}

    public static void plan(JsonGenerator g, Plan plan, Audience audience) throws IOException {
        Presentation p = plan.presentation();
        g.writeStartObject();
        JsonViews.methodologyRef(g, plan.methodologyId(), plan.methodologyVersion());
        g.writeStringField("unit", plan.unit());
        index(g, "index", plan.index());
        JsonViews.band(g, plan.band());
        g.writeObjectFieldStart("target");
        g.writeStringField("code", plan.target().getCode());
        g.writeStringField("label", plan.target().getLabel());
        if (plan.target().getZone() != null) g.writeStringField("zone", plan.target().getZone());
        index(g, "min", plan.target().getMin());
        g.writeEndObject();
        g.writeBooleanField("reachable", plan.reachable());
        JsonViews.number(g, "cost", plan.cost());
        index(g, "indexAfter", plan.indexAfter());
        g.writeFieldName("bandAfter");
        bandObject(g, plan.bandAfter());
        g.writeArrayFieldStart("steps");
        for (Plan.PlanStep s : plan.steps()) {
            g.writeStartObject();
            g.writeStringField("indicator", s.indicator());
            g.writeStringField("code", s.code());
            g.writeStringField("name", s.name());
            g.writeStringField("aspect", s.aspect());
            JsonViews.number(g, "from", s.from());
            JsonViews.number(g, "to", s.to());
            g.writeNumberField("levels", s.levels());
            JsonViews.number(g, "cost", s.cost());
            JsonViews.number(g, "gain", p.present(Presentation.INDICATOR_CONTRIBUTION, s.gain()));
            g.writeStringField("descriptor", s.descriptor());
            if (audience.exact()) {
                g.writeObjectFieldStart("exact");
                JsonViews.number(g, "gain", s.gain());
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        messages(g, "method", plan.method(), audience, p);
        reason(g, plan.reason(), audience, p);
        g.writeEndObject();
    }

    public static void comparison(JsonGenerator g, Comparison c, Audience audience) throws IOException {
        Presentation p = c.presentation();
        g.writeStartObject();
        side(g, "before", c.before(), audience);
        side(g, "after", c.after(), audience);
        index(g, "difference", c.difference());
        g.writeBooleanField("decomposed", c.decomposed());
        g.writeArrayFieldStart("parts");
        for (Comparison.Part part : c.parts()) {
            g.writeStartObject();
            g.writeStringField("kind", part.kind());
            index(g, "from", part.from());
            index(g, "to", part.to());
            index(g, "change", part.change());
            g.writeArrayFieldStart("indicators");
            for (String id : part.indicators()) g.writeString(id);
            g.writeEndArray();
            g.writeStringField("explanation", audience.language().text(part.explanation(), p));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("bands");
        for (Comparison.BandUnder b : c.bands()) {
            g.writeStartObject();
            g.writeStringField("of", b.of());
            index(g, "index", b.index());
            g.writeStringField("scheme", b.scheme());
            g.writeFieldName("band");
            bandObject(g, b.band());
            g.writeEndObject();
        }
        g.writeEndArray();
        if (c.crosswalkOf() == null) {
            g.writeNullField("crosswalk");
        } else {
            g.writeObjectFieldStart("crosswalk");
            g.writeStringField("carriedBy", c.crosswalkOf());
            g.writeArrayFieldStart("rows");
            for (CrosswalkEntry e : c.crosswalk()) {
                g.writeStartObject();
                g.writeStringField("from", e.from());
                g.writeStringField("to", e.to());
                g.writeStringField("confidence", e.confidence());
                g.writeStringField("note", e.note());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        messages(g, "method", c.method(), audience, p);
        reason(g, c.reason(), audience, p);
        g.writeEndObject();
    }

    private static void side(JsonGenerator g, String name, Comparison.Side s, Audience audience) throws IOException {
        g.writeObjectFieldStart(name);
        JsonViews.methodologyRef(g, s.methodologyId(), s.methodologyVersion());
        g.writeStringField("unit", s.unit());
        index(g, "index", s.index());
        if (audience.exact()) {
            g.writeObjectFieldStart("exact");
            JsonViews.number(g, "index", s.unroundedIndex());
            g.writeEndObject();
        }
        JsonViews.band(g, s.band());
        g.writeEndObject();
    }

    /** An index keeps its decimals (2.90, not 2.9), as the score endpoint writes it. */
    private static void index(JsonGenerator g, String field, BigDecimal value) throws IOException {
        g.writeFieldName(field);
        g.writeNumber(value.toPlainString());
    }

    private static void bandObject(JsonGenerator g, Band b) throws IOException {
        if (b == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeStringField("code", b.getCode());
        g.writeStringField("label", b.getLabel());
        if (b.getZone() != null) g.writeStringField("zone", b.getZone());
        g.writeEndObject();
    }

    private static void messages(JsonGenerator g, String field, List<Message> lines, Audience audience, Presentation p) throws IOException {
        g.writeArrayFieldStart(field);
        for (Message m : lines) g.writeString(audience.language().text(m, p));
        g.writeEndArray();
    }

    private static void reason(JsonGenerator g, Message reason, Audience audience, Presentation p) throws IOException {
        if (reason == null) g.writeNullField("reason");
        else g.writeStringField("reason", audience.language().text(reason, p));
    }
}
