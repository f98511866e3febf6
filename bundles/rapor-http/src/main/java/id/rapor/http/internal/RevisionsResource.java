package id.rapor.http.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import id.rapor.api.FieldError;
import id.rapor.api.MethodologyUnavailableException;
import id.rapor.api.RuleRevisions;
import id.rapor.api.UnknownMethodologyException;
import id.rapor.api.UnknownRevisionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;

/**
 * Policy staff's side of the API: a methodology's revisions, proposing one (changed files as
 * JSON, or a whole rule bundle jar) and activating one. The servlet authenticates and audits;
 * this class turns requests into calls on {@link RuleRevisions} and its refusals into problems.
 */
final class RevisionsResource {
    private final JsonFactory json;

    RevisionsResource(JsonFactory json) {
        this.json = json;
    }

    /** A proposal read from the request: comment and changed files. */
    record Proposal(String comment, Map<String, String> files) {}

    Proposal readJson(InputStream body) throws IOException, HttpProblem {
        String comment = null;
        Map<String, String> files = null;
        List<FieldError> errors = new ArrayList<>();
        try (JsonParser p = json.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw HttpProblem.malformed("$", "expected a JSON object with comment and files");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                if (field.equals("comment") && v == JsonToken.VALUE_STRING) {
                    comment = p.getText();
                } else if (field.equals("files") && v == JsonToken.START_OBJECT) {
                    files = new LinkedHashMap<>();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String path = p.currentName();
                        if (p.nextToken() == JsonToken.VALUE_STRING) files.put(path, p.getText());
                        else { errors.add(new FieldError("files." + path, "expected the file's text as a string")); p.skipChildren(); }
                    }
                } else {
                    errors.add(new FieldError(field, field.equals("comment") || field.equals("files")
                            ? "wrong type: comment is a string, files an object of path to text" : "unknown field; expected comment and files"));
                    p.skipChildren();
                }
            }
        } catch (JsonParseException e) {
            throw HttpProblem.malformed("$", "malformed JSON: " + e.getOriginalMessage());
        }
        if (!errors.isEmpty()) throw HttpProblem.of(400, "malformed-request", "Malformed request", "Some fields have the wrong type.", errors);
        List<FieldError> missing = new ArrayList<>();
        if (comment == null || comment.isBlank()) missing.add(new FieldError("comment", "missing; say why the rules change"));
        if (files == null || files.isEmpty()) missing.add(new FieldError("files", "missing; expected the changed files, path to text"));
        if (!missing.isEmpty()) throw Problems.invalidAssessment(missing);
        return new Proposal(comment, files);
    }

    /** A whole rule bundle jar: its methodology/ and rules/ files are the proposal. */
    Proposal readJar(InputStream body, String comment) throws IOException, HttpProblem {
        Map<String, String> files = new LinkedHashMap<>();
        try (JarInputStream jar = new JarInputStream(body)) {
            for (JarEntry e; (e = jar.getNextJarEntry()) != null; ) {
                if (!e.isDirectory() && (e.getName().startsWith("methodology/") || e.getName().startsWith("rules/"))) {
                    files.put(e.getName(), new String(jar.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        if (files.isEmpty()) throw HttpProblem.malformed("$", "not a rule bundle jar: no methodology/ or rules/ files");
        return new Proposal(comment == null || comment.isBlank() ? "rule bundle jar" : comment, files);
    }

    static HttpProblem refused(String id, Exception e) {
        if (e instanceof UnknownMethodologyException u) return Problems.unknownMethodology(u);
        if (e instanceof MethodologyUnavailableException m) return Problems.unavailable(id, m);
        if (e instanceof UnknownRevisionException r) {
            boolean exists = r.getMessage().contains("rejected") || r.getMessage().contains("no longer compiles");
            return HttpProblem.of(exists ? 409 : 404, exists ? "revision-not-usable" : "unknown-revision",
                    exists ? "Revision cannot be used" : "Unknown revision", r.getMessage() + ".", List.of());
        }
        throw new IllegalStateException(e);
    }

    static int number(String segment) throws HttpProblem {
        try {
            return Integer.parseInt(segment);
        } catch (NumberFormatException e) {
            throw HttpProblem.notFound("'" + segment + "' is not a revision number.");
        }
    }
}
