package id.rapor.http.resource;

import id.rapor.api.text.Message;
import id.rapor.http.json.HttpProblem;
import id.rapor.http.json.Problems;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import id.rapor.api.FieldError;
import id.rapor.api.model.Assessment;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads scoring requests with the streaming parser: no tree, no reflection.
 * <ul>
 * <li>one unit: {@code {"unit": "…", "answers": {"<indicator id>": <number>, …}}}, or
 *     {@code "respondents": [{…}, …]} in place of answers for a survey methodology;</li>
 * <li>a region: {@code {"region": "…", "atOrBelow": "C", "units": [<unit>, …]}}.</li>
 * </ul>
 * Syntax and type errors are 400 with the field and what was expected; a missing field is
 * 422. Every wrong type is reported, not only the first. In a region, a unit with wrong
 * types carries its own errors and does not fail the others.
 */
public final class AssessmentReader {
    /** No answer of any methodology has more decimals (or a larger exponent) than this. */
    static final int MAX_SCALE = 30;
    /** Units per batch unless etc/rapor.properties says otherwise (http.batch.max.units). */
    public static final int DEFAULT_MAX_UNITS = 5_000;

    /** One unit of a region request: what was read, and what was wrong with it (empty if nothing). */
    /** One unit of a region: its assessment if it could be read, else its name (if any) and its errors. */
    record UnitInput(String name, Assessment assessment, List<FieldError> errors) {}

    /** A region request. */
    record Region(String region, String atOrBelow, List<UnitInput> units) {}

    private final JsonFactory json;
    private final int maxUnits;

    public AssessmentReader(JsonFactory json) {
        this(json, DEFAULT_MAX_UNITS);
    }

    public AssessmentReader(JsonFactory json, int maxUnits) {
        this.json = json;
        this.maxUnits = maxUnits;
    }

    Assessment read(InputStream body) throws HttpProblem, IOException {
        try (JsonParser p = json.createParser(body)) {
            start(p);
            List<FieldError> errors = new ArrayList<>();
            List<FieldError> invalid = new ArrayList<>();
            Assessment a = unit(p, "", errors, invalid);
            end(p);
            if (!errors.isEmpty()) throw typeProblem(errors);
            invalid.addAll(missing(a, ""));
            if (!invalid.isEmpty()) throw Problems.invalidAssessment(invalid);
            return a;
        } catch (JsonParseException e) {
            throw malformed(e);
        } catch (StreamConstraintsException e) {
            throw malformed(e);
        }
    }

    Region readRegion(InputStream body) throws HttpProblem, IOException {
        return readRegion(body, true);
    }

    /** Units to compare two revisions on: the region request's shape, the region's name optional. */
    Region readUnits(InputStream body) throws HttpProblem, IOException {
        return readRegion(body, false);
    }

