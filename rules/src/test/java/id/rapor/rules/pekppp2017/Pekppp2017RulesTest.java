package id.rapor.rules.pekppp2017;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.rapor.api.model.Indicator;
import id.rapor.api.model.Methodology;
import id.rapor.rules.testkit.RuleBundleUnderTest;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** PEKPPP under PermenPANRB 17/2017, pinned number by number. */
class Pekppp2017RulesTest {
    private static RuleBundleUnderTest underTest;
    private static Methodology m;

    @BeforeAll
    static void load() {
        underTest = RuleBundleUnderTest.load("pekppp-2017");
        m = underTest.methodology();
    }

    @Test
    void servesTheYears2017To2021() {
        assertEquals("pekppp", m.getFamily());
        assertEquals(2017, m.getYears().from());
        assertEquals(2021, m.getYears().to());
    }

    @Test
    void aspectWeightsAreThoseOf2017() {
        underTest.assertAspectWeights("kebijakan", "30", "sdm", "18", "sarpras", "15", "sipp", "15", "konsultasi", "15", "inovasi", "7");
    }

    @Test
    void the37IndicatorsWithTheirPrintedWeights() {
        String[] codes = {"1.a.K1", "1.a.K2", "1.a.K3", "1.a.P", "1.a.T", "1.a.Ak", "1.a.As", "1.a.B", "1.b.T", "1.c.P",
            "1.c.T", "1.c.Ak", "1.c.B", "2.a.Ak", "2.b.Ak", "2.b.Ak2", "2.d.K", "2.e.K1", "2.e.K2", "2.g.Ak",
            "3.a.As", "3.b.K1", "3.b.As", "3.c.K", "3.d.As1", "3.e.As2", "3.e.As4", "4.a.T", "4.a.B", "4.a.Ak1",
            "4.a.Ak2", "4.b.T", "5.1.a.K", "5.1.a.As", "5.2.a.K", "5.2.a.As", "6"};
        String[] weights = {"8.9", "8.9", "7.1", "7.1", "7.1", "7.1", "7.1", "7.1", "8.9", "8.9", "7.1", "7.1", "7.1",
            "13.6", "13.6", "9.1", "13.6", "18.2", "13.6", "18.2",
            "13.3", "13.3", "13.3", "20", "20", "6.7", "13.3",
            "20", "25", "25", "15", "15",
            "20", "20", "30", "30", "100"};
        List<Indicator> all = List.copyOf(m.getIndicators().values());
        assertEquals(37, all.size());
        for (int k = 0; k < codes.length; k++) {
            assertEquals(codes[k], all.get(k).getCode());
            assertEquals(0, new BigDecimal(weights[k]).compareTo(all.get(k).getWeight()), codes[k]);
        }
        // The printed weights do not add up to 100 in three aspects; the bundle declares it.
        assertEquals(0, new BigDecimal("99.5").compareTo(m.aspect("kebijakan").getIndicatorTotal()));
        assertEquals(0, new BigDecimal("99.9").compareTo(m.aspect("sdm").getIndicatorTotal()));
        assertEquals(0, new BigDecimal("99.9").compareTo(m.aspect("sarpras").getIndicatorTotal()));
    }

    @Test
    void theSameNineBandsAs2022() {
        underTest.assertBands(id.rapor.rules.pekppp.PekpppBands.AS_PRINTED);
    }

    /** The golden cases themselves run for every bundle in EveryRuleBundleTest; these must be among them. */
    @Test
    void goldenCasesCoverTheBandEdges() {
        List<String> cases = underTest.goldenIndexAndBand();
        for (String edge : List.of("5.00 A", "4.51 A", "4.50 A-", "3.00 C", "1.00 F", "1.01 E", "1.50 E", "0.00 F")) {
            assertTrue(cases.contains(edge), "golden case for " + edge + " among " + cases);
        }
    }

    @Test
    void aUnitThatAnswersFiveEverywhereScoresFiveDespiteWeightsSummingTo99Point5() throws Exception {
        Map<String, BigDecimal> answers = new HashMap<>();
        m.getIndicators().keySet().forEach(id -> answers.put(id, BigDecimal.valueOf(5)));
        var r = underTest.score(answers);
        assertEquals("5.00", r.index().toPlainString());
        assertEquals(0, BigDecimal.valueOf(5).compareTo(r.aspects().get(0).score()));
    }

    @Test
    void theSameAnswersScoreDifferentlyUnder2017And2022Weights() throws Exception {
        // Kebijakan weighs 30% in 2017 and 24% in 2022: a unit strong only there loses 0.30 of IPP.
        Map<String, BigDecimal> answers = new HashMap<>();
        for (Indicator i : m.getIndicators().values()) answers.put(i.getId(), BigDecimal.valueOf(i.getAspectId().equals("kebijakan") ? 5 : 0));
        assertEquals("1.50", underTest.score(answers).index().toPlainString());
    }
}
