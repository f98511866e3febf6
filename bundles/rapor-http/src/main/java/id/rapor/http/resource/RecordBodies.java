package id.rapor.http.resource;

import id.rapor.api.text.Message;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import id.rapor.api.FieldError;
import id.rapor.api.model.Assessment;
import id.rapor.api.records.AssessmentRole;
import id.rapor.api.records.Unit;
import id.rapor.api.records.UnitKind;
import id.rapor.http.json.HttpProblem;
import id.rapor.http.json.Problems;
import id.rapor.http.json.RecordProblems;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the records' request bodies with the streaming parser, as {@link AssessmentReader} reads
 * scoring requests: every wrong type reported (400), missing or impossible values 422.
 * <ul>
 * <li>a unit: {@code {"id": "dinas-a", "name": "…", "kind": "office", "parent": "kab-contoh", "active": true}};
 *     without an id, one is made from the name;</li>
 * <li>an assessment: {@code {"year": 2024, "family": "pekppp" | "methodology": "pekppp-2022", "role": "self",
 *     "answers": {…} | "respondents": […], "comment": "…", "replaces": 12}}.</li>
 * </ul>
 */
public final class RecordBodies {
    /** An assessment as entered: the round, the role, what was answered. */
    record Entry(Integer year, String family, String methodology, AssessmentRole role, String comment, Long replaces, Assessment assessment) {}

    private final JsonFactory json;

    public RecordBodies(JsonFactory json) {
        this.json = json;
    }

