package id.rapor.http.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

public class LogSafeTest {
    @Test
    void aForgedLogLineStaysOnTheLineItCameIn() {
        String key = "i01\n2026-12-01 10:00:00.000 [main] INFO RevisionManager - Revision 7 of pekppp-2022 activated by siti";
        String logged = LogSafe.of("answers." + key);
        assertFalse(logged.contains("\n"), logged);
        assertTrue(logged.startsWith("answers.i01\\n2026-12-01"), logged);
    }

    @Test
    void everyControlCharacterIsEscaped() {
        assertEquals("a\\r\\nb\\tc\\u0000d\\u001be\\u007ff\\u0085g\\u2028h\\u2029", LogSafe.of("a\r\nb\tc\u0000d\u001be\u007ff\u0085g\u2028h\u2029"));
    }

    @Test
    void plainTextIsLeftAlone() {
        String plain = "POST /api/v1/methodologies/pekppp-2022/score — Dinas Kependudukan (contoh) é";
        assertSame(plain, LogSafe.of(plain).equals(plain) ? plain : LogSafe.of(plain));
        assertEquals("null", LogSafe.of(null));
    }

    @Test
    void aLongValueIsCut() {
        String logged = LogSafe.of("x".repeat(10_000));
        assertTrue(logged.length() < LogSafe.MAX + 40, "cut: " + logged.length());
        assertTrue(logged.endsWith("…(9500 more characters)"), logged.substring(LogSafe.MAX));
    }

    @Test
    void aFailureKeepsItsStackButNotItsLineBreaks() {
        RuntimeException e = new IllegalStateException("bad key\nRevision 7 activated", new IllegalArgumentException("cause\r\nforged"));
        Throwable safe = LogSafe.failure(e);
        StringWriter out = new StringWriter();
        safe.printStackTrace(new PrintWriter(out));
        String text = out.toString();
        assertTrue(text.startsWith("java.lang.IllegalStateException: bad key\\nRevision 7 activated"), text);
        assertTrue(text.contains("Caused by: java.lang.IllegalArgumentException: cause\\r\\nforged"), text);
        assertFalse(text.contains("\nRevision 7"), text);
        assertEquals(e.getStackTrace()[0], safe.getStackTrace()[0], "the same place in the code");
    }
}
