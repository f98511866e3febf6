package id.rapor.engine.internal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rule text is code, so a rule file may only compute, and must finish. It may import the API's
 * model and fact types and a few value types; it may not name anything that reaches the JVM,
 * the files, the network or reflection; it may not loop except over a collection, and a
 * function may not call a function (no recursion). Checked on the author's text before
 * anything is compiled, with comments and string literals blanked out first (so they may say
 * anything) and unicode escapes refused (so a string cannot hide code from this check);
 * each finding names its line and column.
 *
 * <p>Allow-lists where they can be: imports and fully qualified names must be one of the
 * allowed types; simple names of {@code java.lang} (imported implicitly) that reach outside
 * are refused by name.
 */
final class RuleTextPolicy {
    private static final List<String> ALLOWED_TYPES = List.of(
            "id.rapor.api.model.", "id.rapor.api.fact.",
            "java.math.BigDecimal", "java.math.BigInteger", "java.math.RoundingMode", "java.math.MathContext",
            "java.util.List", "java.util.ArrayList", "java.util.Map", "java.util.HashMap", "java.util.LinkedHashMap",
            "java.util.Set", "java.util.HashSet", "java.util.Collection", "java.util.Collections", "java.util.Objects");
    private static final String ALLOWED_TEXT = "id.rapor.api.model.*, id.rapor.api.fact.*, java.math and basic java.util collections";

    /** Simple names that reach outside the computation (java.lang is imported implicitly), matched as whole words. */
    private static final Pattern FORBIDDEN = Pattern.compile("\\b(System|Runtime|ProcessBuilder|Process|ProcessHandle|Thread|ThreadGroup|"
            + "ThreadLocal|InheritableThreadLocal|Class|ClassLoader|ClassValue|Module|ModuleLayer|StackWalker|Package|Compiler|"
            + "forName|getClass|getClassLoader|loadClass|newInstance|getDeclared\\w*|getMethods?|getFields?|getConstructors?|"
            + "setAccessible|reflect|invoke\\w*|MethodHandles?|VarHandle|Unsafe|Proxy|beans|Expression|Statement|Introspector|"
            + "File\\w*|Path|Paths|Socket\\w*|URL\\w*|URI|HttpClient|ServiceLoader|Scanner|"
            + "exit|halt|exec|load|loadLibrary|getenv|getProperty|setProperty|Security\\w*|ScriptEngine\\w*|Serializable|"
            + "ObjectInputStream|ObjectOutputStream|drools|kcontext|getKieRuntime|getWorkingMemory|"
            + "Executor\\w*|CompletableFuture|Timer|ForkJoinPool|wait|notify|notifyAll|synchronized|dialect|"
            // Ways to make an allowed type work without end, or off this thread.
            + "parallel\\w*|nCopies|repeat|pow|iterate|generate)\\b");
    /** Lambdas and method references run wherever they are handed (a parallel stream's threads). */
    private static final Pattern LAMBDA = Pattern.compile("->|::");
    /** Rule classes are generated in the rule file's package, where every class of that package is in scope. */
    static final String RULES_PACKAGE = "id.rapor.rules";
    /** A dotted name that starts like a package: it must be one of the allowed types. */
    private static final Pattern QUALIFIED = Pattern.compile("(?<![\\w$.])(?:java|javax|jdk|jakarta|sun|com|org|net|io|id)(?:\\s*\\.\\s*\\w+)+");
    private static final Pattern IMPORT = Pattern.compile("\\bimport\\s+(static\\s+|function\\s+)?([\\w.*]+)");
    private static final Pattern PACKAGE = Pattern.compile("\\bpackage\\s+([\\w.\\s]+?)\\s*(;|\\n|$)");
    private static final Pattern CLASS_LITERAL = Pattern.compile("\\.\\s*class\\b");
    /** Loops that need not end; a for over a collection always does. */
    private static final Pattern UNBOUNDED_LOOP = Pattern.compile("\\b(while|do|until)\\b");
    private static final Pattern FOR = Pattern.compile("\\bfor\\s*\\(");
    private static final Pattern FUNCTION = Pattern.compile("\\bfunction\\s+[\\w.<>\\[\\], ]+?\\s+(\\w+)\\s*\\(");

    private RuleTextPolicy() {}

