package id.rapor.engine.internal;

import id.rapor.api.AuditTrail;
import id.rapor.api.model.AuditEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The audit trail as data/audit.jsonl: one JSON object per line, appended and synced, never
 * rewritten. Without a data folder (rule tests, tools) it keeps entries in memory.
 */
final class AuditFile implements AuditTrail {
    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\":(null|-?\\d+|\"((?:[^\"\\\\]|\\\\.)*)\")");

    private final Path file;
    private final List<AuditEntry> memory = new ArrayList<>();

    AuditFile(Path file) {
        this.file = file;
    }

    @Override
    public synchronized void record(AuditEntry e) {
        if (file == null) {
            memory.add(e);
            return;
        }
        String line = "{\"time\":" + str(e.time().toString()) + ",\"user\":" + str(e.user()) + ",\"address\":" + str(e.address())
                + ",\"requestId\":" + str(e.requestId()) + ",\"action\":" + str(e.action()) + ",\"methodology\":" + str(e.methodology())
                + ",\"revision\":" + (e.revision() == null ? "null" : e.revision()) + ",\"status\":" + e.status()
                + ",\"detail\":" + str(e.detail()) + "}\n";
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }

    @Override
    public synchronized List<AuditEntry> last(int limit) {
        if (file == null) return List.copyOf(memory.subList(Math.max(0, memory.size() - limit), memory.size()));
        try {
            if (!Files.exists(file)) return List.of();
            List<String> lines = lastLines(limit);
            List<AuditEntry> entries = new ArrayList<>();
            for (String line : lines.subList(Math.max(0, lines.size() - limit), lines.size())) {
                if (!line.isBlank()) entries.add(parse(line));
            }
            return entries;
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }

    /**
     * The last {@code limit} lines, read from the end: the trail only grows (every refused login
     * adds a line), and answering /audit must not read all of it into the heap.
     */
    private List<String> lastLines(int limit) throws IOException {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.READ)) {
            long start = ch.size();
            int newlines = 0;
            java.util.ArrayDeque<byte[]> blocks = new java.util.ArrayDeque<>();
            while (start > 0 && newlines <= limit) {
                int size = (int) Math.min(64 * 1024, start);
                start -= size;
                java.nio.ByteBuffer block = java.nio.ByteBuffer.allocate(size);
                while (block.hasRemaining() && ch.read(block, start + block.position()) >= 0) { }
                for (byte b : block.array()) if (b == '\n') newlines++;
                blocks.addFirst(block.array());
            }
            java.io.ByteArrayOutputStream tail = new java.io.ByteArrayOutputStream();
            for (byte[] b : blocks) tail.write(b);
            List<String> lines = new ArrayList<>(List.of(tail.toString(StandardCharsets.UTF_8).split("\n", -1)));
            if (start > 0) lines.remove(0); // cut in the middle
            if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
            return lines.subList(Math.max(0, lines.size() - limit), lines.size());
        }
    }

    /** Reads back a line this class wrote (flat object of strings, numbers and nulls). */
    private static AuditEntry parse(String line) {
        java.util.Map<String, String> f = new java.util.HashMap<>();
        Matcher m = FIELD.matcher(line);
        while (m.find()) f.put(m.group(1), m.group(3) != null ? unescape(m.group(3)) : m.group(2).equals("null") ? null : m.group(2));
        return new AuditEntry(Instant.parse(f.get("time")), f.get("user"), f.get("address"), f.get("requestId"), f.get("action"),
                f.get("methodology"), f.get("revision") == null ? null : Integer.valueOf(f.get("revision")),
                Integer.parseInt(f.get("status")), f.get("detail"));
    }

    private static String str(String s) {
        if (s == null) return "null";
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> { if (c < 0x20) b.append(String.format("\\u%04x", (int) c)); else b.append(c); }
            }
        }
        return b.append('"').toString();
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) { b.append(c); continue; }
            char n = s.charAt(++i);
            switch (n) {
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> { b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16)); i += 4; }
                default -> b.append(n);
            }
        }
        return b.toString();
    }
}
