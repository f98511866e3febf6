package id.rapor.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** shutdown.grace.ms and log.format: their defaults, overrides and refusals; plain lines made JSON. */
class OperationsSettingsTest {
    @TempDir
    Path home;

    private RaporConfig load(String properties, Map<String, String> env, Properties system) throws Exception {
        Files.createDirectories(home.resolve("etc"));
        Files.writeString(home.resolve(RaporConfig.HTTP_SETTINGS), "");
        Files.writeString(home.resolve(RaporConfig.FILE), properties);
        return RaporConfig.load(home, env, system);
    }

    @Test
    void defaultsAndOverrides() throws Exception {
        RaporConfig c = load("", Map.of(), new Properties());
        assertEquals(20_000, c.shutdownGraceMillis);
        assertEquals("text", c.logFormat);
        Properties system = new Properties();
        system.setProperty("rapor.shutdown.grace.ms", "500");
        c = load("shutdown.grace.ms=1000\nlog.format=text\n", Map.of("RAPOR_LOG_FORMAT", "json"), system);
        assertEquals(500, c.shutdownGraceMillis);
        assertEquals("json", c.logFormat);
    }

    @Test
    void wrongValuesStopTheStartNamingTheSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> load("log.format=xml\n", Map.of(), new Properties()));
        assertTrue(e.getMessage().contains("log.format must be text or json"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> load("shutdown.grace.ms=-1\n", Map.of(), new Properties()));
        assertTrue(e.getMessage().contains("shutdown.grace.ms"), e.getMessage());
    }

    @Test
    void plainLinesBecomeJsonAndJsonLinesPass() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = JsonLinesStream.wrap(new PrintStream(bytes, true, StandardCharsets.UTF_8), "INFO");
        out.println("Creating configuration {id.rapor.http} from \"etc\"\tnow");
        out.println("{\"level\":\"INFO\"}");
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(2, lines.length);
        assertTrue(lines[0].startsWith("{\"timestamp\":"), lines[0]);
        assertTrue(lines[0].contains("\"formattedMessage\":\"Creating configuration {id.rapor.http} from \\\"etc\\\"\\tnow\""), lines[0]);
        assertEquals("{\"level\":\"INFO\"}", lines[1]);
    }
}
