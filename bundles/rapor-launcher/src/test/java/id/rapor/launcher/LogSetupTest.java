package id.rapor.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ch.qos.logback.classic.spi.Configurator;
import java.util.ServiceLoader;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** The log set up in code: its two formats, its level, the libraries kept quiet; SLF4J's packages as the system bundle offers them. */
class LogSetupTest {
    private final PrintStream err = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    @AfterEach
    void restore() {
        System.setErr(err);
        System.clearProperty("rapor.log.format");
        System.clearProperty("rapor.log.level");
        MDC.clear();
    }

    private String log(String format, String level) {
        if (format != null) System.setProperty("rapor.log.format", format);
        if (level != null) System.setProperty("rapor.log.level", level);
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        // SLF4J's own context (it has the MDC adapter), set up again with these properties.
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        new LogSetup().configure(context);
        MDC.put("requestId", "r-1");
        context.getLogger("id.rapor.engine.Sample").info("scored {}", "pekppp-2022");
        context.getLogger("id.rapor.engine.Sample").debug("a detail");
        context.getLogger("org.eclipse.jetty.server.Server").info("jetty says hello");
        context.getLogger("org.eclipse.jetty.server.Server").warn("jetty warns");
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void textByDefault() {
        String out = log(null, null);
        assertTrue(out.matches("(?s)\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\[[^]]+] INFO Sample - scored pekppp-2022\n.*"), out);
        assertFalse(out.contains("a detail"), "info is the default level");
        assertFalse(out.contains("jetty says hello"), "the libraries only when they warn");
        assertTrue(out.contains("WARN Server - jetty warns"), "[" + out + "]");
    }

    @Test
    void jsonLinesWithTheRequestId() {
        String out = log("json", "debug");
        String[] lines = out.strip().split("\n");
        assertEquals(3, lines.length, "[" + out + "]");
        for (String line : lines) assertTrue(line.startsWith("{") && line.endsWith("}"), line);
        assertTrue(lines[0].contains("\"formattedMessage\":\"scored pekppp-2022\""), lines[0]);
        assertTrue(lines[0].contains("\"requestId\":\"r-1\""), lines[0]);
        assertTrue(lines[1].contains("\"formattedMessage\":\"a detail\""), "the level is a setting");
        assertTrue(lines[2].contains("jetty warns"), lines[2]);
    }

    @Test
    void logbackFindsItByItsServiceLoader() {
        assertTrue(ServiceLoader.load(Configurator.class).stream().anyMatch(p -> p.type() == LogSetup.class));
    }

    @Test
    void slf4jsPackagesAsItsJarDeclaresThem() throws Exception {
        String exports = FrameworkLauncher.exportsOf(org.slf4j.LoggerFactory.class);
        for (String pkg : new String[] {"org.slf4j;", "org.slf4j.spi;", "org.slf4j.helpers;", "org.slf4j.event;"}) {
            assertTrue(exports.contains(pkg), pkg + " in " + exports);
        }
        assertTrue(exports.contains("version=\"2."), exports);
    }
}
