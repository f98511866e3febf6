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
        List<RuleError> e = check("package p;\nimport id.rapor.api.fact.AnswerSheet;\nimport java.io.File;\nimport java.util.List;\nimport static java.lang.System.exit;\n");
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
        assertEquals(4, e.get(0).line());
        assertEquals(5, e.get(0).column());
        assertTrue(e.stream().anyMatch(x -> x.line() == 5 && x.message().startsWith("'java.io'")), e.toString());
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
}
