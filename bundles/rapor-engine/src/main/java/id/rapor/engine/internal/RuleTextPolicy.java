package id.rapor.engine.internal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rule text is code, so a rule file may only compute: it may import the API's model and fact
 * types and a few value types, and it may not name anything that reaches the JVM, the files,
 * the network or reflection. Checked on the author's text (comments and string literals
 * blanked out first) before anything is compiled; each finding names its line and column.
 */
final class RuleTextPolicy {
    private static final List<String> ALLOWED_IMPORTS = List.of(
            "id.rapor.api.model.", "id.rapor.api.fact.",
            "java.math.BigDecimal", "java.math.BigInteger", "java.math.RoundingMode", "java.math.MathContext",
            "java.util.List", "java.util.ArrayList", "java.util.Map", "java.util.HashMap", "java.util.LinkedHashMap",
            "java.util.Set", "java.util.HashSet", "java.util.Collection", "java.util.Collections", "java.util.Objects");

    /** Names that reach outside the computation, matched as whole words. */
    private static final Pattern FORBIDDEN = Pattern.compile("\\b(System|Runtime|ProcessBuilder|Process|Thread|ThreadGroup|"
            + "Class|ClassLoader|forName|getClass|getDeclared\\w*|setAccessible|reflect|invoke|MethodHandles?|Unsafe|"
            + "java\\.io|java\\.nio|java\\.net|javax|sun|jdk|com\\.sun|File\\w*|Path|Paths|Socket\\w*|URL\\w*|URI|HttpClient|"
            + "exit|halt|exec|load|loadLibrary|getenv|getProperty|setProperty|Security\\w*|ScriptEngine\\w*|Serializable|"
            + "ObjectInputStream|ObjectOutputStream|drools\\.getKieRuntime|kcontext|getKieRuntime|getWorkingMemory|"
            + "Executor\\w*|CompletableFuture|Timer|ForkJoinPool)\\b");
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(static\\s+)?([\\w.*]+)\\s*;?\\s*$");
    private static final Pattern DIALECT = Pattern.compile("^\\s*dialect\\s+\"mvel\"");

    private RuleTextPolicy() {}

    static void check(String file, String text, Problems problems) {
        String[] lines = blankCommentsAndStrings(text).split("\n", -1);
        for (int k = 0; k < lines.length; k++) {
            String line = lines[k];
            Matcher imp = IMPORT.matcher(line);
            if (imp.matches()) {
                String name = imp.group(2);
                if (imp.group(1) != null || ALLOWED_IMPORTS.stream().noneMatch(a -> a.endsWith(".") ? name.startsWith(a) : name.equals(a))) {
                    problems.add(file, k + 1, 1, "import " + name + " is not allowed in rule text; rules may import "
                            + "id.rapor.api.model.*, id.rapor.api.fact.*, java.math and basic java.util collections");
                }
                continue;
            }
            if (DIALECT.matcher(line).find()) {
                problems.add(file, k + 1, 1, "dialect \"mvel\" is not allowed in rule text: consequences are checked as Java");
            }
            Matcher bad = FORBIDDEN.matcher(line);
            while (bad.find()) {
                problems.add(file, k + 1, bad.start() + 1, "'" + bad.group(1) + "' is not allowed in rule text: "
                        + "rules compute from their facts and may not reach the system, files, network or reflection");
            }
        }
    }

    /** The text with comments and string/char literals replaced by spaces, keeping line and column positions. */
    static String blankCommentsAndStrings(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            char next = i + 1 < n ? text.charAt(i + 1) : 0;
            if (c == '/' && next == '/') {
                while (i < n && text.charAt(i) != '\n') { out.append(' '); i++; }
                if (i < n) out.append('\n');
            } else if (c == '/' && next == '*') {
                out.append("  ");
                i += 2;
                while (i < n && !(text.charAt(i) == '*' && i + 1 < n && text.charAt(i + 1) == '/')) {
                    out.append(text.charAt(i) == '\n' ? '\n' : ' ');
                    i++;
                }
                out.append("  ");
                i++;
            } else if (c == '"' || c == '\'') {
                out.append(c);
                i++;
                while (i < n && text.charAt(i) != c && text.charAt(i) != '\n') {
                    if (text.charAt(i) == '\\' && i + 1 < n) { out.append(' '); i++; }
                    out.append(' ');
                    i++;
                }
                if (i < n) out.append(text.charAt(i));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
