package id.rapor.benchmarks;

import id.rapor.engine.standalone.StandaloneRuleBundle;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Loads a shipped rule bundle through the engine's own pipeline, from the unpacked bundles the
 * rules module builds ({@code rules/target/bundles/<id>/}; {@code -Drapor.rules.bundles=…} to
 * point elsewhere).
 */
final class RuleBundles {
    private static final Path BUNDLES = Path.of(System.getProperty("rapor.rules.bundles", "../../rules/target/bundles"));

    private RuleBundles() {}

    static StandaloneRuleBundle load(String methodologyId) throws IOException {
        Path folder = BUNDLES.resolve(methodologyId);
        if (!java.nio.file.Files.isDirectory(folder)) throw new IllegalStateException(folder + " is missing: build the rules module first");
        StandaloneRuleBundle bundle = StandaloneRuleBundle.load(folder, methodologyId, "benchmark");
        if (!bundle.accepted()) throw new IllegalStateException(bundle.errors().toString());
        return bundle;
    }
}
