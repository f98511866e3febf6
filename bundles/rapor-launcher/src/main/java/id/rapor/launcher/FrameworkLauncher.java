package id.rapor.launcher;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.BundleStartLevel;

/**
 * Creates the framework and installs the distribution's bundles by folder, in start-level
 * order: {@code bundles/core} (Declarative Services and the engine, so Drools reads the rule
 * bases back while Jetty starts), {@code bundles} (the HTTP API and its libraries), then
 * {@code bundles/apps} (the records' database and what builds on it: records, monitoring,
 * reports, exchange, advice, the web application; the API finds them as they come, so a score
 * does not wait for them), then the shipped rule bundles in {@code rules}. Rule bundles that
 * policy staff add or replace go to {@code deploy}, watched by FileInstall.
 * <p>
 * The log's API (SLF4J) and Logback are not bundles: they are on the launcher's class path and
 * the system bundle exports SLF4J's packages as its jar declares them. So logging is up before
 * any bundle starts, SLF4J finds Logback with the JVM's own service loader (no service-loader
 * mediator weaving every class of the bundles that log, which cost about half a second of a
 * start), and their classes are in the class-data archive bin/rapor keeps.
 */
final class FrameworkLauncher {
    private static final String[][] LEVELS = {{"bundles/core", "1"}, {"bundles", "2"}, {"bundles/apps", "3"}, {"rules", "4"}};

    private FrameworkLauncher() {}

    static Framework start(RaporConfig config) throws IOException, BundleException {
        Map<String, String> props = new HashMap<>();
        for (String key : config.all.stringPropertyNames()) {
            String value = config.all.getProperty(key).trim();
            // Framework and Felix settings (HTTPS: org.apache.felix.https.*) pass through as they are;
            // Rapor's are offered to the bundles as rapor.<key>.
            props.put(key.startsWith("org.") ? key : "rapor." + key, value);
        }
        props.put("rapor.data", config.home.resolve("data").toString());
        props.put("rapor.edit", config.home.resolve("edit").toString());
        props.put("rapor.users.file", config.home.resolve("etc/users.properties").toString());
        props.put(Constants.FRAMEWORK_STORAGE, config.home.resolve("data/felix-cache").toString());
        props.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        props.put(Constants.FRAMEWORK_BEGINNING_STARTLEVEL, String.valueOf(LEVELS.length));
        // SLF4J's packages, beside any an operator's etc/rapor.properties offers there.
        props.merge(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, exportsOf(org.slf4j.LoggerFactory.class), (theirs, ours) -> ours + "," + theirs);
        props.put("org.osgi.service.http.port", String.valueOf(config.port));
        props.put("org.apache.felix.http.host", config.host);
        props.put("org.apache.felix.http.enable", "true");
        // Felix HTTP's name for Jetty's idle timeout; the rest of the HTTP limits Rapor's JettyHardening applies.
        props.put("org.apache.felix.http.timeout", String.valueOf(config.idleTimeoutMillis));
        // How long Jetty's stop waits for requests in flight (rapor-http's GracefulStop makes Jetty count them).
        props.put("org.apache.felix.jetty.stopTimeout", String.valueOf(config.shutdownGraceMillis));
        // deploy/ for rule bundle jars (taken by the engine's installer); etc/ for the components'
        // settings (*.cfg, one per configuration PID), applied by Configuration Admin while Rapor runs.
        props.put("rapor.deploy", config.home.resolve("deploy").toString());
        props.put("felix.fileinstall.dir", config.home.resolve("deploy") + "," + config.home.resolve("etc"));
        props.put("felix.fileinstall.enableConfigSave", "false");
        props.put("felix.fileinstall.poll", String.valueOf(config.deployPollMillis));
        props.put("felix.fileinstall.noInitialDelay", "true");
        props.put("felix.fileinstall.filter", ".*\\.(jar|cfg)");
        // Rule bundles are read, never started: a jar in deploy/ with an activator gets no chance to run it.
        props.put("felix.fileinstall.bundles.new.start", "false");
        props.put("felix.fileinstall.start.level", LEVELS[LEVELS.length - 1][1]);
        props.put("felix.fileinstall.log.level", "3");

        Framework framework = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi framework on the class path"))
                .newFramework(props);
        framework.init();
        BundleContext context = framework.getBundleContext();
        List<Bundle> installed = new ArrayList<>();
        for (String[] level : LEVELS) {
            for (Path jar : jars(config.home.resolve(level[0]))) {
                // By reference: Felix reads the jar where it is instead of copying it into its cache at every start.
                Bundle b = context.installBundle("reference:" + jar.toUri());
                b.adapt(BundleStartLevel.class).setStartLevel(Integer.parseInt(level[1]));
                installed.add(b);
            }
        }
        for (Bundle b : installed) {
            if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null) b.start();
        }
        framework.start();
        return framework;
    }

    /** The Export-Package header of the jar {@code type} was loaded from: what the system bundle offers of it. */
    static String exportsOf(Class<?> type) throws IOException {
        try (JarFile jar = new JarFile(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toFile())) {
            String exports = jar.getManifest() == null ? null : jar.getManifest().getMainAttributes().getValue(Constants.EXPORT_PACKAGE);
            if (exports == null) throw new IOException(jar.getName() + " declares no Export-Package");
            return exports;
        } catch (URISyntaxException e) {
            throw new IOException("where " + type.getName() + " was loaded from: " + e.getMessage(), e);
        }
    }

    private static List<Path> jars(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
    }
}
