package id.rapor.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.rapor.api.model.RuleError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rule text may compute, nothing more: what it rejects, where it points, and that the shipped rules pass. */
class RuleTextPolicyTest {

    private static List<RuleError> check(String text) {
        Problems p = new Problems();
        RuleTextPolicy.check("rules/x.drl", text, p);
        return p.list();
    }

    @Test
    void theShippedRulesPass() throws Exception {
        for (String f : List.of("../../rules/common/weighted-index/rules/weighted-index.drl",
                "../../rules/common/index-and-band/rules/index-and-band.drl", "../../rules/skm-2017/src/main/resources/rules/skm-elements.drl")) {
            assertEquals(List.of(), check(Files.readString(Path.of(f))), f);
        }
    }

    @Test
    void importsOutsideTheApiAndValueTypesAreRejectedWithTheirLine() {
        List<RuleError> e = check("package id.rapor.rules;\nimport id.rapor.api.fact.AnswerSheet;\nimport java.io.File;\nimport java.util.List;\nimport static java.lang.System.exit;\n");
        assertEquals(List.of(3, 5), e.stream().map(RuleError::line).toList());
        assertTrue(e.get(0).message().startsWith("import java.io.File is not allowed"), e.get(0).message());
    }

    @Test
    void reachingTheSystemFilesNetworkOrReflectionIsRejectedWhereItIsWritten() {
        String drl = """
                rule "r"
                when
                then
                    System.exit( 0 );
                    new java.io.File( "/etc/passwd" ).delete();
                    Object o = "x".getClass().getDeclaredMethods();
                    Runtime.getRuntime().exec( "sh" );
                end
                """;
        List<RuleError> e = check(drl);
        assertTrue(e.stream().anyMatch(x -> x.line() == 4 && x.column() == 5 && x.message().startsWith("'System'")), e.toString());
        assertTrue(e.stream().anyMatch(x -> x.line() == 5 && x.message().startsWith("'java.io.File'")), e.toString());
        assertTrue(e.stream().anyMatch(x -> x.line() == 6 && x.message().startsWith("'getClass'")), e.toString());
        assertTrue(e.stream().anyMatch(x -> x.line() == 7 && x.message().startsWith("'Runtime'")), e.toString());
    }

    @Test
    void commentsAndStringsMayMentionAnything() {
        assertEquals(List.of(), check("// System.exit is not called here\nrule \"about System and File\"\nwhen\nthen\n  String s = \"java.io.File\"; /* Runtime */\nend\n"));
    }

    @Test
    void aBundleWithForbiddenTextIsRejectedBeforeItIsCompiled() throws Exception {
        String drl = new ToyBundle().files.get("rules/index-and-band.drl")
                .replace("insert( new BandDecision( $band, $index ) );", "insert( new BandDecision( $band, $index ) ); System.exit( 1 );");
        Compilation c = new ToyBundle().with("rules/index-and-band.drl", drl).compile("1.0.0");
        assertFalse(c.accepted());
        assertEquals("rules/index-and-band.drl", c.errors().get(0).file());
        assertTrue(c.errors().get(0).message().startsWith("'System' is not allowed"), c.errors().toString());
        assertTrue(c.errors().stream().allMatch(e -> e.message().contains("is not allowed in rule text")),
                "only policy findings: the text never reached the compiler: " + c.errors());
    }

    private static String consequence(String code) {
        return "package id.rapor.rules;\nimport id.rapor.api.model.Methodology;\nrule \"r\"\nwhen\n    $m : Methodology()\nthen\n" + code + "\nend\n";
    }

    @Test
    void knownEscapesAreClosed() {
        // java.beans reaches Runtime through a class literal and a class loader, naming no forbidden simple name.
        List<RuleError> beans = check(consequence("    Object rt = new java.beans.Expression(Methodology.class.getClassLoader()"
                + ".loadClass(\"java.lang.Runtime\"), \"getRuntime\", new Object[0]).getValue();"));
        assertTrue(beans.stream().anyMatch(e -> e.message().startsWith("'java.beans.Expression' is not allowed")), beans.toString());
        assertTrue(beans.stream().anyMatch(e -> e.message().startsWith("'.class' is not allowed")), beans.toString());
        assertTrue(beans.stream().anyMatch(e -> e.message().startsWith("'getClassLoader' is not allowed")), beans.toString());
        // A dialect is refused whatever its name, though the name is a string.
        assertFalse(check("package id.rapor.rules;\ndialect \"mvel\"\n").isEmpty());
        // Two imports on one line are each checked.
        List<RuleError> imports = check("package id.rapor.rules;\nimport java.math.BigDecimal; import java.io.File;\n");
        assertEquals(1, imports.size(), imports.toString());
        assertTrue(imports.get(0).message().startsWith("import java.io.File is not allowed"), imports.toString());
        // A unicode escape could close a string for the Java compiler while this check still saw a string.
        List<RuleError> escape = check(consequence("    String s = \"\\u0022; Runtime.getRuntime(); //\";"));
        assertEquals(1, escape.size(), escape.toString());
        assertTrue(escape.get(0).message().startsWith("unicode escapes"), escape.toString());
        assertEquals(7, escape.get(0).line());
        // Fully qualified names outside the allowed types, even of a harmless-looking package.
        assertFalse(check(consequence("    org.mvel2.MVEL.eval( \"1\" );")).isEmpty());
        assertFalse(check(consequence("    java.lang.Math.abs( 1 );")).isEmpty());
        assertEquals(List.of(), check(consequence("    java.math.BigDecimal x = java.math.BigDecimal.ONE;")));
    }

