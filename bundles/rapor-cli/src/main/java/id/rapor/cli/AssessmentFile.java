package id.rapor.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import id.rapor.client.Types;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One unit's assessment in JSON, the body the API takes: {@code {"unit": "…", "answers": {"i01": 3, …}}},
 * or {@code "respondents": [{…}, …]} for a survey. Read strictly, so a typo or a quoted number
 * is reported here with the file's name instead of being dropped or converted on the way.
 */
final class AssessmentFile {
    private static final Set<String> FIELDS = Set.of("unit", "answers", "respondents");

    private AssessmentFile() {}

    static Types.Assessment read(Path file) {
        JsonElement json;
        try {
            json = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new InputException("no such file: " + file);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage());
        } catch (JsonParseException e) {
            throw new InputException(file + " is not JSON: " + e.getMessage());
        }
        if (!json.isJsonObject()) throw new InputException(file + ": expected a JSON object {\"unit\": …, \"answers\": {…}}");
        JsonObject o = json.getAsJsonObject();
        for (String field : o.keySet()) {
            if (!FIELDS.contains(field)) throw new InputException(file + ": unknown field '" + field + "'; expected unit and answers (or respondents)");
        }
        JsonElement unit = o.get("unit");
        if (unit == null || !unit.isJsonPrimitive() || !unit.getAsJsonPrimitive().isString()) {
            throw new InputException(file + ": \"unit\" must be the name of the unit assessed");
        }
        Map<String, BigDecimal> answers = o.has("answers") ? answers(file, "answers", o.get("answers")) : null;
        List<Map<String, BigDecimal>> respondents = o.has("respondents") ? respondents(file, o.get("respondents")) : null;
        if (answers == null && respondents == null) throw new InputException(file + ": has neither \"answers\" nor \"respondents\"");
        return new Types.Assessment(unit.getAsString(), answers, respondents);
    }

    private static List<Map<String, BigDecimal>> respondents(Path file, JsonElement json) {
        if (!json.isJsonArray()) throw new InputException(file + ": \"respondents\" must be an array of answer objects");
        List<Map<String, BigDecimal>> respondents = new ArrayList<>();
        for (JsonElement r : json.getAsJsonArray()) respondents.add(answers(file, "respondents[" + respondents.size() + "]", r));
        return respondents;
    }

    private static Map<String, BigDecimal> answers(Path file, String field, JsonElement json) {
        if (!json.isJsonObject()) throw new InputException(file + ": \"" + field + "\" must be an object of indicator id to number");
        Map<String, BigDecimal> answers = new LinkedHashMap<>();
        for (var e : json.getAsJsonObject().entrySet()) {
            JsonElement v = e.getValue();
            if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isNumber()) {
                throw new InputException(file + ": " + field + "." + e.getKey() + " must be a number, not " + v);
            }
            answers.put(e.getKey(), v.getAsBigDecimal()); // from the number's text: 4.50 stays 4.50
        }
        return answers;
    }
}
