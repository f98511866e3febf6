package id.rapor.benchmarks;

import id.rapor.engine.standalone.StandaloneRuleBundle;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;

/** Loads a shipped rule bundle jar from the class path through the engine's own pipeline. */
final class RuleBundles {
    private RuleBundles() {}

    static StandaloneRuleBundle load(String artifactId, String methodologyId) throws IOException {
        String folder = System.getProperty("rapor.bench." + methodologyId);
        if (folder != null) return accepted(StandaloneRuleBundle.load(Path.of(folder), methodologyId, "benchmark"));
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path jar = Path.of(entry);
            if (jar.getFileName().toString().startsWith(artifactId + "-") && entry.endsWith(".jar")) {
                try (FileSystem zip = FileSystems.newFileSystem(jar)) {
                    return accepted(StandaloneRuleBundle.load(zip.getPath("/"), methodologyId, "benchmark"));
                }
            }
        }
        throw new IllegalStateException(artifactId + " is not on the class path");
    }

    private static StandaloneRuleBundle accepted(StandaloneRuleBundle bundle) {
        if (!bundle.accepted()) throw new IllegalStateException(bundle.errors().toString());
        return bundle;
    }
}
