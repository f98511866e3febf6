package id.rapor.http.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

/**
 * Who did what to the rules, when and from where: one JSON object per line, appended to
 * data/audit.jsonl and never rewritten. Refused attempts (401, 403) are recorded too.
 */
final class AuditLog {
    record Entry(String user, String address, String requestId, String action, String methodology, Integer revision,
                 int status, String detail) {}

    private final Path file;
    private final JsonFactory json;

    AuditLog(Path file, JsonFactory json) {
        this.file = file;
        this.json = json;
    }

    synchronized void record(Entry e) {
        StringWriter line = new StringWriter();
        try (JsonGenerator g = json.createGenerator(line)) {
            g.writeStartObject();
            g.writeStringField("time", Instant.now().toString());
            g.writeStringField("user", e.user());
            g.writeStringField("address", e.address());
            g.writeStringField("requestId", e.requestId());
            g.writeStringField("action", e.action());
            g.writeStringField("methodology", e.methodology());
            if (e.revision() == null) g.writeNullField("revision"); else g.writeNumberField("revision", e.revision());
            g.writeNumberField("status", e.status());
            g.writeStringField("detail", e.detail());
            g.writeEndObject();
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.SYNC);
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }

    /** The last {@code limit} entries, oldest first, each a JSON object as written. */
    synchronized List<String> last(int limit) {
        try {
            if (!Files.exists(file)) return List.of();
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return lines.subList(Math.max(0, lines.size() - limit), lines.size()).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }
}
