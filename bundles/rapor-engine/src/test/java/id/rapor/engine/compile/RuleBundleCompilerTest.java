package id.rapor.engine.compile;

import id.rapor.engine.source.RuleBundleLayout;
import id.rapor.engine.testing.ToyBundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.rapor.api.model.Assessment;
import id.rapor.api.model.RuleError;
import id.rapor.api.model.ScoreResult;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The activation pipeline: what it accepts, and for each kind of mistake, where it points. */
public class RuleBundleCompilerTest {

    @Test
    void acceptsAConsistentBundleAndScoresIt() throws Exception {
        Compilation c = new ToyBundle().compile("1.0.0");
        assertTrue(c.accepted(), () -> c.errors().toString());
        ScoreResult r = c.compiled().score(new Assessment("u", Map.of("x1", bd(5), "x2", bd(1), "y1", bd(1))));
        assertEquals("2.20", r.index().toPlainString());
        assertEquals("MID", r.band().getCode());
        assertEquals("1.0.0", r.methodologyVersion());
        assertEquals("Second, with a comma", c.compiled().methodology().indicator("x2").getName());
    }

    @Test
    void aspectWeightsMustAddUpTo100() throws Exception {
        assertError(new ToyBundle().with(RuleBundleLayout.ASPECTS, "id,name,weight\na,A,60\nb,B,39\n"),
                RuleBundleLayout.ASPECTS, 0, "aspect weights add up to 99, expected 100");
    }

    @Test
    void indicatorWeightsMustAddUpTo100WithinTheirAspect() throws Exception {
        assertError(new ToyBundle().with(RuleBundleLayout.INDICATORS,
                        "id,aspect,code,name,weight\nx1,a,a.1,First,50\nx2,a,a.2,Second,40\ny1,b,b.1,Third,100\n"),
                RuleBundleLayout.INDICATORS, 2, "indicator weights of aspect 'a' add up to 90, expected 100");
    }

    @Test
    void aCellThatIsNotANumberNamesRowAndColumn() throws Exception {
        assertError(new ToyBundle().with(RuleBundleLayout.INDICATORS,
                        "id,aspect,code,name,weight\nx1,a,a.1,First,50\nx2,a,a.2,Second,\"50,5\"\ny1,b,b.1,Third,100\n"),
                RuleBundleLayout.INDICATORS, 3, "weight: '50,5' is not a number (use a point as the decimal separator)");
    }

    @Test
    void anIndicatorOfAnUnknownAspectIsNamed() throws Exception {
        assertError(new ToyBundle().with(RuleBundleLayout.INDICATORS,
                        "id,aspect,code,name,weight\nx1,a,a.1,First,50\nx2,a,a.2,Second,50\ny1,c,b.1,Third,100\n"),
                RuleBundleLayout.INDICATORS, 4, "indicator 'y1' names unknown aspect 'c'");
    }

    /** Issue 15: a crosswalk to another methodology is read, and its own side's ids and confidences are checked. */
    @Test
    void aCrosswalkIsReadAndChecked() throws Exception {
        Compilation ok = new ToyBundle().with("methodology/crosswalk-toy-old.csv",
                "# which old indicator became which\nfrom,to,confidence,note\nk1,x1,U,inferred\nk2,x1,S,merged\n").compile("1.0.0");
        assertTrue(ok.accepted(), ok.errors().toString());
        var rows = ok.compiled().methodology().getCrosswalks().get("toy-old");
        assertEquals(2, rows.size());
        assertEquals("x1", rows.get(1).to());
        assertEquals("S", rows.get(1).confidence());
        String bad = "from,to,confidence,note\nk1,z9,U,\nk2,x2,maybe,\n";
        assertError(new ToyBundle().with("methodology/crosswalk-toy-old.csv", bad), "methodology/crosswalk-toy-old.csv", 2,
                "'z9' is not an indicator of this methodology");
        assertError(new ToyBundle().with("methodology/crosswalk-toy-old.csv", bad), "methodology/crosswalk-toy-old.csv", 3,
                "confidence must be C (confirmed), S (single source) or U (unconfirmed), not 'maybe'");
    }

