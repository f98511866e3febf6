package id.rapor.rules.pekppp2022;

import id.rapor.api.text.Language;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.rapor.api.FieldError;
import id.rapor.api.InvalidAssessmentException;
import id.rapor.api.model.Aspect;
import id.rapor.api.model.Assessment;
import id.rapor.api.model.Indicator;
import id.rapor.api.model.IndicatorResult;
import id.rapor.api.model.AspectResult;
import id.rapor.api.model.Methodology;
import id.rapor.api.model.ScoreResult;
import id.rapor.engine.standalone.GoldenCase;
import id.rapor.engine.standalone.StandaloneRuleBundle;
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

/**
 * PEKPPP 2022 as the regulation defines it, pinned number by number, and the bundle's golden
 * cases run one by one. The bundle is loaded from the build output through the engine's own
 * pipeline (tables, checks, DRL compile, golden cases).
 */
class Pekppp2022RulesTest {
    private static RuleBundleUnderTest underTest;
    private static StandaloneRuleBundle bundle;
    private static Methodology m;

    @BeforeAll
    static void load() {
        underTest = RuleBundleUnderTest.load("pekppp-2022");
        bundle = underTest.bundle();
        m = underTest.methodology();
    }

    @Test
    void describesTheRegulation() {
        assertEquals("pekppp-2022", m.getId());
        assertEquals(2022, m.getYear());
        assertTrue(m.getRegulation().contains("PermenPANRB 29/2022"));
        assertEquals(0, m.getScale().getMin().compareTo(BigDecimal.ZERO));
        assertEquals(0, m.getScale().getMax().compareTo(BigDecimal.valueOf(5)));
        assertEquals(2, m.getScale().getDecimals());
    }

    @Test
    void aspectWeightsAreThoseOf2022() {
        underTest.assertAspectWeights("kebijakan", "24", "sdm", "25", "sarpras", "18", "sipp", "11",
                "konsultasi", "10", "inovasi", "12", "antrian", "0");
        Map<String, Integer> counts = Map.of("kebijakan", 9, "sdm", 5, "sarpras", 6, "sipp", 4,
                "konsultasi", 4, "inovasi", 2, "antrian", 1);
        for (Aspect a : m.getAspects()) {
            assertEquals(counts.get(a.getId()).intValue(), a.getIndicators().size(), a.getId());
        }
    }

    @Test
    void everyIndicatorHasItsWeightAndCode() {
        String[][] table = {
            {"i01", "kebijakan", "a.Ak", "17"}, {"i02", "kebijakan", "a.P", "14"}, {"i03", "kebijakan", "a.T", "7"},
            {"i04", "kebijakan", "a.K", "14"}, {"i05", "kebijakan", "a.K", "10"}, {"i06", "kebijakan", "a.B", "17"},
            {"i07", "kebijakan", "a.T", "7"}, {"i08", "kebijakan", "a.Ak", "7"}, {"i09", "kebijakan", "a.Ak", "7"},
            {"i10", "sdm", "b.As", "10"}, {"i11", "sdm", "b.K", "20"}, {"i12", "sdm", "b.Ak", "20"},
            {"i13", "sdm", "b.K", "20"}, {"i14", "sdm", "b.K", "30"},
            {"i15", "sarpras", "c.K", "15"}, {"i16", "sarpras", "c.As", "23"}, {"i17", "sarpras", "c.As", "20"},
            {"i18", "sarpras", "c.K", "20"}, {"i19", "sarpras", "c.As", "11"}, {"i20", "sarpras", "c.B", "11"},
            {"i21", "sipp", "d.T", "30"}, {"i22", "sipp", "d.B", "20"}, {"i23", "sipp", "d.As", "20"}, {"i24", "sipp", "d.T", "30"},
            {"i25", "konsultasi", "e.P", "20"}, {"i26", "konsultasi", "e.P", "25"}, {"i27", "konsultasi", "e.Ak", "25"},
            {"i28", "konsultasi", "e.Ak", "30"},
            {"i29", "inovasi", "f.B", "50"}, {"i30", "inovasi", "f.B", "50"},
            {"i31", "antrian", "-", "0"},
        };
        assertEquals(table.length, m.getIndicators().size());
        for (String[] row : table) {
            Indicator i = m.indicator(row[0]);
            assertEquals(row[1], i.getAspectId(), row[0]);
            assertEquals(row[2], i.getCode(), row[0]);
            assertEquals(new BigDecimal(row[3]).compareTo(i.getWeight()), 0, row[0]);
            assertEquals(6, i.getOptions().size(), row[0]);
            for (int level = 0; level <= 5; level++) {
                assertTrue(i.option(BigDecimal.valueOf(level)) != null, row[0] + " level " + level);
            }
        }
        assertFalse(m.indicator("i31").isRequired(), "the queueing indicator is information only");
        assertEquals("No service standard", m.indicator("i01").option(BigDecimal.ZERO).label());
    }

