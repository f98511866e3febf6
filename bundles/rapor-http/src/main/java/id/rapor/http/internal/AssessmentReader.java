package id.rapor.http.internal;

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
 * Reads {@code {"unit": "…", "answers": {"<indicator id>": <number>, …}}} with the streaming
 * parser: no tree, no reflection. Syntax and type errors are 400 with the field and what was
 * expected; a missing field is 422. Every wrong type is reported, not only the first.
 */
final class AssessmentReader {
    private final JsonFactory json;

    AssessmentReader(JsonFactory json) {
        this.json = json;
    }

    Assessment read(InputStream body) throws HttpProblem, IOException {
        try (JsonParser p = json.createParser(body)) {
            return read(p);
        } catch (JsonParseException | StreamConstraintsException e) {
            throw HttpProblem.malformed(path(e), "malformed JSON" + where(e.getLocation()) + ": " + plain(e.getOriginalMessage()));
        }
    }

    private Assessment read(JsonParser p) throws IOException, HttpProblem {
        JsonToken first = p.nextToken();
        if (first == null) throw HttpProblem.malformed("$", "the body is empty; expected a JSON object with unit and answers");
        if (first != JsonToken.START_OBJECT) throw HttpProblem.malformed("$", "expected a JSON object, got " + kind(first));
        String unit = null;
        Map<String, BigDecimal> answers = null;
        List<FieldError> typeErrors = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "unit" -> {
                    if (value == JsonToken.VALUE_STRING) unit = p.getText();
                    else { typeErrors.add(new FieldError("unit", "expected a string, got " + kind(value))); p.skipChildren(); }
                }
                case "answers" -> {
                    if (value == JsonToken.START_OBJECT) answers = answers(p, typeErrors);
                    else { typeErrors.add(new FieldError("answers", "expected an object of indicator id to number, got " + kind(value))); p.skipChildren(); }
                }
                default -> {
                    typeErrors.add(new FieldError(field, "unknown field; expected unit and answers"));
                    p.skipChildren();
                }
            }
        }
        if (p.nextToken() != null) throw HttpProblem.malformed("$", "unexpected content after the JSON object" + where(p.currentLocation()));
        if (!typeErrors.isEmpty()) {
            throw HttpProblem.of(400, "malformed-request", "Malformed request", "Some fields have the wrong type.", typeErrors);
        }
        List<FieldError> missing = new ArrayList<>();
        if (unit == null || unit.isBlank()) missing.add(new FieldError("unit", "missing; expected the name of the unit assessed"));
        if (answers == null) missing.add(new FieldError("answers", "missing; expected an object of indicator id to number"));
        if (!missing.isEmpty()) throw Problems.invalidAssessment(missing);
        return new Assessment(unit, answers);
    }

    private static Map<String, BigDecimal> answers(JsonParser p, List<FieldError> typeErrors) throws IOException {
        Map<String, BigDecimal> answers = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String indicator = p.currentName();
            JsonToken value = p.nextToken();
            if (value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT) {
                answers.put(indicator, p.getDecimalValue());
            } else {
                typeErrors.add(new FieldError("answers." + indicator, "expected a number, got " + kind(value)));
                p.skipChildren();
            }
        }
        return answers;
    }

    private static String kind(JsonToken token) {
        if (token == null) return "nothing";
        return switch (token) {
            case VALUE_STRING -> "a string";
            case VALUE_NULL -> "null";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            default -> token.toString();
        };
    }

    private static String path(IOException e) {
        if (e instanceof JsonParseException jpe && jpe.getProcessor() != null) {
            String pointer = jpe.getProcessor().getParsingContext().pathAsPointer().toString();
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

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
