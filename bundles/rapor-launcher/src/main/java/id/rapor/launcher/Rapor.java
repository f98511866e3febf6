package id.rapor.launcher;

import java.nio.file.Path;
import java.time.Duration;
import org.osgi.framework.launch.Framework;

/** {@code bin/rapor}: starts Rapor in the foreground; Ctrl-C stops it cleanly. */
public final class Rapor {
    /** Held so the settings survive: java.util.logging keeps loggers only weakly. */
    private static final java.util.logging.Logger SPIFLY = java.util.logging.Logger.getLogger("org.apache.aries.spifly");

    private Rapor() {}

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        Path home = Path.of(System.getProperty("rapor.home", ".")).toAbsolutePath().normalize();
        quietLibraries();
        // A server draws its report charts off screen: AWT must never look for a display (java.awt is the system bundle's).
        System.setProperty("java.awt.headless", "true");
        RaporConfig config;
        try {
            config = RaporConfig.load(home, System.getenv(), System.getProperties());
        } catch (IllegalArgumentException e) {
            System.err.println("rapor: " + e.getMessage());
            System.exit(2);
            return;
        }
        Framework framework = FrameworkLauncher.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(framework), "rapor-shutdown"));

        String health = Readiness.await(config.baseUrl(), Duration.ofSeconds(60));
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (health == null) {
            System.err.println("rapor: the API at " + config.baseUrl() + " did not become ready within 60 s; see the log above.");
        } else {
            System.out.println("Rapor is ready in " + ms + " ms: " + config.baseUrl());
            System.out.println("  methodologies: curl " + config.baseUrl() + "/methodologies");
            System.out.println("  rule bundles:  drop a jar into " + home.resolve("deploy"));
        }
        framework.waitForStop(0);
    }

    /** slf4j-simple reads its settings from system properties: show Rapor's lines, keep the libraries' to warnings. */
    private static void quietLibraries() {
        String prefix = "org.slf4j.simpleLogger.";
        System.setProperty(prefix + "showDateTime", "true");
        System.setProperty(prefix + "dateTimeFormat", "yyyy-MM-dd HH:mm:ss.SSS");
        System.setProperty(prefix + "showShortLogName", "true");
        System.setProperty(prefix + "defaultLogLevel", System.getProperty("rapor.log.level", "info"));
        for (String noisy : new String[] {"org.eclipse.jetty", "org.drools", "org.kie"}) {
            System.setProperty(prefix + "log." + noisy, "warn");
        }
        // SPI Fly logs through java.util.logging, one line per service provider it wires.
        SPIFLY.setLevel(java.util.logging.Level.WARNING);
    }

    private static void stop(Framework framework) {
        try {
            framework.stop();
            framework.waitForStop(10_000);
        } catch (Exception e) {
            System.err.println("rapor: stopping: " + e);
        }
    }
}
