package id.rapor.rules.skm2017;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.rapor.api.FieldError;
import id.rapor.api.InvalidAssessmentException;
import id.rapor.api.model.Assessment;
import id.rapor.api.model.ScoreResult;
import id.rapor.engine.standalone.StandaloneRuleBundle;
import id.rapor.rules.testkit.RuleBundleUnderTest;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** SKM/IKM under PermenPANRB 14/2017: NRR per element, IKM on 25–100, bands A–D. */
class Skm2017RulesTest {
    private static final List<String> ELEMENTS = List.of("u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9");
    private static RuleBundleUnderTest underTest;

    @BeforeAll
    static void load() {
        underTest = RuleBundleUnderTest.load("skm-2017");
    }

    @Test
    void theNineElementsAndTheFourBands() {
        assertEquals(ELEMENTS, List.copyOf(underTest.methodology().getIndicators().keySet()));
        assertEquals("Penanganan Pengaduan, Saran dan Masukan", underTest.methodology().indicator("u8").getName());
        underTest.assertBands(
            new String[] {"A", "Sangat Baik", "88.31", "100"}, new String[] {"B", "Baik", "76.61", "88.30"},
            new String[] {"C", "Kurang Baik", "65.00", "76.60"}, new String[] {"D", "Tidak Baik", "25.00", "64.99"});
    }

