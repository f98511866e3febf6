package id.rapor.http.json;

import com.fasterxml.jackson.core.JsonGenerator;
import id.rapor.api.FieldError;
import id.rapor.api.model.AnswerOption;
import id.rapor.api.model.Aspect;
import id.rapor.api.model.AspectResult;
import id.rapor.api.model.Band;
import id.rapor.api.model.Deployment;
import id.rapor.api.model.Indicator;
import id.rapor.api.model.IndicatorResult;
import id.rapor.api.model.Methodology;
import id.rapor.api.model.MethodologySummary;
import id.rapor.api.model.ProvenanceEntry;
import id.rapor.api.model.RuleError;
import id.rapor.api.model.Presentation;
import id.rapor.api.model.ScoreResult;
import id.rapor.api.text.Language;
import id.rapor.api.text.Message;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * The JSON shapes of API v1, written field by field so the names are exactly the documented
 * ones and no reflection runs per request. Numbers are written plainly (24, 0.204, 2.97),
 * never in exponent form.
 */
public final class JsonViews {
    private JsonViews() {}

    public static void summaries(JsonGenerator g, List<MethodologySummary> list) throws IOException {
        g.writeStartArray();
        for (MethodologySummary s : list) {
            g.writeStartObject();
            g.writeStringField("id", s.id());
            g.writeStringField("title", s.title());
            g.writeStringField("regulation", s.regulation());
            if (s.years() == null) g.writeNullField("year"); else g.writeNumberField("year", s.years().from());
            g.writeStringField("version", s.version());
            g.writeStringField("status", s.status().name());
            g.writeStringField("family", s.family());
            years(g, s.years());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    public static void methodology(JsonGenerator g, Methodology m) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", m.getId());
        g.writeStringField("title", m.getTitle());
        g.writeStringField("regulation", m.getRegulation());
        g.writeNumberField("year", m.getYear());
        g.writeStringField("family", m.getFamily());
        years(g, m.getYears());
        g.writeStringField("version", m.getVersion());
        g.writeStringField("input", m.getInput().name().toLowerCase(java.util.Locale.ROOT));
        g.writeStringField("aggregation", m.getAggregation());
        g.writeObjectFieldStart("parameters");
        for (var e : m.getParameters().entrySet()) g.writeStringField(e.getKey(), e.getValue());
        g.writeEndObject();
        g.writeObjectFieldStart("scale");
        number(g, "min", m.getScale().getMin());
        number(g, "max", m.getScale().getMax());
        g.writeNumberField("decimals", m.getScale().getDecimals());
        g.writeEndObject();
        g.writeArrayFieldStart("aspects");
        for (Aspect a : m.getAspects()) {
            g.writeStartObject();
            g.writeStringField("id", a.getId());
            g.writeStringField("name", a.getName());
            number(g, "weight", a.getWeight());
            g.writeArrayFieldStart("indicators");
            for (Indicator i : a.getIndicators()) indicator(g, i);
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("bands");
        for (Band b : m.getBands()) {
            g.writeStartObject();
            g.writeStringField("code", b.getCode());
            g.writeStringField("label", b.getLabel());
            number(g, "min", b.getMin());
            number(g, "max", b.getMax());
            if (b.getZone() != null) g.writeStringField("zone", b.getZone());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("provenance");
        for (ProvenanceEntry p : m.getProvenance()) {
            g.writeStartObject();
            g.writeStringField("subject", p.subject());
            g.writeStringField("confidence", p.confidence());
            g.writeStringField("source", p.source());
            g.writeStringField("note", p.note());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void indicator(JsonGenerator g, Indicator i) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", i.getId());
        g.writeStringField("code", i.getCode());
        g.writeStringField("name", i.getName());
        number(g, "weight", i.getWeight());
        g.writeBooleanField("required", i.isRequired());
        if (i.getRange() != null) {
            g.writeObjectFieldStart("range");
            number(g, "min", i.getRange().min());
            number(g, "max", i.getRange().max());
            g.writeNumberField("decimals", i.getRange().decimals());
            g.writeStringField("label", i.getRange().label());
            g.writeEndObject();
        }
        g.writeArrayFieldStart("options");
        for (AnswerOption o : i.getOptions()) {
            g.writeStartObject();
            number(g, "value", o.value());
            g.writeStringField("label", o.label());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    public static void score(JsonGenerator g, ScoreResult r, Audience audience) throws IOException {
        g.writeStartObject();
        methodologyRef(g, r.methodologyId(), r.methodologyVersion());
        unitScore(g, r, audience);
        g.writeEndObject();
    }

    /**
     * The fields of a unit's score, shared by a single score and each unit of a region. Numbers are
     * as the methodology prints them ({@link Presentation}); where the audience asked, each object
     * also has {@code exact}: the same numbers as computed.
     */
    private static void unitScore(JsonGenerator g, ScoreResult r, Audience audience) throws IOException {
        Presentation p = r.presentation();
        g.writeStringField("unit", r.unit());
        g.writeFieldName("index");
        g.writeNumber(r.index().toPlainString()); // keeps its decimals: 4.50, not 4.5
        if (audience.exact()) {
            g.writeObjectFieldStart("exact");
            number(g, "index", r.unroundedIndex());
            g.writeEndObject();
        }
        band(g, r.band());
        g.writeArrayFieldStart("aspects");
        for (AspectResult a : r.aspects()) {
            g.writeStartObject();
            g.writeStringField("id", a.aspect().getId());
            g.writeStringField("name", a.aspect().getName());
            number(g, "weight", a.aspect().getWeight());
            // An information-only aspect reports what it was answered and adds nothing to the index.
            if (a.aspect().getWeight().signum() == 0) g.writeBooleanField("informationOnly", true);
            number(g, "score", p.present(Presentation.ASPECT_SCORE, a.score()));
            number(g, "contribution", p.present(Presentation.ASPECT_CONTRIBUTION, a.contribution()));
            if (audience.exact()) {
                g.writeObjectFieldStart("exact");
                number(g, "score", a.score());
                number(g, "contribution", a.contribution());
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("indicators");
        for (IndicatorResult i : r.indicators()) {
            g.writeStartObject();
            g.writeStringField("id", i.indicator().getId());
            number(g, "answer", p.present(Presentation.INDICATOR_ANSWER, i.answer()));
            number(g, "weight", i.indicator().getWeight());
            number(g, "contribution", p.present(Presentation.INDICATOR_CONTRIBUTION, i.contribution()));
            if (audience.exact()) {
                g.writeObjectFieldStart("exact");
                number(g, "answer", i.answer());
                number(g, "contribution", i.contribution());
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("explanation");
        for (Message line : r.explanation()) g.writeString(audience.language().text(line, p));
        g.writeEndArray();
    }

    static void methodologyRef(JsonGenerator g, String id, String version) throws IOException {
        g.writeObjectFieldStart("methodology");
        g.writeStringField("id", id);
        g.writeStringField("version", version);
        g.writeEndObject();
    }

    static void band(JsonGenerator g, id.rapor.api.model.Band b) throws IOException {
        g.writeObjectFieldStart("band");
        g.writeStringField("code", b.getCode());
        g.writeStringField("label", b.getLabel());
        if (b.getZone() != null) g.writeStringField("zone", b.getZone());
        g.writeEndObject();
    }

    private static void years(JsonGenerator g, id.rapor.api.model.Years y) throws IOException {
        if (y == null) {
            g.writeNullField("years");
            return;
        }
        g.writeObjectFieldStart("years");
        g.writeNumberField("from", y.from());
        if (y.to() == null) g.writeNullField("to"); else g.writeNumberField("to", y.to());
        g.writeEndObject();
    }

    /** A region: each unit (its score or its errors, in request order) and the roll-up. */
    public static void region(JsonGenerator g, id.rapor.api.model.RegionResult r, List<id.rapor.api.model.UnitOutcome> units,
            Audience audience) throws IOException {
        g.writeStartObject();
        methodologyRef(g, r.methodologyId(), r.methodologyVersion());
        g.writeStringField("region", r.region());
        g.writeObjectFieldStart("summary");
        g.writeStringField("aggregation", r.aggregation());
        g.writeNumberField("units", units.size());
        g.writeNumberField("scored", units.stream().filter(id.rapor.api.model.UnitOutcome::scored).count());
        if (r.score() == null) g.writeNullField("score"); else { g.writeFieldName("score"); g.writeNumber(r.score().toPlainString()); }
        if (r.band() == null) g.writeNullField("band"); else band(g, r.band());
        g.writeObjectFieldStart("unitsPerBand");
        for (var e : r.unitsPerBand().entrySet()) g.writeNumberField(e.getKey(), e.getValue());
        g.writeEndObject();
        if (r.atOrBelow() != null) {
            g.writeObjectFieldStart("atOrBelow");
            g.writeStringField("band", r.atOrBelow());
            g.writeArrayFieldStart("units");
            for (String u : r.unitsAtOrBelow()) g.writeString(u);
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeArrayFieldStart("units");
        for (var u : units) {
            g.writeStartObject();
            // Which of the two a unit is, said first: a client generated from the contract tells them apart by it.
            g.writeStringField("outcome", u.scored() ? "scored" : "refused");
            if (u.scored()) {
                unitScore(g, u.result(), audience);
            } else {
                g.writeStringField("unit", u.unit());
                fieldErrors(g, u.errors(), audience.language());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    public static void deployments(JsonGenerator g, List<Deployment> list) throws IOException {
        g.writeStartArray();
        for (Deployment d : list) {
            g.writeStartObject();
            g.writeStringField("methodology", d.methodologyId());
            g.writeStringField("bundle", d.bundle());
            g.writeStringField("version", d.version());
            g.writeStringField("state", d.state().name());
            g.writeStringField("servedVersion", d.servedVersion());
            if (d.servedRevision() == null) g.writeNullField("servedRevision"); else g.writeNumberField("servedRevision", d.servedRevision());
            g.writeStringField("time", d.time() == null ? null : d.time().toString());
            ruleErrors(g, d.errors());
            g.writeStringField("overriddenBy", d.overriddenBy());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** {@code status}: UP while something can be scored, DOWN before (or when no rule bundle serves). */
    public static void health(JsonGenerator g, List<MethodologySummary> methodologies, int pending,
            List<id.rapor.api.model.RevisionMismatch> mismatches) throws IOException {
        long active = methodologies.stream().filter(m -> m.status() == id.rapor.api.model.DeploymentState.ACTIVE).count();
        g.writeStartObject();
        g.writeStringField("status", active > 0 ? "UP" : "DOWN");
        g.writeObjectFieldStart("methodologies");
        g.writeNumberField("active", active);
        g.writeNumberField("unavailable", methodologies.size() - active);
        g.writeEndObject();
        g.writeObjectFieldStart("ruleBundles");
        g.writeNumberField("pending", pending);
        g.writeEndObject();
        revisionMismatches(g, mismatches);
        g.writeEndObject();
    }

    /** GET /health/ready's answer when ready: it still names what it serves otherwise than the shared revisions say. */
    public static void ready(JsonGenerator g, List<id.rapor.api.model.RevisionMismatch> mismatches) throws IOException {
        g.writeStartObject();
        g.writeStringField("status", "UP");
        revisionMismatches(g, mismatches);
        g.writeEndObject();
    }

    /** Each methodology served here otherwise than the stored active revision, and why. */
    private static void revisionMismatches(JsonGenerator g, List<id.rapor.api.model.RevisionMismatch> mismatches) throws IOException {
        g.writeArrayFieldStart("revisionMismatches");
        for (var m : mismatches) {
            g.writeStartObject();
            g.writeStringField("methodology", m.methodologyId());
            g.writeNumberField("active", m.active());
            g.writeStringField("serving", m.serving());
            g.writeStringField("reason", m.reason());
            g.writeStringField("nextAttempt", m.nextAttempt() == null ? null : m.nextAttempt().toString());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    public static void problem(JsonGenerator g, HttpProblem p, String instance, Language language) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", p.type());
        g.writeStringField("title", language.text(p.title()));
        g.writeNumberField("status", p.status());
        g.writeStringField("detail", language.text(p.detailText()));
        g.writeStringField("instance", instance);
        fieldErrors(g, p.errors(), language);
        g.writeEndObject();
    }

    public static void audit(JsonGenerator g, List<id.rapor.api.model.AuditEntry> entries) throws IOException {
        g.writeStartArray();
        for (var e : entries) {
            g.writeStartObject();
            if (e.id() == null) g.writeNullField("id"); else g.writeNumberField("id", e.id());
            g.writeStringField("time", e.time().toString());
            g.writeStringField("user", e.user());
            g.writeStringField("address", e.address());
            g.writeStringField("requestId", e.requestId());
            g.writeStringField("action", e.action());
            g.writeStringField("methodology", e.methodology());
            if (e.revision() == null) g.writeNullField("revision"); else g.writeNumberField("revision", e.revision());
            g.writeNumberField("status", e.status());
            g.writeStringField("detail", e.detail());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** {@code "errors": [{"field", "message"}]}: what was wrong with a request. */
    static void fieldErrors(JsonGenerator g, List<FieldError> errors, Language language) throws IOException {
        g.writeArrayFieldStart("errors");
        for (FieldError e : errors) {
            g.writeStartObject();
            g.writeStringField("field", e.field());
            g.writeStringField("message", language.text(e.text()));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** {@code "errors": [{"file", "line", "column", "message"}]}: what was wrong with a rule bundle or revision. */
    static void ruleErrors(JsonGenerator g, List<RuleError> errors) throws IOException {
        g.writeArrayFieldStart("errors");
        for (RuleError e : errors) {
            g.writeStartObject();
            g.writeStringField("file", e.file());
            g.writeNumberField("line", e.line());
            g.writeNumberField("column", e.column());
            g.writeStringField("message", e.message());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    static void number(JsonGenerator g, String field, BigDecimal value) throws IOException {
        g.writeFieldName(field);
        if (value == null) {
            g.writeNull(); // an information-only aspect nobody answered
            return;
        }
        g.writeNumber(plain(value));
    }

    /**
     * 0.2040 as 0.204, 17.00 as 17, never with an exponent. Trimmed as text: stripTrailingZeros
     * divides, and a score writes some sixty numbers.
     */
    static String plain(BigDecimal value) {
        if (Math.abs(value.scale()) > 40) return value.stripTrailingZeros().toString(); // absurd magnitudes stay short
        String s = value.toPlainString();
        if (s.indexOf('.') < 0) return s;
        int end = s.length();
        while (s.charAt(end - 1) == '0') end--;
        if (s.charAt(end - 1) == '.') end--;
        return s.substring(0, end);
    }
}