    @Test
    void bandsMustCoverTheScaleWithoutGapOrOverlap() throws Exception {
        assertError(new ToyBundle().with(RuleBundleLayout.BANDS, "code,label,min,max\nHI,High,3.02,5.00\nMID,Middle,1.01,3.00\nLO,Low,0.00,1.00\n"),
                RuleBundleLayout.BANDS, 2, "gap: band 'MID' ends at 3 so band 'HI' must start at 3.01, not 3.02");
        assertError(new ToyBundle().with(RuleBundleLayout.BANDS, "code,label,min,max\nHI,High,3.00,5.00\nMID,Middle,1.01,3.00\nLO,Low,0.00,1.00\n"),
                RuleBundleLayout.BANDS, 2, "band 'HI' starts at 3 and overlaps band 'MID', which ends at 3");
        assertError(new ToyBundle().with(RuleBundleLayout.BANDS, "code,label,min,max\nHI,High,3.01,4.99\nMID,Middle,1.01,3.00\nLO,Low,0.00,1.00\n"),
                RuleBundleLayout.BANDS, 2, "the highest band ends at 4.99, expected the scale maximum 5");
    }

    @Test
    void everyIndicatorNeedsOptionsInsideTheScale() throws Exception {
        assertError(new ToyBundle().with(RuleBundleLayout.OPTIONS, "indicator,value,label\n*,0,none\n*,6,too much\n"),
                RuleBundleLayout.OPTIONS, 2, "option 6 of indicator 'x1' lies outside the scale 0–5");
        assertError(new ToyBundle().with(RuleBundleLayout.OPTIONS, "indicator,value,label\nx1,0,none\nx2,0,none\n"),
                RuleBundleLayout.INDICATORS, 4, "indicator 'y1' has no answer options in methodology/options.csv (give rows for it or rows for '*')");
    }

    @Test
    void aMissingTableIsNamed() throws Exception {
        assertError(new ToyBundle().without(RuleBundleLayout.BANDS), RuleBundleLayout.BANDS, 0, "missing: a rule bundle needs this table");
    }

    @Test
    void theDescriptorMustNameTheSameMethodologyAsTheManifest() throws Exception {
        Compilation c = new ToyBundle().with(RuleBundleLayout.DESCRIPTOR,
                "id=other\ntitle=t\nregulation=r\nfamily=toy\nyears=2024-\nscale.min=0\nscale.max=5\nscale.decimals=2\n").compile("1.0.0");
        assertFalse(c.accepted());
        assertTrue(c.errors().get(0).message().contains("id is 'other' but the manifest header Rapor-Methodology says 'toy'"), c.errors().toString());
    }

    @Test
    void aDrlErrorPointsAtTheRuleFileAndLine() throws Exception {
        String drl = new ToyBundle().files.get("rules/weighted-index.drl");
        String broken = drl.replace("$aspect : Aspect()", "$aspect : Aspect(");
        Compilation c = new ToyBundle().with("rules/weighted-index.drl", broken).compile("1.0.0");
        assertFalse(c.accepted());
        RuleError e = c.errors().get(0);
        assertEquals("rules/weighted-index.drl", e.file(), c.errors().toString());
        int line = lineOf(broken, "$aspect : Aspect(");
        assertTrue(Math.abs(e.line() - line) <= 2, "error at line " + e.line() + ", broken text on line " + line + ": " + e);
    }

    @Test
    void aTypeErrorInAConsequencePointsAtTheRuleFile() throws Exception {
        String drl = new ToyBundle().files.get("rules/index-and-band.drl");
        String broken = drl.replace("insert( new BandDecision( $band, $index ) );", "insert( new BandDecision( $band, \"oops\" ) );");
        Compilation c = new ToyBundle().with("rules/index-and-band.drl", broken).compile("1.0.0");
        assertFalse(c.accepted());
        assertEquals("rules/index-and-band.drl", c.errors().get(0).file(), c.errors().toString());
        assertTrue(c.errors().get(0).line() > 0, c.errors().toString());
    }

    @Test
    void aGoldenCaseThatFailsNamesItsRow() throws Exception {
        assertError(new ToyBundle().with(RuleBundleLayout.GOLDEN_CASES, "case,index,band,x1,x2,y1\nok,5.00,HI,5,5,5\nwrong,2.20,HI,5,1,1\n"),
                RuleBundleLayout.GOLDEN_CASES, 3, "case 'wrong': expected 2.20 HI, the rules give 2.20 MID");
        assertError(new ToyBundle().with(RuleBundleLayout.GOLDEN_CASES, "case,index,band,x1,x2,y1\nincomplete,5.00,HI,5,5,\n"),
                RuleBundleLayout.GOLDEN_CASES, 2, "case 'incomplete': answers.y1: missing answer to indicator y1; expected one of 0, 1, 5");
    }

