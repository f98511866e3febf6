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
import java.util.ArrayList;
import java.util.List;

/** Reads {@code PUT /users/{name}}: {@code {"roles": ["evaluator@kab-a", "admin"], "password": "…"}}; wrong types are a 400 naming each field. */
final class UserBodies {
    /** The grants as sent (in order, for {@code roles[i]}), and the password or null. */
    record UserChange(List<String> roles, char[] password) {}

    private final JsonFactory json;

    UserBodies(JsonFactory json) {
        this.json = json;
    }

    UserChange read(InputStream body) throws IOException, HttpProblem {
        try (JsonParser p = json.createParser(body)) {
            AssessmentReader.start(p);
            List<String> roles = null;
            String password = null;
            List<FieldError> errors = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                switch (field) {
                    case "roles" -> roles = strings(p, v, errors);
                    case "password" -> password = v == JsonToken.VALUE_NULL ? null : AssessmentReader.string(p, v, "password", errors);
                    default -> AssessmentReader.unknown(p, field, Message.literal("roles, password"), errors);
                }
            }
            AssessmentReader.end(p);
            if (!errors.isEmpty()) throw AssessmentReader.typeProblem(errors);
            return new UserChange(roles, password == null ? null : password.toCharArray());
        } catch (JsonParseException e) {
            throw AssessmentReader.malformed(e);
        } catch (StreamConstraintsException e) {
            throw AssessmentReader.malformed(e);
        }
    }

    private static List<String> strings(JsonParser p, JsonToken v, List<FieldError> errors) throws IOException {
        if (v != JsonToken.START_ARRAY) {
            errors.add(FieldError.of("roles", "body.array.type", AssessmentReader.kind(v)));
            p.skipChildren();
            return null;
        }
        List<String> out = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            String s = AssessmentReader.string(p, t, "roles[" + out.size() + "]", errors);
            out.add(s == null ? "" : s.trim());
        }
        return out;
    }
}
