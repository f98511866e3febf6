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
 * The rule bundle a rule module builds, loaded from its build output through the engine's own
 * pipeline (tables, checks, DRL compile, golden cases). The module's pom passes the folder,
 * methodology id and version as system properties.
 */
public final class RuleBundleUnderTest {
    /** The nine PEKPPP bands, the same under PermenPANRB 17/2017 and 29/2022, as the regulation prints them. */
    public static final String[][] PEKPPP_BANDS = {
        {"A", "Pelayanan Prima", "4.51", "5.00"}, {"A-", "Sangat Baik", "4.01", "4.50"},
        {"B", "Baik", "3.51", "4.00"}, {"B-", "Baik dengan Catatan", "3.01", "3.50"},
        {"C", "Cukup", "2.51", "3.00"}, {"C-", "Cukup dengan Catatan", "2.01", "2.50"},
        {"D", "Buruk", "1.51", "2.00"}, {"E", "Sangat Buruk", "1.01", "1.50"}, {"F", "Gagal", "0.00", "1.00"},
    };

    private final StandaloneRuleBundle bundle;

    private RuleBundleUnderTest(StandaloneRuleBundle bundle) {
        this.bundle = bundle;
    }

    /** Loads the bundle and fails at once, with every error, if the engine rejects it. */
    public static RuleBundleUnderTest load() {
        StandaloneRuleBundle b = StandaloneRuleBundle.load(Path.of(System.getProperty("rapor.rules.dir")),
                System.getProperty("rapor.methodology"), System.getProperty("rapor.rules.version"));
        assertTrue(b.accepted(), () -> "rejected: " + b.errors());
        return new RuleBundleUnderTest(b);
    }

    public Methodology methodology() { return bundle.methodology(); }

    public StandaloneRuleBundle bundle() { return bundle; }

    public ScoreResult score(Map<String, BigDecimal> answers) throws Exception {
        return bundle.score(new Assessment("unit", answers));
    }

    /** Each golden case of the bundle as its own test: exact index and band. */
    public Stream<DynamicTest> goldenCases() {
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