    @TestFactory
    Stream<DynamicTest> everyBandEdgeWithEnoughRespondents() {
        // IKM = 25 × Σ answers / (9 × respondents): the smallest survey that lands on each edge.
        Map<String, String> edges = Map.of("88.31", "A", "88.30", "B", "76.61", "B", "76.60", "C", "65.00", "C", "64.99", "D");
        return edges.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey() + " → " + e.getValue(), () -> {
            long target = new BigDecimal(e.getKey()).movePointRight(2).longValueExact();
            List<Map<String, BigDecimal>> survey = surveyRoundingTo(target);
            ScoreResult r = underTest.bundle().score(new Assessment("unit", null, survey));
            assertEquals(e.getKey(), r.index().toPlainString(), survey.size() + " respondents");
            assertEquals(e.getValue(), r.band().getCode());
        }));
    }

    @Test
    void eachElementReportsItsNrr() throws Exception {
        List<Map<String, BigDecimal>> survey = List.of(answers(4, 4, 3, 3, 2, 2, 1, 1, 4), answers(2, 4, 3, 1, 2, 4, 1, 3, 4));
        ScoreResult r = underTest.bundle().score(new Assessment("unit", null, survey));
        assertEquals(List.of("3", "4", "3", "2", "2", "3", "1", "2", "4"),
                r.indicators().stream().map(i -> i.answer().stripTrailingZeros().toPlainString()).toList());
        assertEquals("66.67", r.index().toPlainString(), "25 × 48 / 18");
        assertEquals("C", r.band().getCode());
    }

    @Test
    void theRounded011WeightGivesALowerIkmAndIsABundleParameter(@TempDir Path copy) throws Exception {
        Path original = RuleBundleUnderTest.bundles().resolve("skm-2017");
        copyTree(original, copy);
        Path descriptor = copy.resolve("methodology/methodology.properties");
        Files.writeString(descriptor, Files.readString(descriptor).replace("param.element.weight=exact", "param.element.weight=0.11"));
        // Its golden cases expect the exact weight: swap in ones computed for 0.11 (4 × 0.11 × 9 × 25 = 99; 1 × 0.11 × 9 × 25 = 24.75).
        Files.writeString(copy.resolve("methodology/golden-cases.csv"),
                "case,index,band,u1,u2,u3,u4,u5,u6,u7,u8,u9\nall 4,99.00,A,4,4,4,4,4,4,4,4,4\nall 1,24.75,D,1,1,1,1,1,1,1,1,1\n");
        StandaloneRuleBundle unchangedScale = StandaloneRuleBundle.load(copy, "skm-2017", "test");
        assertFalse(unchangedScale.accepted(), "with 0.11 an all-1 survey scores 24.75, below the 25.00 where band D starts");
        assertTrue(unchangedScale.errors().toString().contains("24.75"), () -> unchangedScale.errors().toString());
        // As methodology.properties says: with 0.11 the scale and band D start at 24.75.
        Files.writeString(descriptor, Files.readString(descriptor).replace("scale.min=25", "scale.min=24.75"));
        Path bands = copy.resolve("methodology/bands.csv");
        Files.writeString(bands, Files.readString(bands).replace("D,Tidak Baik,25.00,64.99", "D,Tidak Baik,24.75,64.99"));
        StandaloneRuleBundle rounded = StandaloneRuleBundle.load(copy, "skm-2017", "test");
        assertTrue(rounded.accepted(), () -> rounded.errors().toString());
        List<Map<String, BigDecimal>> survey = List.of(answers(3, 3, 3, 3, 3, 3, 3, 3, 4), answers(3, 3, 3, 3, 3, 3, 3, 3, 4));
        assertEquals("77.78", underTest.bundle().score(new Assessment("u", null, survey)).index().toPlainString());
        ScoreResult lower = rounded.score(new Assessment("u", null, survey));
        assertEquals("77.00", lower.index().toPlainString(), "0.11 × 28 × 25");
        assertEquals("B", lower.band().getCode());
        ScoreResult lowest = rounded.score(new Assessment("u", null, List.of(answers(1, 1, 1, 1, 1, 1, 1, 1, 1))));
        assertEquals("24.75", lowest.index().toPlainString());
        assertEquals("D", lowest.band().getCode());
    }

    @Test
    void everyRespondentMustAnswerEveryElementWith1To4() {
        Map<String, BigDecimal> incomplete = answers(4, 4, 4, 4, 4, 4, 4, 4, 4);
        incomplete.remove("u3");
        Map<String, BigDecimal> outOfRange = answers(4, 4, 4, 4, 5, 4, 4, 4, 4);
        InvalidAssessmentException e = assertThrows(InvalidAssessmentException.class,
                () -> underTest.bundle().score(new Assessment("u", null, List.of(answers(1, 1, 1, 1, 1, 1, 1, 1, 1), incomplete, outOfRange))));
        assertEquals(List.of("respondents[1].u3: missing answer to indicator u3; expected one of 1, 2, 3, 4",
                "respondents[2].u5: 5 is not an allowed answer; expected one of 1, 2, 3, 4"),
                e.errors().stream().map(f -> f.field() + ": " + f.message()).toList());
        InvalidAssessmentException answersInstead = assertThrows(InvalidAssessmentException.class,
                () -> underTest.bundle().score(new Assessment("u", answers(4, 4, 4, 4, 4, 4, 4, 4, 4))));
        assertFalse(answersInstead.errors().isEmpty());
        assertEquals("respondents", answersInstead.errors().get(answersInstead.errors().size() - 1).field());
    }

    /** The smallest survey whose IKM rounds (half-up, in hundredths) to {@code target}. */
    private static List<Map<String, BigDecimal>> surveyRoundingTo(long target) {
        for (int n = 1; n < 1000; n++) {
            for (long sum = 9L * n; sum <= 36L * n; sum++) {
                // round(2500 × sum / (9n)) half-up, in integers
                long denominator = 9L * n;
                long hundredths = (2 * 2500 * sum + denominator) / (2 * denominator);
                if (hundredths == target) return survey(n, sum);
            }
        }
        throw new AssertionError("no survey reaches " + target);
    }

    private static List<Map<String, BigDecimal>> survey(int respondents, long sum) {
        int[][] grid = new int[respondents][9];
        long remaining = sum - 9L * respondents;
        for (int[] row : grid) java.util.Arrays.fill(row, 1);
        for (int r = 0; r < respondents && remaining > 0; r++) {
            for (int e = 0; e < 9 && remaining > 0; e++) {
                int add = (int) Math.min(3, remaining);
                grid[r][e] += add;
                remaining -= add;
            }
        }
        List<Map<String, BigDecimal>> survey = new ArrayList<>();
        for (int[] row : grid) survey.add(answers(row));
        return survey;
    }

    private static Map<String, BigDecimal> answers(int... values) {
        Map<String, BigDecimal> m = new HashMap<>();
        for (int k = 0; k < values.length; k++) m.put(ELEMENTS.get(k), BigDecimal.valueOf(values[k]));
        return m;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target); else Files.copy(p, target);
            }
        }
    }
}
