package id.rapor.launcher;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Rapor's log, on standard error, set up in code: Logback finds this class through its own {@code Configurator}
 * service (META-INF/services, on the launcher's class path) the first time a bundle asks for a logger. Code rather
 * than a logback.xml because reading the XML (Joran) cost about 300 ms of a 2 s start, every start.
 * <p>
 * The format is {@code rapor.log.format} ({@code text}: one line per event, for people; {@code json}: Logback's
 * JsonEncoder, one object per line with the request id, user and methodology under "mdc"), the level
 * {@code rapor.log.level}; the launcher sets both from etc/rapor.properties. The libraries' lines show only when
 * they warn.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {
    static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} [%thread] %level %logger{0} - %msg%n";
    private static final String[] QUIET = {"org.eclipse.jetty", "org.drools", "org.kie"};

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("console");
        console.setTarget("System.err");
        console.setEncoder(encoder(context, System.getProperty("rapor.log.format", "text")));
        console.start();

        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(System.getProperty("rapor.log.level", "info"), Level.INFO));
        root.addAppender(console);
        for (String library : QUIET) context.getLogger(library).setLevel(Level.WARN);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static Encoder<ILoggingEvent> encoder(LoggerContext context, String format) {
        if ("json".equals(format)) {
            JsonEncoder json = new JsonEncoder();
            json.setContext(context);
            json.setWithSequenceNumber(false);
            json.setWithNanoseconds(false);
            json.setWithContext(false);
            json.setWithArguments(false);
            json.setWithMessage(false);
            json.setWithFormattedMessage(true);
            json.start();
            return json;
        }
        PatternLayoutEncoder text = new PatternLayoutEncoder();
        text.setContext(context);
        text.setPattern(PATTERN);
        text.start();
        return text;
    }
}
