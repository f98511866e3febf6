package id.rapor.launcher;

import java.nio.file.Path;
import java.time.Duration;
import org.osgi.framework.Bundle;
import org.osgi.framework.launch.Framework;

/** {@code bin/rapor}: starts Rapor in the foreground; Ctrl-C stops it cleanly. */
public final class Rapor {
    /** Felix HTTP's Jetty bundle: stopped first, so that it drains. */
    private static final String HTTP_SERVER = "org.apache.felix.http.jetty12";

    private Rapor() {}

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        Path home = Path.of(System.getProperty("rapor.home", ".")).toAbsolutePath().normalize();
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
        logging(config);
        Framework framework = FrameworkLauncher.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(framework), "rapor-shutdown"));

        String health = Readiness.await(config.baseUrl(), Duration.ofSeconds(60));
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (health == null) {
            LauncherLog.error("rapor: the API at " + config.baseUrl() + " did not become ready within 60 s; see the log above.");
        } else {
            LauncherLog.info("Rapor is ready in " + ms + " ms: " + config.baseUrl());
            classArchiveMayBeUsed();
            LauncherLog.info("  methodologies: curl " + config.baseUrl() + "/methodologies");
            LauncherLog.info("  rule bundles:  drop a jar into " + home.resolve("deploy"));
        }
        framework.waitForStop(0);
    }

    /**
     * Tells bin/rapor that the class-data archive this JVM writes when it stops comes from a start that got all the
     * way (the archive's name plus .ready); without it the next start makes the archive again.
     */
    private static void classArchiveMayBeUsed() {
        String ready = System.getProperty("rapor.cds.ready");
        if (ready == null) return;
        try {
            java.nio.file.Files.writeString(Path.of(ready), "");
        } catch (java.io.IOException e) {
            LauncherLog.info("rapor: the class-data archive will be made again at the next start (" + e.getMessage() + ")");
        }
    }

    /** Logback ({@link LogSetup}, on this jar's class path) takes the format (text or json) and the level from these properties. */
    private static void logging(RaporConfig config) {
        System.setProperty("rapor.log.format", config.logFormat);
        System.setProperty("rapor.log.level", System.getProperty("rapor.log.level", "info"));
        LauncherLog.format(config.logFormat);
    }

    /**
     * SIGTERM (or Ctrl-C): first the HTTP server, which stops accepting connections and waits up
     * to {@code shutdown.grace.ms} for the requests in flight while every service they use still
     * runs; then the rest of the framework.
     */
    private static void stop(Framework framework) {
        try {
            long start = System.nanoTime();
            for (Bundle b : framework.getBundleContext().getBundles()) {
                if (HTTP_SERVER.equals(b.getSymbolicName())) b.stop();
            }
            long drained = (System.nanoTime() - start) / 1_000_000;
            framework.stop();
            framework.waitForStop(10_000);
            LauncherLog.info("Rapor stopped (requests in flight drained in " + drained + " ms)");
        } catch (Exception e) {
            LauncherLog.error("rapor: stopping: " + e);
        }
    }
}
