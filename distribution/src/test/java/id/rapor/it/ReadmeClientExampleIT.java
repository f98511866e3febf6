package id.rapor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Java client example is a real program: its java block is docs/examples/ScoreExample.java
 * word for word, which compiles against the jars the distribution ships in lib/ and, run against
 * the started distribution, prints what the README says it prints.
 */
class ReadmeClientExampleIT extends StartedDistribution {
    private static final Path DOCS = Path.of(System.getProperty("rapor.examples", "../docs/examples")).getParent();

    @Test
    void theReadmesJavaBlockIsTheExampleThatCompilesAndPrints297C(@TempDir Path classes) throws Exception {
        String readme = Files.readString(DOCS.resolveSibling("README.md"), StandardCharsets.UTF_8);
        Matcher block = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertEquals(true, block.find(), "the README has a java block");
        Path example = DOCS.resolve("examples/ScoreExample.java");
        assertEquals(Files.readString(example, StandardCharsets.UTF_8), block.group(1), "the README quotes " + example + " verbatim");

        String classpath = String.join(File.pathSeparator, rapor.home.resolve("lib/rapor-client.jar").toString(),
                rapor.home.resolve("lib/gson.jar").toString());
        var javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "a JDK runs the tests");
        assertEquals(0, javac.run(null, null, null, "-cp", classpath, "-d", classes.toString(), example.toString()), "it compiles");

        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classes + File.pathSeparator + classpath, "ScoreExample", rapor.url("")).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertEquals(List.of("2.97 C"), out.lines().toList());
    }
}
