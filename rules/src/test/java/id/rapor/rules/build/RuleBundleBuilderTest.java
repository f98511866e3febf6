package id.rapor.rules.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.rapor.engine.standalone.StandaloneRuleBundle;
import id.rapor.rules.testkit.RuleBundleUnderTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new methodology year is a folder: the dry run the policy guide describes, on a copy of
 * rules/ with a pekppp-2025 made from pekppp-2022, builds a bundle the engine accepts with no
 * other change anywhere.
 */
class RuleBundleBuilderTest {
    private static final Path RULES = Path.of(System.getProperty("rapor.rules.folder", "."));

    @Test
    void aNewFolderIsANewRuleBundle(@TempDir Path copy) throws Exception {
        copyTree(RULES.resolve("common"), copy.resolve("common"));
        copyTree(RULES.resolve("pekppp-2022"), copy.resolve("pekppp-2025"));
        Path descriptor = copy.resolve("pekppp-2025/methodology/methodology.properties");
        Files.writeString(descriptor, Files.readString(descriptor).replace("id=pekppp-2022", "id=pekppp-2025").replace("years=2022-", "years=2025-"));
        Path bundle = copy.resolve("pekppp-2025/bundle.properties");
        Files.writeString(bundle, Files.readString(bundle).replace("version=2022.1.0", "version=2025.1.0"));

        RuleBundleBuilder builder = new RuleBundleBuilder(copy, copy.resolve("out"));
        assertEquals(List.of("pekppp-2025"), builder.folders().stream().map(p -> p.getFileName().toString()).toList());
        List<Path> jars = builder.buildAll();
        assertEquals(List.of(copy.resolve("out/pekppp-2025.jar")), jars);
        try (JarFile jar = new JarFile(jars.get(0).toFile())) {
            var main = jar.getManifest().getMainAttributes();
            assertEquals("id.rapor.rules.pekppp-2025", main.getValue("Bundle-SymbolicName"));
            assertEquals("2025.1.0", main.getValue("Bundle-Version"));
            assertEquals("pekppp-2025", main.getValue("Rapor-Methodology"));
            assertTrue(jar.getEntry("rules/weighted-index.drl") != null, "the shared rules are copied in");
            assertTrue(jar.getEntry("rules/index-and-band.drl") != null);
            assertTrue(jar.getEntry("methodology/bands.csv") != null, "and the shared PEKPPP bands");
            assertTrue(jar.getEntry("bundle.properties") == null, "build settings stay out of the bundle");
        }
        StandaloneRuleBundle loaded = RuleBundleUnderTest.loadFrom(copy.resolve("out/pekppp-2025"), "pekppp-2025");
        assertTrue(loaded.accepted(), () -> loaded.errors().toString());
        assertEquals("2025.1.0", loaded.methodology().getVersion());
        byte[] first = Files.readAllBytes(jars.get(0));
        builder.buildAll();
        assertTrue(java.util.Arrays.equals(first, Files.readAllBytes(jars.get(0))), "the same folder makes the same jar");
    }

    @Test
    void aFolderNamedOtherwiseThanItsMethodologyIsRefusedWithWhy(@TempDir Path copy) throws Exception {
        copyTree(RULES.resolve("common"), copy.resolve("common"));
        copyTree(RULES.resolve("skm-2017"), copy.resolve("skm-2025"));
        var e = assertThrows(IllegalStateException.class, () -> new RuleBundleBuilder(copy, copy.resolve("out")).buildAll());
        assertTrue(e.getMessage().contains("rules/skm-2025: the folder must be named after the methodology id"), e.getMessage());
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target); else Files.copy(p, target);
            }
        }
    }
}