    private Region readRegion(InputStream body, boolean named) throws HttpProblem, IOException {
        try (JsonParser p = json.createParser(body)) {
            start(p);
            String region = null;
            String atOrBelow = null;
            List<UnitInput> units = null;
            List<FieldError> errors = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "region" -> region = string(p, value, "region", errors);
                    case "atOrBelow" -> atOrBelow = string(p, value, "atOrBelow", errors);
                    case "units" -> {
                        if (value == JsonToken.START_ARRAY) units = units(p);
                        else { errors.add(FieldError.of("units", "body.units.type", kind(value))); p.skipChildren(); }
                    }
                    default -> unknown(p, field, Message.of("body.region.fields"), errors);
                }
            }
            end(p);
            if (!errors.isEmpty()) throw typeProblem(errors);
            List<FieldError> missing = new ArrayList<>();
            if (named && (region == null || region.isBlank())) missing.add(FieldError.of("region", "body.region.missing"));
            if (units == null || units.isEmpty()) missing.add(FieldError.of("units", "body.units.missing"));
            if (!missing.isEmpty()) throw Problems.invalidAssessment(missing);
            return new Region(region, atOrBelow, units);
        } catch (JsonParseException e) {
            throw malformed(e);
        } catch (StreamConstraintsException e) {
            throw malformed(e);
        }
    }

    private List<UnitInput> units(JsonParser p) throws IOException, HttpProblem {
        List<UnitInput> units = new ArrayList<>();
        for (JsonToken t; (t = p.nextToken()) != JsonToken.END_ARRAY; ) {
            // Refused as soon as one unit too many begins: a megabyte of tiny units is hundreds of thousands.
            if (units.size() == maxUnits) throw tooManyUnits(maxUnits);
            String prefix = "units[" + units.size() + "].";
            List<FieldError> errors = new ArrayList<>();
            Assessment a = null;
            if (t == JsonToken.START_OBJECT) {
                a = unit(p, prefix, errors, errors);
                errors.addAll(missing(a, prefix));
            } else {
                errors.add(FieldError.of("units[" + units.size() + "]", "body.unit.type", kind(t)));
                p.skipChildren();
            }
            units.add(new UnitInput(a == null ? null : a.unit(), errors.isEmpty() ? a : null, errors));
        }
        return units;
    }

    /**
     * Reads the fields of one unit object; the parser is just past its START_OBJECT. Wrong types go
     * to {@code errors} (400 for one unit), numbers no answer can be to {@code invalid} (422).
     */
    private Assessment unit(JsonParser p, String prefix, List<FieldError> errors, List<FieldError> invalid) throws IOException, HttpProblem {
        String unit = null;
        Map<String, BigDecimal> answers = null;
        List<Map<String, BigDecimal>> respondents = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "unit" -> unit = string(p, value, prefix + "unit", errors);
                case "answers" -> answers = numbers(p, value, prefix + "answers", errors, invalid);
                case "respondents" -> {
                    if (value == JsonToken.START_ARRAY) {
                        respondents = new ArrayList<>();
                        for (JsonToken t; (t = p.nextToken()) != JsonToken.END_ARRAY; ) {
                            respondents.add(numbers(p, t, prefix + "respondents[" + respondents.size() + "]", errors, invalid));
                        }
                    } else {
                        errors.add(FieldError.of(prefix + "respondents", "body.respondents.type", kind(value)));
                        p.skipChildren();
                    }
                }
                default -> unknown(p, prefix + field, Message.of("body.unit.fields"), errors);
            }
        }
        return new Assessment(unit, answers, respondents);
    }

    private static List<FieldError> missing(Assessment a, String prefix) {
        List<FieldError> missing = new ArrayList<>();
        if (a.unit() == null || a.unit().isBlank()) missing.add(FieldError.of(prefix + "unit", "body.unit.missing"));
        if (a.answers() == null && a.respondents() == null) {
            missing.add(FieldError.of(prefix + "answers", "answers.missing"));
        }
        return missing;
    }

    static Map<String, BigDecimal> numbers(JsonParser p, JsonToken value, String field, List<FieldError> errors,
            List<FieldError> invalid) throws IOException, HttpProblem {
        if (value != JsonToken.START_OBJECT) {
            errors.add(FieldError.of(field, "body.answers.type", kind(value)));
            p.skipChildren();
            return null;
        }
        Map<String, BigDecimal> answers = new LinkedHashMap<>();
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            // Every unknown key costs an error in the answer: 110,000 of them in a megabyte made a 10 MB
            // answer and 40 MB of heap per request. No questionnaire has near this many indicators.
            if (++seen > MAX_ANSWERS) throw tooManyAnswers(field);
            String indicator = p.currentName();
            JsonToken v = p.nextToken();
            if (v == JsonToken.VALUE_NUMBER_INT || v == JsonToken.VALUE_NUMBER_FLOAT) {
                BigDecimal number;
                try {
                    number = p.getDecimalValue();
                    // 0E-1000000 equals 0 but carries a million-digit scale that every later step would pay
                    // for: keep its plain value. What is still that large is no answer; validation says so.
                    if (Math.abs(number.scale()) > MAX_SCALE) number = number.stripTrailingZeros();
                } catch (NumberFormatException | ArithmeticException e) {
                    // 1E2147483648, 1E-2147483649: valid JSON, but beyond what a decimal can hold — certainly no answer.
                    String text = p.getText();
                    invalid.add(FieldError.of(field + "." + indicator, "answer.exponent",
                            text.length() > 40 ? text.substring(0, 40) + "…" : text));
                    continue;
                }
                answers.put(indicator, number);
            } else {
                errors.add(FieldError.of(field + "." + indicator, "body.answer.type", kind(v)));
                p.skipChildren();
            }
        }
        return answers;
    }

    static String string(JsonParser p, JsonToken value, String field, List<FieldError> errors) throws IOException {
        if (value == JsonToken.VALUE_STRING) return p.getText();
        errors.add(FieldError.of(field, "body.string.type", kind(value)));
        p.skipChildren();
        return null;
    }

    static void unknown(JsonParser p, String field, Message expected, List<FieldError> errors) throws IOException {
        errors.add(FieldError.of(field, "body.field.unknown", expected));
        p.skipChildren();
    }

    static void start(JsonParser p) throws IOException, HttpProblem {
        JsonToken first = p.nextToken();
        if (first == null) throw HttpProblem.malformed("$", Message.of("body.empty"));
        if (first != JsonToken.START_OBJECT) throw HttpProblem.malformed("$", Message.of("body.object.type", kind(first)));
    }

    static void end(JsonParser p) throws IOException, HttpProblem {
        if (p.nextToken() != null) throw HttpProblem.malformed("$", Message.of("body.trailing", where(p.currentLocation())));
    }

    /** Keys one answers object (or one respondent) may hold: the largest questionnaire has 37 indicators. */
    static final int MAX_ANSWERS = 200;

    static HttpProblem tooManyAnswers(String field) {
        return HttpProblem.of(413, "too-many-answers", Message.of("problem.too-many-answers.detail", MAX_ANSWERS),
                List.of(FieldError.of(field, "body.answers.tooMany", MAX_ANSWERS)));
    }

    static HttpProblem tooManyUnits(int max) {
        return HttpProblem.of(413, "too-many-units", Message.of("problem.too-many-units.detail", max),
                List.of(FieldError.of("units", "body.units.tooMany", max)));
    }

    static HttpProblem typeProblem(List<FieldError> errors) {
        return HttpProblem.of(400, "malformed-request", Message.of("problem.malformed-request.detail.types"), errors);
    }

    static HttpProblem malformed(JsonParseException e) {
        return HttpProblem.malformed(path(e), Message.of("body.json.malformed", where(e.getLocation()), plain(e.getOriginalMessage())));
    }

    static HttpProblem malformed(StreamConstraintsException e) {
        return HttpProblem.malformed("$", Message.of("body.json.limit", plain(e.getOriginalMessage())));
    }

    static Message kind(JsonToken token) {
        if (token == null) return Message.of("json.nothing");
        return switch (token) {
            case VALUE_STRING -> Message.of("json.string");
            case VALUE_NULL -> Message.of("json.null");
            case VALUE_TRUE, VALUE_FALSE -> Message.of("json.boolean");
            case START_ARRAY -> Message.of("json.array");
            case START_OBJECT -> Message.of("json.object");
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> Message.of("json.number");
            default -> Message.literal(token.toString());
        };
    }

    private static String path(JsonParseException e) {
        if (e.getProcessor() != null) {
            String pointer = e.getProcessor().getParsingContext().pathAsPointer().toString();
            if (!pointer.isEmpty()) return pointer.substring(1).replace('/', '.');
        }
        return "$";
    }

    /** Jackson's message without its internal source description. */
    private static String plain(String message) {
        int marker = message.indexOf(" (start marker at");
        String s = marker > 0 ? message.substring(0, marker) : message;
        return s.replaceAll("\\[Source: [^\\]]*\\]", "the body").strip();
    }

    private static Object where(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : Message.of("json.where", location.getLineNr(), location.getColumnNr());
    }
}
