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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a round as sent: {@code {"region": "kab-contoh", "family": "pekppp", "year": 2024, "opensOn": "2024-03-01",
 * "closesOn": "2024-03-31", "closed": false}}; a change (PUT) holds only {@code opensOn}, {@code closesOn} and
 * {@code closed}, each optional. Wrong types are 400 naming every field; what is missing or impossible, 422.
 */
final class EntryRoundBodies {
    /** What a body held; null for what it did not. A date that is no date is in {@code invalid}. */
    record Sent(String region, String family, Integer year, LocalDate opensOn, LocalDate closesOn, Boolean closed, List<FieldError> invalid) {}

    static final String FIELDS = "region, family, year, opensOn, closesOn, closed";
    static final String CHANGE_FIELDS = "opensOn, closesOn, closed";

    private final JsonFactory json;

    EntryRoundBodies(JsonFactory json) {
        this.json = json;
    }

    /** A new round ({@code change} false) or a round's change (only the period and closed). */
    Sent read(InputStream body, boolean change) throws IOException, HttpProblem {
        try (JsonParser p = json.createParser(body)) {
            AssessmentReader.start(p);
            String region = null, family = null, opens = null, closes = null;
            Integer year = null;
            Boolean closed = null;
            List<FieldError> errors = new ArrayList<>();
            String allowed = change ? CHANGE_FIELDS : FIELDS;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                switch (change && (field.equals("region") || field.equals("family") || field.equals("year")) ? "" : field) {
                    case "region" -> region = AssessmentReader.string(p, v, "region", errors);
                    case "family" -> family = AssessmentReader.string(p, v, "family", errors);
                    case "year" -> year = (int) RecordBodies.whole(p, v, "year", errors, Integer.MIN_VALUE, Integer.MAX_VALUE);
                    case "opensOn" -> opens = AssessmentReader.string(p, v, "opensOn", errors);
                    case "closesOn" -> closes = AssessmentReader.string(p, v, "closesOn", errors);
                    case "closed" -> {
                        if (v == JsonToken.VALUE_TRUE || v == JsonToken.VALUE_FALSE) closed = v == JsonToken.VALUE_TRUE;
                        else { errors.add(FieldError.of("closed", "body.boolean.type", AssessmentReader.kind(v))); p.skipChildren(); }
                    }
                    default -> AssessmentReader.unknown(p, field, Message.literal(allowed), errors);
                }
            }
            AssessmentReader.end(p);
            if (!errors.isEmpty()) throw AssessmentReader.typeProblem(errors);
            List<FieldError> invalid = new ArrayList<>();
            LocalDate opensOn = date(opens, "opensOn", invalid);
            LocalDate closesOn = date(closes, "closesOn", invalid);
            return new Sent(blankToNull(region), blankToNull(family), year, opensOn, closesOn, closed, invalid);
        } catch (JsonParseException e) {
            throw AssessmentReader.malformed(e);
        } catch (StreamConstraintsException e) {
            throw AssessmentReader.malformed(e);
        }
    }

    private static LocalDate date(String value, String field, List<FieldError> invalid) {
        if (value == null) return null;
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            invalid.add(FieldError.of(field, "records.round.date", value));
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