    /** A unit; {@code fixedId} is the id from the path (PUT), null for a new unit. */
    Unit unit(InputStream body, String fixedId) throws IOException, HttpProblem {
        try (JsonParser p = json.createParser(body)) {
            AssessmentReader.start(p);
            String id = null, name = null, kind = null, parent = null;
            Boolean active = null;
            List<FieldError> errors = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                switch (field) {
                    case "id" -> id = AssessmentReader.string(p, v, "id", errors);
                    case "name" -> name = AssessmentReader.string(p, v, "name", errors);
                    case "kind" -> kind = AssessmentReader.string(p, v, "kind", errors);
                    case "parent" -> parent = v == JsonToken.VALUE_NULL ? null : AssessmentReader.string(p, v, "parent", errors);
                    case "active" -> {
                        if (v == JsonToken.VALUE_TRUE || v == JsonToken.VALUE_FALSE) active = v == JsonToken.VALUE_TRUE;
                        else { errors.add(FieldError.of("active", "body.boolean.type", AssessmentReader.kind(v))); p.skipChildren(); }
                    }
                    default -> AssessmentReader.unknown(p, field, Message.literal("id, name, kind, parent, active"), errors);
                }
            }
            AssessmentReader.end(p);
            if (!errors.isEmpty()) throw AssessmentReader.typeProblem(errors);
            List<FieldError> invalid = new ArrayList<>();
            if (fixedId != null && id != null && !id.equals(fixedId)) invalid.add(FieldError.of("id", "records.unit.idFixed", fixedId));
            if (name == null || name.isBlank()) invalid.add(FieldError.of("name", "records.unit.nameMissing"));
            UnitKind k = kind == null ? null : UnitKind.of(kind).orElse(null);
            if (k == null) invalid.add(new FieldError("kind", kind == null ? Message.of("records.unit.kindMissing") : Message.of("records.unit.kindUnknown", kind)));
            if (!invalid.isEmpty()) throw RecordProblems.invalid("invalid-unit", Message.of("problem.invalid-unit.detail"), invalid);
            String unitId = fixedId != null ? fixedId : id != null ? id : slug(name);
            return new Unit(unitId, name.trim(), k, parent == null || parent.isBlank() ? null : parent.trim(), active == null || active);
        } catch (JsonParseException e) {
            throw AssessmentReader.malformed(e);
        } catch (StreamConstraintsException e) {
            throw AssessmentReader.malformed(e);
        }
    }

    /** An id made from a name: "Dinas Kependudukan & Catatan Sipil" becomes "dinas-kependudukan-catatan-sipil". */
    static String slug(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        String slug = plain.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 100) slug = slug.substring(0, 100).replaceAll("-+$", "");
        return slug.isEmpty() ? "unit" : slug;
    }

    Entry entry(InputStream body, String unitId) throws IOException, HttpProblem {
        try (JsonParser p = json.createParser(body)) {
            AssessmentReader.start(p);
            Integer year = null;
            String family = null, methodology = null, role = null, comment = null;
            Long replaces = null;
            Map<String, BigDecimal> answers = null;
            List<Map<String, BigDecimal>> respondents = null;
            List<FieldError> errors = new ArrayList<>();
            List<FieldError> invalid = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                switch (field) {
                    case "year" -> year = (int) whole(p, v, "year", errors, 1900, 2200);
                    case "family" -> family = AssessmentReader.string(p, v, "family", errors);
                    case "methodology" -> methodology = AssessmentReader.string(p, v, "methodology", errors);
                    case "role" -> role = AssessmentReader.string(p, v, "role", errors);
                    case "comment" -> comment = v == JsonToken.VALUE_NULL ? null : AssessmentReader.string(p, v, "comment", errors);
                    case "replaces" -> replaces = v == JsonToken.VALUE_NULL ? null : whole(p, v, "replaces", errors, 1, Long.MAX_VALUE);
                    case "answers" -> answers = AssessmentReader.numbers(p, v, "answers", errors, invalid);
                    case "respondents" -> {
                        if (v == JsonToken.START_ARRAY) {
                            respondents = new ArrayList<>();
                            for (JsonToken t; (t = p.nextToken()) != JsonToken.END_ARRAY; ) {
                                respondents.add(AssessmentReader.numbers(p, t, "respondents[" + respondents.size() + "]", errors, invalid));
                            }
                        } else {
                            errors.add(FieldError.of("respondents", "body.respondents.type", AssessmentReader.kind(v)));
                            p.skipChildren();
                        }
                    }
                    default -> AssessmentReader.unknown(p, field,
                            Message.literal("year, family | methodology, role, answers | respondents, comment, replaces"), errors);
                }
            }
            AssessmentReader.end(p);
            if (!errors.isEmpty()) throw AssessmentReader.typeProblem(errors);
            if (respondents != null && respondents.isEmpty()) respondents = null; // an empty list is no list
            if (answers != null && answers.isEmpty() && respondents != null) answers = null;
            if (year == null) invalid.add(FieldError.of("year", "records.assessment.yearMissing"));
            if (family == null && methodology == null) invalid.add(FieldError.of("family", "records.assessment.familyMissing"));
            AssessmentRole r = role == null ? null : AssessmentRole.of(role).orElse(null);
            if (r == null) invalid.add(new FieldError("role", role == null ? Message.of("records.assessment.roleMissing") : Message.of("records.assessment.roleUnknown", role)));
            if (answers == null && respondents == null) invalid.add(FieldError.of("answers", "records.assessment.answersMissing"));
            if (!invalid.isEmpty()) throw Problems.invalidAssessment(invalid);
            return new Entry(year, family, methodology, r, comment, replaces, new Assessment(unitId, answers, respondents));
        } catch (JsonParseException e) {
            throw AssessmentReader.malformed(e);
        } catch (StreamConstraintsException e) {
            throw AssessmentReader.malformed(e);
        }
    }

    /** What was answered, as stored with the assessment: {@code {"answers": {…}}} or {@code {"respondents": […]}}. */
    String input(Assessment a) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = json.createGenerator(w)) {
            g.writeStartObject();
            if (a.answers() != null) {
                g.writeObjectFieldStart("answers");
                for (var e : a.answers().entrySet()) g.writeNumberField(e.getKey(), e.getValue());
                g.writeEndObject();
            }
            if (a.respondents() != null) {
                g.writeArrayFieldStart("respondents");
                for (var r : a.respondents()) {
                    g.writeStartObject();
                    for (var e : r.entrySet()) g.writeNumberField(e.getKey(), e.getValue());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        return w.toString();
    }

    /** Reads a stored input back. */
    Assessment assessment(String unitId, String input) throws IOException, HttpProblem {
        try (JsonParser p = json.createParser(input)) {
            AssessmentReader.start(p);
            Map<String, BigDecimal> answers = null;
            List<Map<String, BigDecimal>> respondents = null;
            List<FieldError> errors = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                if (field.equals("answers")) {
                    answers = AssessmentReader.numbers(p, v, "answers", errors, errors);
                } else {
                    respondents = new ArrayList<>();
                    for (JsonToken t; (t = p.nextToken()) != JsonToken.END_ARRAY; ) {
                        respondents.add(AssessmentReader.numbers(p, t, "respondents", errors, errors));
                    }
                }
            }
            return new Assessment(unitId, answers, respondents);
        }
    }

    static long whole(JsonParser p, JsonToken v, String field, List<FieldError> errors, long min, long max) throws IOException {
        if (v == JsonToken.VALUE_NUMBER_INT) {
            try {
                long n = p.getLongValue();
                if (n >= min && n <= max) return n;
            } catch (IOException | RuntimeException tooLarge) {
                // reported below
            }
            errors.add(FieldError.of(field, "body.whole.range", min, max));
            return min;
        }
        errors.add(FieldError.of(field, "body.whole.type", AssessmentReader.kind(v)));
        p.skipChildren();
        return min;
    }
}