    @Test
    void everyRuleMustFinish() {
        assertTrue(check(consequence("    while ( true ) { }")).get(0).message().startsWith("'while' is not allowed"));
        assertTrue(check(consequence("    do { } while ( true );")).get(0).message().startsWith("'do' is not allowed"));
        assertTrue(check(consequence("    for ( ;; ) { }")).get(0).message().startsWith("a counting for loop is not allowed"));
        assertTrue(check(consequence("    for ( int k = 0; k < 3; k++ ) { }")).get(0).message().startsWith("a counting for loop"));
        assertEquals(List.of(), check(consequence("    for ( Object o : $m.getAspects() ) { }")));
        List<RuleError> recursion = check("package id.rapor.rules;\nfunction int f(int n) {\n    return n <= 0 ? 0 : f( n - 1 ) + f( n - 1 );\n}\n"
                + "function int g(int n) { return n; }\n");
        assertEquals(2, recursion.size(), recursion.toString());
        assertTrue(recursion.get(0).message().startsWith("function f calls function f"), recursion.toString());
        assertEquals(3, recursion.get(0).line());
    }

    @Test
    void rulesThatReactivateThemselvesForeverAreRejectedNotHung() throws Exception {
        String loop = "package id.rapor.rules;\nimport id.rapor.api.model.Methodology;\n"
                + "rule \"again and again\"\nwhen\n    $m : Methodology()\nthen\n    update( $m );\nend\n";
        Compilation c = new ToyBundle().with("rules/loop.drl", loop).compile("1.0.0");
        assertFalse(c.accepted());
        assertTrue(c.errors().stream().anyMatch(e -> e.message().contains("did not settle")), c.errors().toString());
    }

    @Test
    void escapesFoundByTryingThemAreClosedToo() {
        // Rule classes are generated in the file's package: org.mvel2 would put MVEL.eval( "any code" ) in scope.
        List<RuleError> pkg = check("package org.mvel2;\nimport id.rapor.api.model.Methodology;\nrule \"r\"\nwhen\n    $m : Methodology()\nthen\n"
                + "    MVEL.eval( \"Runtime.getRuntime().exec('touch /tmp/x')\" );\nend\n");
        assertEquals(1, pkg.size(), pkg.toString());
        assertTrue(pkg.get(0).message().startsWith("package org.mvel2 is not allowed"), pkg.toString());
        assertEquals(1, pkg.get(0).line());
        // Work without end, or off this thread, through allowed types.
        assertFalse(check(consequence("    for ( Object a : Collections.nCopies( Integer.MAX_VALUE, 1 ) ) { }")).isEmpty());
        assertFalse(check(consequence("    java.math.BigInteger x = java.math.BigInteger.valueOf( 3 ).pow( 1000000000 );")).isEmpty());
        assertFalse(check(consequence("    List.of( 1, 2 ).parallelStream();")).isEmpty());
        assertFalse(check(consequence("    $m.getAspects().forEach( a -> { } );")).isEmpty());
        assertFalse(check(consequence("    $m.getAspects().forEach( Object::toString );")).isEmpty());
    }

    @Test
    void allowedArithmeticThatTakesForeverIsCutOffNotWaitedFor() throws Exception {
        // No text check can bound this: a division to twenty million digits, in allowed types only.
        String slow = consequence("    java.math.BigDecimal third = java.math.BigDecimal.ONE.divide( java.math.BigDecimal.valueOf( 3 ), "
                + "new java.math.MathContext( 20000000 ) );");
        assertEquals(List.of(), check(slow));
        Compilation c = new ToyBundle().with("rules/slow.drl", slow).compile("1.0.0", new RuleBundleCompiler(getClass().getClassLoader(), 1_000));
        assertFalse(c.accepted());
        assertTrue(c.errors().stream().anyMatch(e -> e.message().startsWith("the golden cases did not finish within 1.0 s")), c.errors().toString());
    }
}
