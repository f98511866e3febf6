package id.rapor.launcher;

import java.io.PrintStream;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The lines the launcher writes itself (it runs outside the framework, where Logback is), and
 * java.util.logging's, in the log's format: with {@code log.format=json} each is a JSON object
 * with the keys Logback's JsonEncoder uses, and what else prints is made one ({@link JsonLinesStream}),
 * so every line of the log parses.
 */
final class LauncherLog {
    private static volatile boolean json;

    private LauncherLog() {}

    static void format(String format) {
        json = "json".equals(format);
        if (!json) return;
        System.setOut(JsonLinesStream.wrap(System.out, "INFO"));
        System.setErr(JsonLinesStream.wrap(System.err, "WARN"));
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) root.removeHandler(h);
        Handler lines = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (isLoggable(r)) System.err.print(getFormatter().format(r));
            }

            @Override public void flush() { System.err.flush(); }

            @Override public void close() { }
        };
        lines.setFormatter(new Formatter() {
            @Override
            public String format(LogRecord r) {
                return line(r.getInstant(), r.getLevel().intValue() >= Level.SEVERE.intValue() ? "ERROR"
                        : r.getLevel().intValue() >= Level.WARNING.intValue() ? "WARN" : "INFO",
                        r.getLoggerName(), formatMessage(r)) + "\n";
            }
        });
        root.addHandler(lines);
    }

    static void info(String message) {
        say(System.out, "INFO", message);
    }

    static void error(String message) {
        say(System.err, "ERROR", message);
    }

    private static void say(PrintStream out, String level, String message) {
        out.println(json ? line(Instant.now(), level, "id.rapor.launcher", message) : message);
    }

    static String line(Instant time, String level, String logger, String message) {
        return "{\"timestamp\":" + time.toEpochMilli() + ",\"level\":\"" + level + "\",\"threadName\":" + quote(Thread.currentThread().getName())
                + ",\"loggerName\":" + quote(logger) + ",\"mdc\": {},\"formattedMessage\":" + quote(message) + "}";
    }

    static String quote(String s) {
        if (s == null) return "null";
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }
}