    @Test
    void aBundleWithoutGoldenCasesIsRejected() throws Exception {
        assertError(new ToyBundle().with(RuleBundleLayout.GOLDEN_CASES, "case,index,band,x1,x2,y1\n"),
                RuleBundleLayout.GOLDEN_CASES, 0, "no golden cases: a rule bundle must prove its numbers before it is activated");
    }

    @Test
    void rulesThatConcludeTwoBandsAreRejectedByTheGoldenCases() throws Exception {
        String drl = new ToyBundle().files.get("rules/index-and-band.drl");
        String twice = drl.replace("$band : Band( min <= $index, max >= $index )", "$band : Band( min <= $index )");
        Compilation c = new ToyBundle().with("rules/index-and-band.drl", twice).compile("1.0.0");
        assertFalse(c.accepted());
        assertTrue(c.errors().stream().anyMatch(e -> e.message().contains("more than one band")), c.errors().toString());
    }

    /** Numbers no regulation has would make the checks take hours on the one compile thread (the review's 1E+300000). */
    @Test
    void tableNumbersBeyondThirtyDigitsAreRefusedAtOnce() throws Exception {
        long start = System.nanoTime();
        assertError(new ToyBundle().with(RuleBundleLayout.ASPECTS, "id,name,weight\na,A,60\nb,B,40\nbig,Big,1E+300000\n"),
                RuleBundleLayout.ASPECTS, 4, "weight: '1E+300000' has more than 30 digits, or an exponent beyond them: "
                        + "no regulation's number is that large or that fine");
        assertError(new ToyBundle().with(RuleBundleLayout.GOLDEN_CASES, "case,index,band,x1,x2,y1\nhuge,1E+20000000,HI,5,5,5\n"),
                RuleBundleLayout.GOLDEN_CASES, 2, "index: '1E+20000000' has more than 30 digits, or an exponent beyond them: "
                        + "no regulation's number is that large or that fine");
        assertError(new ToyBundle().with(RuleBundleLayout.DESCRIPTOR, new ToyBundle().files.get(RuleBundleLayout.DESCRIPTOR)
                .replace("scale.decimals=2", "scale.decimals=1000000000")), RuleBundleLayout.DESCRIPTOR, 0,
                "scale.decimals must be a whole number from 0 to 10, not 1000000000");
        assertTrue((System.nanoTime() - start) / 1_000_000 < 10_000, "refused in moments, not hours");
    }

    @Test
    void manyOptionRowsAreCheckedInLinearTime() throws Exception {
        StringBuilder options = new StringBuilder("indicator,value,label\n*,0,none\n*,1,some\n*,5,all\n");
        for (int k = 0; k < 60_000; k++) options.append("x9,").append(k).append(",level\n");
        long start = System.nanoTime();
        Compilation c = new ToyBundle().with(RuleBundleLayout.OPTIONS, options.toString()).compile("1.0.0");
        assertFalse(c.accepted(), "x9 is no indicator");
        assertTrue((System.nanoTime() - start) / 1_000_000 < 10_000, "60,000 rows checked in seconds at most");
    }

    private static void assertError(ToyBundle bundle, String file, int line, String message) throws Exception {
        Compilation c = bundle.compile("1.0.0");
        assertFalse(c.accepted(), "should be rejected");
        List<String> found = c.errors().stream().map(RuleError::toString).toList();
        String expected = new RuleError(file, line, 0, message).toString();
        assertTrue(c.errors().stream().anyMatch(e -> e.file().equals(file) && e.line() == line && e.message().equals(message)),
                "expected " + expected + " among " + found);
    }

    private static int lineOf(String text, String fragment) {
        int index = text.indexOf(fragment);
        return (int) text.substring(0, index).chars().filter(ch -> ch == '\n').count() + 1;
    }

    private static BigDecimal bd(int v) {
        return BigDecimal.valueOf(v);
    }
}