    static void check(String file, String text, Problems problems) {
        int escape = text.indexOf("\\u");
        if (escape >= 0) {
            problems.add(file, lineOf(text, escape), columnOf(text, escape), "unicode escapes (\\u…) are not allowed in rule text: write the character itself");
            return; // the rest of the text cannot be read as the compiler would read it
        }
        String code = blankCommentsAndStrings(text);
        Matcher pkg = PACKAGE.matcher(code);
        while (pkg.find()) {
            String name = pkg.group(1).replaceAll("\\s", "");
            if (!name.equals(RULES_PACKAGE)) {
                problems.add(file, lineOf(code, pkg.start()), columnOf(code, pkg.start()), "package " + name
                        + " is not allowed in rule text: rules live in package " + RULES_PACKAGE);
            }
        }
        Matcher imp = IMPORT.matcher(code);
        while (imp.find()) {
            String name = imp.group(2);
            if (imp.group(1) != null || !allowed(name)) {
                problems.add(file, lineOf(code, imp.start()), columnOf(code, imp.start()), "import " + (imp.group(1) == null ? "" : imp.group(1))
                        + name + " is not allowed in rule text; rules may import " + ALLOWED_TEXT);
            }
        }
        // Imports are checked above, and the package only names the rules: neither is code.
        String body = PACKAGE.matcher(IMPORT.matcher(code).replaceAll(m -> " ".repeat(m.group().length())))
                .replaceAll(m -> " ".repeat(m.group().length()));
        Matcher qualified = QUALIFIED.matcher(body);
        while (qualified.find()) {
            String name = qualified.group().replaceAll("\\s", "");
            if (!allowed(name)) {
                problems.add(file, lineOf(body, qualified.start()), columnOf(body, qualified.start()), "'" + name + "' is not allowed in rule text: "
                        + "rules may name only " + ALLOWED_TEXT);
            }
        }
        report(file, body, LAMBDA, problems, "is not allowed in rule text: no lambdas or method references");
        report(file, body, CLASS_LITERAL, problems, "'.class' is not allowed in rule text: rules may not reach classes or reflection");
        report(file, body, UNBOUNDED_LOOP, problems, "is not allowed in rule text: loop only over a collection (for ( X x : list )), so every rule finishes");
        Matcher loop = FOR.matcher(body);
        while (loop.find()) {
            String header = header(body, loop.end());
            if (header.indexOf(';') >= 0 || header.indexOf(':') < 0) {
                problems.add(file, lineOf(body, loop.start()), columnOf(body, loop.start()),
                        "a counting for loop is not allowed in rule text: loop only over a collection (for ( X x : list )), so every rule finishes");
            }
        }
        functionsCallNoFunction(file, body, problems);
        Matcher bad = FORBIDDEN.matcher(body);
        while (bad.find()) {
            problems.add(file, lineOf(body, bad.start()), columnOf(body, bad.start()), "'" + bad.group(1) + "' is not allowed in rule text: "
                    + "rules compute from their facts and may not reach the system, files, network, threads or reflection");
        }
    }

    private static boolean allowed(String name) {
        return ALLOWED_TYPES.stream().anyMatch(a -> a.endsWith(".") ? name.startsWith(a) : name.equals(a) || name.startsWith(a + "."));
    }

    private static void report(String file, String body, Pattern pattern, Problems problems, String message) {
        Matcher m = pattern.matcher(body);
        while (m.find()) {
            String what = m.group().trim();
            problems.add(file, lineOf(body, m.start()), columnOf(body, m.start()), message.startsWith("'") ? message : "'" + what + "' " + message);
        }
    }

    /** A function that calls a function could recurse without end: functions call only what is not a function. */
    private static void functionsCallNoFunction(String file, String body, Problems problems) {
        List<String> names = FUNCTION.matcher(body).results().map(r -> r.group(1)).toList();
        if (names.isEmpty()) return;
        Pattern call = Pattern.compile("(?<![\\w.])(" + String.join("|", names) + ")\\s*\\(");
        Matcher f = FUNCTION.matcher(body);
        while (f.find()) {
            int open = body.indexOf('{', f.end());
            if (open < 0) continue;
            int close = matching(body, open, '{', '}');
            Matcher c = call.matcher(body.substring(open, close));
            while (c.find()) {
                int at = open + c.start();
                problems.add(file, lineOf(body, at), columnOf(body, at), "function " + f.group(1) + " calls function " + c.group(1)
                        + ": a function may not call a function in rule text (no recursion), so every rule finishes");
            }
        }
    }

    /** The text between the '(' just before {@code from} and its matching ')'. */
    private static String header(String body, int from) {
        return body.substring(from, Math.max(from, matching(body, from - 1, '(', ')') - 1));
    }

    private static int matching(String body, int open, char opening, char closing) {
        int depth = 0;
        for (int i = open; i < body.length(); i++) {
            if (body.charAt(i) == opening) depth++;
            else if (body.charAt(i) == closing && --depth == 0) return i + 1;
        }
        return body.length();
    }

    private static int lineOf(String text, int at) {
        int line = 1;
        for (int i = 0; i < at; i++) if (text.charAt(i) == '\n') line++;
        return line;
    }

    private static int columnOf(String text, int at) {
        return at - text.lastIndexOf('\n', at - 1);
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
