package id.rapor.launcher;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Standard output or error with {@code log.format=json}: a line that is already a JSON object
 * (Logback's, the launcher's) passes as it is; any other line (Felix's, FileInstall's, SCR's,
 * which print rather than log) becomes one, so that every line of the log parses.
 */
final class JsonLinesStream extends OutputStream {
    private final PrintStream target;
    private final String level;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

    private JsonLinesStream(PrintStream target, String level) {
        this.target = target;
        this.level = level;
    }

    /** {@code target} wrapped; {@code level}: what its plain lines are (INFO for output, WARN for errors). */
    static PrintStream wrap(PrintStream target, String level) {
        return new PrintStream(new JsonLinesStream(target, level), true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            emit();
        } else {
            line.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        for (int k = off; k < off + len; k++) write(b[k]);
    }

    @Override
    public synchronized void flush() {
        target.flush();
    }

    private void emit() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (text.endsWith("\r")) text = text.substring(0, text.length() - 1);
        if (text.isBlank()) return;
        target.println(text.startsWith("{") && text.endsWith("}") ? text
                : LauncherLog.line(Instant.now(), level, "console", text));
        target.flush();
    }
}
