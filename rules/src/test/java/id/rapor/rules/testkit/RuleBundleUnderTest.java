package id.rapor.rules.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.rapor.api.model.Assessment;
import id.rapor.api.model.Band;
import id.rapor.api.model.Methodology;
import id.rapor.api.model.ScoreResult;
import id.rapor.engine.standalone.StandaloneRuleBundle;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * A rule bundle the build made from a folder of rules/, loaded unpacked from
 * {@code target/bundles/<id>/} through the engine's own pipeline (tables, checks, DRL compile,
 * golden cases), under the version its manifest states.
 */
public final class RuleBundleUnderTest {
    private final StandaloneRuleBundle bundle;

    private RuleBundleUnderTest(StandaloneRuleBundle bundle) {
        this.bundle = bundle;
    }

    /** Where the build put the unpacked bundles. */
    public static Path bundles() {
        return Path.of(System.getProperty("rapor.rules.bundles", "target/bundles"));
    }

    /** Loads the bundle of methodology {@code id} and fails at once, with every error, if the engine rejects it. */
    public static RuleBundleUnderTest load(String id) {
        StandaloneRuleBundle b = loadFrom(bundles().resolve(id), id);
        assertTrue(b.accepted(), () -> "rejected: " + b.errors());
        return new RuleBundleUnderTest(b);
    }

    /** An unpacked rule bundle (perhaps a changed copy), under the version its manifest states. */
    public static StandaloneRuleBundle loadFrom(Path folder, String id) {
        try (var in = java.nio.file.Files.newInputStream(folder.resolve("META-INF/MANIFEST.MF"))) {
            String version = new java.util.jar.Manifest(in).getMainAttributes().getValue("Bundle-Version");
            return StandaloneRuleBundle.load(folder, id, version);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public Methodology methodology() { return bundle.methodology(); }

    public StandaloneRuleBundle bundle() { return bundle; }

    public ScoreResult score(Map<String, BigDecimal> answers) throws Exception {
        return bundle.score(new Assessment("unit", answers));
    }

    /** Each golden case of a bundle as its own test: exact index and band. */
    public static Stream<DynamicTest> goldenCases(StandaloneRuleBundle bundle) {
        return bundle.goldenCases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            ScoreResult r = bundle.score(c.assessment());
            assertEquals(c.expectedIndex().toPlainString(), r.index().toPlainString(), c.name());
            assertEquals(c.expectedBand(), r.band().getCode(), c.name());
        }));
    }

    /** The golden cases' "index band" pairs, to check that every edge is covered. */
    public List<String> goldenIndexAndBand() {
        return bundle.goldenCases().stream().map(c -> c.expectedIndex().toPlainString() + " " + c.expectedBand()).toList();
    }

    /** Asserts the bands exactly: code, label, min, max (and zone, if given), highest first. */
    public void assertBands(String[]... expected) {
        List<Band> bands = methodology().getBands();
        assertEquals(expected.length, bands.size(), "number of bands");
        for (int k = 0; k < expected.length; k++) {
            Band b = bands.get(k);
            assertEquals(expected[k][0], b.getCode());
            assertEquals(expected[k][1], b.getLabel(), b.getCode());
            assertEquals(0, new BigDecimal(expected[k][2]).compareTo(b.getMin()), b.getCode() + " min");
            assertEquals(0, new BigDecimal(expected[k][3]).compareTo(b.getMax()), b.getCode() + " max");
            if (expected[k].length > 4) assertEquals(expected[k][4], b.getZone(), b.getCode() + " zone");
        }
    }

    /** Asserts each aspect's weight (percent of the index), in order. */
    public void assertAspectWeights(String... idAndWeight) {
        var aspects = methodology().getAspects();
        assertEquals(idAndWeight.length / 2, aspects.size(), "number of aspects");
        for (int k = 0; k < aspects.size(); k++) {
            assertEquals(idAndWeight[2 * k], aspects.get(k).getId());
            assertEquals(0, new BigDecimal(idAndWeight[2 * k + 1]).compareTo(aspects.get(k).getWeight()), aspects.get(k).getId());
        }
    }
}