    @Test
    void theNineBands() {
        underTest.assertBands(id.rapor.rules.pekppp.PekpppBands.AS_PRINTED);
    }

    @Test
    void thereAreGoldenCasesOnEveryBandEdge() {
        assertTrue(bundle.goldenCases().size() >= 40, "golden cases cover every band edge");
    }

    @Test
    void goldenCasesIncludeTheBandEdgesAndThePublishedFigure() {
        List<String> indexAndBand = underTest.goldenIndexAndBand();
        for (String edge : List.of("5.00 A", "4.51 A", "4.50 A-", "4.01 A-", "4.00 B", "3.51 B", "3.50 B-", "3.01 B-",
                "3.00 C", "2.51 C", "2.50 C-", "2.01 C-", "2.00 D", "1.51 D", "1.50 E", "1.01 E", "1.00 F", "0.00 F",
                "2.97 C", "4.56 A", "1.20 E", "1.25 E", "0.90 F", "0.55 F", "0.50 F", "0.60 F")) {
            assertTrue(indexAndBand.contains(edge), "golden case for " + edge);
        }
    }

    @Test
    void eachAspectWeighsAsPrinted() throws Exception {
        // Only one aspect answered 5, the rest 0: the IPP is 5 × the aspect's weight.
        Map<String, String> expected = Map.of("kebijakan", "1.20", "sdm", "1.25", "sarpras", "0.90", "sipp", "0.55",
                "konsultasi", "0.50", "inovasi", "0.60");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            Map<String, BigDecimal> answers = new HashMap<>();
            for (Indicator i : m.getIndicators().values()) {
                if (i.isRequired()) answers.put(i.getId(), BigDecimal.valueOf(i.getAspectId().equals(e.getKey()) ? 5 : 0));
            }
            assertEquals(e.getValue(), bundle.score(new Assessment("u", answers)).index().toPlainString(), e.getKey());
        }
    }

    @Test
    void roundsHalfUpBeforeBanding() throws Exception {
        GoldenCase halfUp = golden("edge: 4.5050 rounds half-up to 4.51");
        ScoreResult r = bundle.score(halfUp.assessment());
        assertEquals("4.5050", r.unroundedIndex().setScale(4).toPlainString());
        assertEquals("4.51", r.index().toPlainString());
        assertEquals("A", r.band().getCode());
        GoldenCase down = golden("edge: 4.5048 rounds down to 4.50");
        assertEquals("A-", bundle.score(down.assessment()).band().getCode());
    }

    @Test
    void contributionsAddUpToTheIndexAndTheExplanationSaysWhy() throws Exception {
        ScoreResult r = bundle.score(golden("published: Banjarnegara 2024 self-assessment 2.97 C Cukup").assessment());
        assertEquals("2.97", r.index().toPlainString());
        assertEquals("Cukup", r.band().getLabel());
        assertEquals("2022.1.0", r.methodologyVersion());
        BigDecimal byIndicator = r.indicators().stream().map(IndicatorResult::contribution).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal byAspect = r.aspects().stream().map(AspectResult::contribution).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, byIndicator.compareTo(r.unroundedIndex()));
        assertEquals(0, byAspect.compareTo(r.unroundedIndex()));
        assertEquals(7, r.aspects().size());
        assertEquals("kebijakan", r.aspects().get(0).aspect().getId());
        assertEquals(m.getAspects().size() + 2, r.explanation().size());
        String band = Language.ENGLISH.text(r.explanation().get(r.explanation().size() - 1), r.presentation());
        assertTrue(band.contains("2.51–3.00: C (Cukup)"), band);
    }

    @Test
    void theQueueingAspectReportsItsAnswerAndWeighsNothing() throws Exception {
        Map<String, BigDecimal> answers = allAnswered(3);
        answers.put("i31", new BigDecimal("2"));
        ScoreResult r = bundle.score(new Assessment("u", answers));
        AspectResult antrian = r.aspects().get(r.aspects().size() - 1);
        assertEquals("antrian", antrian.aspect().getId());
        assertEquals(0, new BigDecimal("2").compareTo(antrian.score()), "the answer it got, not 0");
        assertEquals(0, antrian.contribution().signum());
        assertEquals(0, new BigDecimal("3").compareTo(r.index()), "it adds nothing to the index");
        assertEquals("Sistem Antrian (informasi): hanya sebagai informasi, jawabannya 2; berbobot 0% dari indeks",
                Language.INDONESIAN.text(r.explanation().get(r.aspects().size() - 1), r.presentation()));
        answers.remove("i31");
        AspectResult unanswered = bundle.score(new Assessment("u", answers)).aspects().get(r.aspects().size() - 1);
        assertEquals(null, unanswered.score(), "nobody answered it");
    }

    @Test
    void aMissingAnswerIsAnErrorNeverAZero() {
        Map<String, BigDecimal> answers = allAnswered(3);
        answers.remove("i05");
        InvalidAssessmentException e = assertThrows(InvalidAssessmentException.class, () -> bundle.score(new Assessment("u", answers)));
        assertEquals(List.of("answers.i05"), e.errors().stream().map(FieldError::field).toList());
        assertEquals("missing answer to indicator i05; expected one of 0, 1, 2, 3, 4, 5", e.errors().get(0).message());
        assertEquals("Jawaban untuk indikator i05 tidak ada; seharusnya salah satu dari 0, 1, 2, 3, 4, 5",
                Language.INDONESIAN.text(e.errors().get(0).text()));
    }

    @Test
    void unknownIndicatorsAndValuesOutsideTheOptionsAreReportedTogether() {
        Map<String, BigDecimal> answers = allAnswered(3);
        answers.put("i02", new BigDecimal("6"));
        answers.put("i03", new BigDecimal("2.5"));
        answers.put("i99", BigDecimal.ONE);
        InvalidAssessmentException e = assertThrows(InvalidAssessmentException.class, () -> bundle.score(new Assessment("u", answers)));
        assertEquals(List.of("answers.i02", "answers.i03", "answers.i99"), e.errors().stream().map(FieldError::field).toList());
        assertEquals("6 is not an allowed answer; expected one of 0, 1, 2, 3, 4, 5", e.errors().get(0).message());
        assertTrue(e.errors().get(2).message().startsWith("unknown indicator"), e.errors().get(2).message());
    }

    @Test
    void theQueueingIndicatorIsOptionalAndWeighsNothing() throws Exception {
        Map<String, BigDecimal> answers = allAnswered(4);
        answers.remove("i31");
        ScoreResult without = bundle.score(new Assessment("u", answers));
        answers.put("i31", BigDecimal.valueOf(5));
        ScoreResult with = bundle.score(new Assessment("u", answers));
        assertEquals("4.00", without.index().toPlainString());
        assertEquals(without.index(), with.index());
        assertEquals(30, without.indicators().size());
        assertEquals(31, with.indicators().size());
    }

    @Test
    void anAnswerWrittenAsDecimalIsTheSameOption() throws Exception {
        ScoreResult r = bundle.score(new Assessment("u", allAnswered(3, "3.0")));
        assertEquals("3.00", r.index().toPlainString());
        assertEquals("C", r.band().getCode());
    }

    private static GoldenCase golden(String name) {
        return bundle.goldenCases().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name));
    }

    private static Map<String, BigDecimal> allAnswered(int value) {
        return allAnswered(value, Integer.toString(value));
    }

    private static Map<String, BigDecimal> allAnswered(int value, String written) {
        Map<String, BigDecimal> answers = new HashMap<>();
        for (String id : m.getIndicators().keySet()) answers.put(id, new BigDecimal(written));
        return answers;
    }
}
