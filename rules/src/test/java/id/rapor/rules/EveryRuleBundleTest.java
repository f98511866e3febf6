package id.rapor.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import id.rapor.engine.standalone.StandaloneRuleBundle;
import id.rapor.rules.build.RuleBundleBuilder;
import id.rapor.rules.testkit.RuleBundleUnderTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every methodology folder of rules/, the ones added later included, with no test of its own
 * needed: the build made its bundle, the engine accepts it, and each golden case gives exactly
 * the index and band it states.
 */
class EveryRuleBundleTest {

    @TestFactory
    Stream<DynamicNode> everyFolderIsABundleWhoseGoldenCasesHold() throws Exception {
        Path rules = Path.of(System.getProperty("rapor.rules.folder", "."));
        var folders = new RuleBundleBuilder(rules, RuleBundleUnderTest.bundles()).folders();
        assertTrue(folders.size() >= 5, "the shipped methodologies are found: " + folders);
        return folders.stream().map(folder -> {
            String id = folder.getFileName().toString();
            Path unpacked = RuleBundleUnderTest.bundles().resolve(id);
            assertTrue(Files.isRegularFile(RuleBundleUnderTest.bundles().resolve(id + ".jar")), id + ".jar was built");
            StandaloneRuleBundle bundle = RuleBundleUnderTest.loadFrom(unpacked, id);
            DynamicTest accepted = DynamicTest.dynamicTest("accepted", () -> assertTrue(bundle.accepted(), () -> "rejected: " + bundle.errors()));
            Stream<DynamicTest> cases = bundle.accepted() ? RuleBundleUnderTest.goldenCases(bundle) : Stream.empty();
            return DynamicContainer.dynamicContainer(id, Stream.concat(Stream.of(accepted), cases));
        });
    }
}
