package id.rapor.engine.deploy;

import id.rapor.engine.source.RuleSourceSnapshot;

import static id.rapor.engine.source.RuleBundleLayout.RULES_FOLDER;
import static id.rapor.engine.source.RuleBundleLayout.RULES_SUFFIX;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.osgi.service.component.annotations.Component;

/**
 * The rule text operators installed. Rule text is code, and code comes only from operators: a
 * rule bundle jar shipped in {@code rules/} or placed in {@code deploy/}, where file access to
 * the server is full trust already. Revisions and the edit folder change tables, which are data;
 * whatever rule text a revision carries must be, to the byte, the rule text of a rule bundle an
 * operator installed for that methodology, or the revision is never compiled.
 *
 * <p>No check of the text itself is attempted: any type a rule may name reaches {@code Class},
 * and from there everything, so the only safe author is a trusted one. Texts are remembered
 * for the life of the process (an operator's text stays an operator's text after its jar is
 * replaced), and recorded when a bundle is seen, before it is compiled, so a revision restored
 * at start never waits for the compile queue.
 */
@Component(service = OperatorRuleText.class)
public final class OperatorRuleText {
    private final Map<String, Set<String>> byMethodology = new HashMap<>();

    /** Remembers the rule text of a rule bundle an operator installed. */
    public synchronized void installed(String methodologyId, Map<String, String> bundleFiles) {
        byMethodology.computeIfAbsent(methodologyId, k -> new HashSet<>()).add(fingerprint(bundleFiles));
        notifyAll();
    }

    /** True if the rule text among {@code files} is exactly that of a rule bundle installed for the methodology. */
    public synchronized boolean isInstalled(String methodologyId, Map<String, String> files) {
        return byMethodology.getOrDefault(methodologyId, Set.of()).contains(fingerprint(files));
    }

    /**
     * Like {@link #isInstalled}, waiting up to {@code millis} for the bundle to appear: at start,
     * FileInstall installs the jars of deploy/ a moment after the stored revisions are restored.
     */
    public synchronized boolean awaitInstalled(String methodologyId, Map<String, String> files, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (!isInstalled(methodologyId, files)) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) return false;
            wait(left);
        }
        return true;
    }

    /** The rule files among a bundle's files, by path. */
    static Map<String, String> ruleFiles(Map<String, String> files) {
        Map<String, String> rules = new TreeMap<>();
        files.forEach((path, text) -> {
            if (isRuleFile(path)) rules.put(path, text);
        });
        return rules;
    }

    public static boolean isRuleFile(String path) {
        return path.startsWith(RULES_FOLDER + "/") && path.endsWith(RULES_SUFFIX);
    }

    private static String fingerprint(Map<String, String> files) {
        return RuleSourceSnapshot.hash(ruleFiles(files));
    }
}
