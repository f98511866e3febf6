package id.rapor.rules.ombudsman2022;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.rapor.api.InvalidAssessmentException;
import id.rapor.api.model.ScoreResult;
import id.rapor.rules.testkit.RuleBundleUnderTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The Ombudsman's 2022 method: four weighted dimensions, categories A–E with opinion and zone. */
class Ombudsman2022RulesTest {
    private static RuleBundleUnderTest underTest;

    @BeforeAll
    static void load() {
        underTest = RuleBundleUnderTest.load("ombudsman-2022");
    }

    @Test
    void servesTheYears2022To2024() {
        assertEquals("ombudsman", underTest.methodology().getFamily());
        assertEquals(2022, underTest.methodology().getYears().from());
        assertEquals(2024, underTest.methodology().getYears().to());
    }

    @Test
    void theFourDimensionWeights() {
        underTest.assertAspectWeights("input", "21.85", "proses", "32.37", "output", "24.24", "pengaduan", "21.54");
    }

    @Test
    void categoriesWithOpinionAndZone() {
        underTest.assertBands(
            new String[] {"A", "Kualitas Tertinggi", "88.00", "100", "Hijau"},
            new String[] {"B", "Kualitas Tinggi", "78.00", "87.99", "Hijau"},
            new String[] {"C", "Kualitas Sedang", "54.00", "77.99", "Kuning"},
            new String[] {"D", "Kualitas Rendah", "32.00", "53.99", "Merah"},
            new String[] {"E", "Kualitas Terendah", "0.00", "31.99", "Merah"});
    }

    /** The golden cases themselves run for every bundle in EveryRuleBundleTest; these must be among them. */
    @Test
    void goldenCasesCoverTheBandEdges() {
        List<String> cases = underTest.goldenIndexAndBand();
        for (String edge : List.of("88.00 A", "87.99 B", "78.00 B", "77.99 C", "54.00 C", "53.99 D", "32.00 D", "31.99 E", "95.45 A")) {
            assertTrue(cases.contains(edge), "golden case for " + edge);
        }
    }

    @Test
    void eachDimensionReportsItsWeightedPoints() throws Exception {
        ScoreResult r = underTest.score(Map.of("input", new BigDecimal("80"), "proses", new BigDecimal("90"),
                "output", new BigDecimal("70.5"), "pengaduan", new BigDecimal("100")));
        // 80 × 21.85% = 17.48; 90 × 32.37% = 29.133; 70.5 × 24.24% = 17.0892; 100 × 21.54% = 21.54
        assertEquals(List.of("17.48", "29.133", "17.0892", "21.54"),
                r.aspects().stream().map(a -> a.contribution().stripTrailingZeros().toPlainString()).toList());
        assertEquals("85.24", r.index().toPlainString());
        assertEquals("Hijau", r.band().getZone());
    }

    @Test
    void anAchievementOutside0To100OrWithThreeDecimalsIsRefused() {
        InvalidAssessmentException e = assertThrows(InvalidAssessmentException.class, () -> underTest.score(Map.of(
                "input", new BigDecimal("100.5"), "proses", new BigDecimal("90.125"), "output", BigDecimal.TEN, "pengaduan", BigDecimal.TEN)));
        assertEquals(List.of("answers.input", "answers.proses"), e.errors().stream().map(x -> x.field()).toList());
        assertEquals("100.5 is not an allowed answer; expected a number from 0 to 100 with at most 2 decimals", e.errors().get(0).message());
    }
}
