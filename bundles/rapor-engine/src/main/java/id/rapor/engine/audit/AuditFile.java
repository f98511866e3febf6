package id.rapor.engine.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import id.rapor.api.AuditTrail;
import id.rapor.api.model.AuditEntry;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail as data/audit.jsonl: one JSON object per line, appended and synced, never
 * rewritten, readable by its owner only (it names users and addresses). Written and read with
 * Jackson's streaming parser, so no recorded string can break the reader. What a request puts in
 * an entry is capped ({@value #MAX_FIELD} characters a field): the trail cannot be made a lever to
 * fill the disk with a long URL. A line cut short by a crash is skipped and reported where it
 * stood, and the next entry starts on a line of its own. Without a data folder (rule tests,
 * tools) it keeps entries in memory. The trail of a single node ({@link RuleAudit}).
 */
public final class AuditFile implements AuditTrail {
    private static final Logger LOG = LoggerFactory.getLogger(AuditFile.class);
    static final int MAX_FIELD = 500;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final JsonFactory JSON = new JsonFactory();

    private final Path file;
    private final List<AuditEntry> memory = new ArrayList<>();
    private boolean checked;

    public AuditFile(Path file) {
        this.file = file;
    }

    /** In the data folder the launcher names ({@code rapor.data}), or in memory without one. */
    public AuditFile(BundleContext context) {
        this(context.getProperty("rapor.data") == null ? null : Path.of(context.getProperty("rapor.data")).resolve("audit.jsonl"));
    }

    @Override
    public synchronized void record(AuditEntry e) {
        if (file == null) {
            memory.add(capped(e));
            return;
        }
        try {
            if (!checked) prepare();
            Files.writeString(file, line(capped(e)), StandardCharsets.UTF_8, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }

    /** Once: the file exists, owner-only (also one an earlier version left readable), and ends with a whole line. */
    private void prepare() throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException e) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        } catch (UnsupportedOperationException e) {
            Files.createFile(file); // not a POSIX file system
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            ByteBuffer last = ByteBuffer.allocate(1);
            if (size > 0 && ch.read(last, size - 1) == 1 && last.get(0) != '\n') {
                // A crash cut the last entry short: the next one starts on a line of its own.
                ch.write(ByteBuffer.wrap(new byte[] {'\n'}), size);
                ch.force(true);
            }
        }
        checked = true;
    }

    static AuditEntry capped(AuditEntry e) {
        return new AuditEntry(e.time(), cap(e.user()), cap(e.address()), cap(e.requestId()), cap(e.action()), cap(e.methodology()),
                e.revision(), e.status(), cap(e.detail()));
    }

    static String cap(String s) {
        if (s == null || s.length() <= MAX_FIELD) return s;
        return s.substring(0, MAX_FIELD) + "… (" + (s.length() - MAX_FIELD) + " more characters)";
    }

    private static String line(AuditEntry e) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("time", e.time().toString());
            g.writeStringField("user", e.user());
            g.writeStringField("address", e.address());
            g.writeStringField("requestId", e.requestId());
            g.writeStringField("action", e.action());
            g.writeStringField("methodology", e.methodology());
            if (e.revision() == null) g.writeNullField("revision"); else g.writeNumberField("revision", e.revision());
            g.writeNumberField("status", e.status());
            g.writeStringField("detail", e.detail());
            g.writeEndObject();
        }
        return out.append('\n').toString();
    }

    @Override
    public synchronized List<AuditEntry> page(String methodology, Long before, int limit) {
        List<AuditEntry> page = new ArrayList<>();
        if (file == null) {
            for (int k = (int) Math.min(before == null ? memory.size() : before, memory.size()) - 1; k >= 0 && page.size() < limit; k--) {
                AuditEntry e = memory.get(k);
                if (methodology == null || methodology.equals(e.methodology())) page.add(withId(e, k));
            }
            return page;
        }
        try {
            if (!Files.exists(file)) return page;
            readBackwards(before, (offset, line) -> {
                AuditEntry e = entry(line);
                if (methodology == null || methodology.equals(e.methodology())) page.add(withId(e, offset));
                return page.size() < limit;
            });
            return page;
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }

    /** A line of the trail, or (cut short by a crash) an entry that says it was skipped. */
    private static AuditEntry entry(String line) {
        AuditEntry entry = parse(line);
        if (entry != null) return entry;
        LOG.warn("data/audit.jsonl has an unreadable line (cut short by a crash?), skipped: {}", cap(line).replaceAll("\\p{Cntrl}", "?"));
        return new AuditEntry(Instant.EPOCH, null, null, null, "audit.unreadable-line", null, null, 0,
                "an unreadable line of the trail was skipped (cut short by a crash?): " + cap(line));
    }

    private static AuditEntry withId(AuditEntry e, long id) {
        return new AuditEntry(e.time(), e.user(), e.address(), e.requestId(), e.action(), e.methodology(), e.revision(), e.status(), e.detail(), id);
    }

    /** Takes a line and where it starts in the file; false: no more lines are wanted. */
    private interface LineVisitor {
        boolean visit(long offset, String line);
    }

    /**
     * The lines that start before {@code before} (null: all), newest first, read from the end
     * in blocks: the trail only grows, and answering /audit must not read all of it into the heap.
     * An entry's id is where its line starts, so it stays the same as the trail grows.
     */
    private void readBackwards(Long before, LineVisitor visitor) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long pos = before == null ? ch.size() : Math.max(0, Math.min(before, ch.size()));
            byte[] tail = new byte[0]; // the start of a line whose beginning lies further back
            while (pos > 0) {
                int size = (int) Math.min(64 * 1024, pos);
                pos -= size;
                ByteBuffer block = ByteBuffer.allocate(size + tail.length);
                block.limit(size);
                while (block.hasRemaining() && ch.read(block, pos + block.position()) >= 0) { }
                byte[] buf = block.array();
                System.arraycopy(tail, 0, buf, size, tail.length);
                int lineEnd = buf.length;
                for (int i = buf.length - 1; i >= 0; i--) {
                    if (buf[i] != '\n') continue;
                    if (!visitLine(visitor, pos + i + 1, buf, i + 1, lineEnd)) return;
                    lineEnd = i;
                }
                tail = java.util.Arrays.copyOf(buf, lineEnd);
            }
            visitLine(visitor, 0, tail, 0, tail.length);
        }
    }

    private static boolean visitLine(LineVisitor visitor, long offset, byte[] buf, int from, int to) {
        String line = new String(buf, from, to - from, StandardCharsets.UTF_8);
        return line.isBlank() || visitor.visit(offset, line);
    }

    /** One line as this class wrote it, or null if it is not a whole entry. */
    static AuditEntry parse(String line) {
        Map<String, String> f = new HashMap<>();
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return null;
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) return null;
                f.put(name, value == JsonToken.VALUE_NULL ? null : p.getText());
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) return null;
            return new AuditEntry(Instant.parse(f.get("time")), f.get("user"), f.get("address"), f.get("requestId"), f.get("action"),
                    f.get("methodology"), f.get("revision") == null ? null : Integer.valueOf(f.get("revision")),
                    Integer.parseInt(f.get("status")), f.get("detail"));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
