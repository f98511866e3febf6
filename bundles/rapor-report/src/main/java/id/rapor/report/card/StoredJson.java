package id.rapor.report.card;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON the records store with an assessment, read back as plain values: objects as maps in
 * their order, arrays as lists, numbers as BigDecimal (exact, as written: 4.50 stays 4.50).
 * What was stored was written by Rapor itself, so anything else is a broken store.
 */
final class StoredJson {
    private static final JsonFactory JSON = new JsonFactory();

    private StoredJson() {}

    static Map<String, Object> object(String json) {
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new IllegalStateException("stored JSON is not an object");
            @SuppressWarnings("unchecked")
            Map<String, Object> value = (Map<String, Object>) value(p, JsonToken.START_OBJECT);
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("stored JSON unreadable", e);
        }
    }

    private static Object value(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    m.put(name, value(p, p.nextToken()));
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                for (JsonToken e; (e = p.nextToken()) != JsonToken.END_ARRAY; ) l.add(value(p, e));
                return l;
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new BigDecimal(p.getText());
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            default -> {
                return null;
            }
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> objects(Map<String, Object> m, String field) {
        Object v = m.get(field);
        return v instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    static String text(Map<String, Object> m, String field) {
        Object v = m.get(field);
        return v == null ? null : v.toString();
    }

    static BigDecimal number(Map<String, Object> m, String field) {
        return m.get(field) instanceof BigDecimal n ? n : null;
    }

    /** The stored input's answers by indicator (empty for a survey's respondents). */
    static Map<String, BigDecimal> answers(String input) {
        Object answers = object(input).get("answers");
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        if (answers instanceof Map<?, ?> m) m.forEach((k, v) -> {
            if (v instanceof BigDecimal n) out.put(k.toString(), n);
        });
        return out;
    }
}
