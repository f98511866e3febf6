package id.rapor.http.resource;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import id.rapor.api.FieldError;
import id.rapor.api.text.Message;
import id.rapor.http.json.HttpProblem;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The bodies of the advice endpoints: a plan's question and a comparison's two sides. */
final class AdviceBodies {
    /** POST /methodologies/{id}/plan */
    record PlanBody(String unit, Map<String, BigDecimal> answers, String target, Map<String, BigDecimal> costs, Set<String> fixed) {}

    /** One side of POST /compare: rules (methodology, revision) and answers, or a stored assessment. */
    record SideBody(String methodology, Integer revision, Map<String, BigDecimal> answers, Long assessment) {}

    record CompareBody(String unit, SideBody before, SideBody after) {}

    private final JsonFactory json;

    AdviceBodies(JsonFactory json) {
        this.json = json;
    }

    PlanBody plan(InputStream body) throws IOException, HttpProblem {
        try (JsonParser p = json.createParser(body)) {
            AssessmentReader.start(p);
            String unit = null, target = null;
            Map<String, BigDecimal> answers = null, costs = Map.of();
            Set<String> fixed = Set.of();
            List<FieldError> errors = new ArrayList<>();
            List<FieldError> invalid = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                switch (field) {
                    case "unit" -> unit = AssessmentReader.string(p, v, "unit", errors);
                    case "answers" -> answers = AssessmentReader.numbers(p, v, "answers", errors, invalid);
                    case "target" -> target = v == JsonToken.VALUE_NULL ? null : AssessmentReader.string(p, v, "target", errors);
                    case "costs" -> costs = AssessmentReader.numbers(p, v, "costs", errors, invalid);
                    case "fixed" -> fixed = strings(p, v, "fixed", errors);
                    default -> AssessmentReader.unknown(p, field, Message.literal("unit, answers, target, costs, fixed"), errors);
                }
            }
            AssessmentReader.end(p);
            if (!errors.isEmpty()) throw AssessmentReader.typeProblem(errors);
            if (answers == null) invalid.add(FieldError.of("answers", "records.assessment.answersMissing"));
            if (!invalid.isEmpty()) throw id.rapor.http.json.Problems.invalidAssessment(invalid);
            return new PlanBody(unit, answers, target, costs == null ? Map.of() : costs, fixed);
        } catch (JsonParseException e) {
            throw AssessmentReader.malformed(e);
        } catch (StreamConstraintsException e) {
            throw AssessmentReader.malformed(e);
        }
    }

    CompareBody compare(InputStream body) throws IOException, HttpProblem {
        try (JsonParser p = json.createParser(body)) {
            AssessmentReader.start(p);
            String unit = null;
            SideBody before = null, after = null;
            List<FieldError> errors = new ArrayList<>();
            List<FieldError> invalid = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                switch (field) {
                    case "unit" -> unit = AssessmentReader.string(p, v, "unit", errors);
                    case "before" -> before = side(p, v, "before", errors, invalid);
                    case "after" -> after = side(p, v, "after", errors, invalid);
                    default -> AssessmentReader.unknown(p, field, Message.literal("unit, before, after"), errors);
                }
            }
            AssessmentReader.end(p);
            if (!errors.isEmpty()) throw AssessmentReader.typeProblem(errors);
            if (before == null) invalid.add(FieldError.of("before", "advice.compare.sideMissing"));
            else if (before.assessment() == null && before.methodology() == null) {
                invalid.add(FieldError.of("before.methodology", "advice.compare.rulesMissing"));
            } else if (before.assessment() == null && before.answers() == null) {
                invalid.add(FieldError.of("before.answers", "records.assessment.answersMissing"));
            }
            if (after == null) after = new SideBody(null, null, null, null);
            if (after.assessment() != null) invalid.add(FieldError.of("after.assessment", "advice.compare.assessmentBefore"));
            if (before != null && before.assessment() == null && after.methodology() == null) {
                invalid.add(FieldError.of("after.methodology", "advice.compare.rulesMissing"));
            }
            if (!invalid.isEmpty()) throw id.rapor.http.json.Problems.invalidAssessment(invalid);
            return new CompareBody(unit, before, after);
        } catch (JsonParseException e) {
            throw AssessmentReader.malformed(e);
        } catch (StreamConstraintsException e) {
            throw AssessmentReader.malformed(e);
        }
    }

    private static SideBody side(JsonParser p, JsonToken v, String name, List<FieldError> errors, List<FieldError> invalid)
            throws IOException, HttpProblem {
        if (v != JsonToken.START_OBJECT) {
            errors.add(FieldError.of(name, "body.object.type", AssessmentReader.kind(v)));
            p.skipChildren();
            return null;
        }
        String methodology = null;
        Integer revision = null;
        Long assessment = null;
        Map<String, BigDecimal> answers = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            String path = name + "." + field;
            switch (field) {
                case "methodology" -> methodology = AssessmentReader.string(p, t, path, errors);
                case "revision" -> revision = t == JsonToken.VALUE_NULL ? null : (int) RecordBodies.whole(p, t, path, errors, 1, Integer.MAX_VALUE);
                case "assessment" -> assessment = RecordBodies.whole(p, t, path, errors, 1, Long.MAX_VALUE);
                case "answers" -> answers = AssessmentReader.numbers(p, t, path, errors, invalid);
                default -> AssessmentReader.unknown(p, path, Message.literal("methodology, revision, answers, assessment"), errors);
            }
        }
        return new SideBody(methodology, revision, answers, assessment);
    }

    private static Set<String> strings(JsonParser p, JsonToken v, String field, List<FieldError> errors) throws IOException, HttpProblem {
        Set<String> out = new LinkedHashSet<>();
        if (v != JsonToken.START_ARRAY) {
            errors.add(FieldError.of(field, "body.array.type", AssessmentReader.kind(v)));
            p.skipChildren();
            return out;
        }
        for (JsonToken t; (t = p.nextToken()) != JsonToken.END_ARRAY; ) {
            if (out.size() >= AssessmentReader.MAX_ANSWERS) {
                throw AssessmentReader.tooManyAnswers(field);
            }
            String s = AssessmentReader.string(p, t, field + "[" + out.size() + "]", errors);
            if (s != null) out.add(s);
        }
        return out;
    }
}
