package id.rapor.rules.ombudsman2021;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.rapor.rules.testkit.RuleBundleUnderTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The Ombudsman's compliance assessment of 2019–2021: zones merah, kuning, hijau. */
class Ombudsman2021RulesTest {
    private static RuleBundleUnderTest underTest;

    @BeforeAll
    static void load() {
        underTest = RuleBundleUnderTest.load("ombudsman-2021");
    }

    @Test
    void servesTheYears2019To2021() {
        assertEquals(2019, underTest.methodology().getYears().from());
        assertEquals(2021, underTest.methodology().getYears().to());
    }

    @Test
    void zonesWithThe2019Edges() {
        underTest.assertBands(
            new String[] {"Hijau", "Kepatuhan Tinggi", "81.00", "100", "Hijau"},
            new String[] {"Kuning", "Kepatuhan Sedang", "51.00", "80.99", "Kuning"},
            new String[] {"Merah", "Kepatuhan Rendah", "0", "50.99", "Merah"});
    }

    @Test
    void variablesWeighEquallyByDefaultAndTheDescriptorSaysTheyAreUnconfirmed() {
        var m = underTest.methodology();
        assertTrue(m.getIndicators().values().stream().allMatch(i -> i.getWeight().compareTo(BigDecimal.ONE) == 0));
        assertEquals(0, BigDecimal.valueOf(m.getIndicators().size()).compareTo(m.aspect("kepatuhan").getIndicatorTotal()));
        assertTrue(m.getProvenance().stream().anyMatch(p -> p.subject().contains("weights") && p.confidence().equals("U")));
    }

    /** The golden cases themselves run for every bundle in EveryRuleBundleTest; these must be among them. */
    @Test
    void goldenCasesCoverTheBandEdges() {
        List<String> cases = underTest.goldenIndexAndBand();
        for (String edge : List.of("81.00 Hijau", "80.99 Kuning", "51.00 Kuning", "50.99 Merah", "69.39 Kuning")) {
            assertTrue(cases.contains(edge), "golden case for " + edge);
        }
    }
}
