package id.rapor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/** The client is an OSGi bundle too: it resolves and starts in Felix with Gson as its only import beyond the JDK. */
class ClientBundleIT {

    @Test
    void resolvesAndStartsInFelix() throws Exception {
        Path lib = Path.of(System.getProperty("rapor.distribution")).resolve("lib");
        Path storage = Files.createTempDirectory("felix-client-");
        Framework felix = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow()
                .newFramework(Map.of("org.osgi.framework.storage", storage.toString(), "org.osgi.framework.storage.clean", "onFirstInit"));
        felix.start();
        try {
            Bundle gson = felix.getBundleContext().installBundle(lib.resolve("gson.jar").toUri().toString());
            Bundle client = felix.getBundleContext().installBundle(lib.resolve("rapor-client.jar").toUri().toString());
            gson.start();
            client.start();
            assertEquals(Bundle.ACTIVE, client.getState());
            assertEquals("id.rapor.client", client.getSymbolicName());
            assertEquals("id.rapor.client.RaporClient", client.loadClass("id.rapor.client.RaporClient").getName());
        } finally {
            felix.stop();
            felix.waitForStop(10_000);
        }
    }
}
