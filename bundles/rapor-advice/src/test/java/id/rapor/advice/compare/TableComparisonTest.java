package id.rapor.advice.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.rapor.advice.Answers;
import id.rapor.advice.RealRules;
import id.rapor.api.InvalidAssessmentException;
import id.rapor.api.advice.AdviceRefusedException;
import id.rapor.api.advice.Comparison;
import id.rapor.api.advice.Rules;
import id.rapor.api.model.Methodology;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableComparisonTest {
    private final RealRules real = new RealRules();
    private final TableComparison comparison = new TableComparison(real);

    private static Rules.Answers side(String methodology, Integer revision, Map<String, BigDecimal> answers) {
        return new Rules.Answers(new Rules(methodology, revision), "unit", answers);
    }

    /** The parts add up to the difference of the published indices exactly, and start and end at them. */
    private static void addsUp(Comparison c) {
        assertTrue(c.decomposed(), String.valueOf(c.reason()));
        assertEquals(List.of("weights", "answers", "removed", "added"), c.parts().stream().map(Comparison.Part::kind).toList());
        BigDecimal sum = c.parts().stream().map(Comparison.Part::change).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, sum.compareTo(c.difference()), "parts " + sum + " vs " + c.difference());
        assertEquals(0, c.difference().compareTo(c.after().index().subtract(c.before().index())));
        assertEquals(0, c.parts().get(0).from().compareTo(c.before().index()));
        assertEquals(0, c.parts().get(3).to().compareTo(c.after().index()));
        for (int k = 1; k < 4; k++) assertEquals(0, c.parts().get(k).from().compareTo(c.parts().get(k - 1).to()));
    }

    @Test
    void pekppp2017To2022ThroughTheCrosswalkAddsUpExactly() throws Exception {
        Methodology m17 = RealRules.bundle("pekppp-2017").methodology();
        Methodology m22 = RealRules.bundle("pekppp-2022").methodology();
        Random random = new Random(17);
        for (int n = 0; n < 200; n++) {
            Comparison c = comparison.compare(side("pekppp-2017", null, Answers.random(m17, random)),
                    side("pekppp-2022", null, Answers.random(m22, random)));
            addsUp(c);
            assertEquals("pekppp-2022", c.crosswalkOf());
            assertTrue(c.crosswalk().stream().allMatch(e -> e.confidence().equals("U")), "every indicator match is inferred");
        }
    }

    @Test
    void sameAnswersUnderBothRegimesMoveOnlyByWeightsAndTheIndicatorsThatCameAndWent() throws Exception {
        // Every answer 3 under both: the answers part is zero, and so is the index (3.00 both): weights
        // move nothing when every answer is the same, the parts still say so.
        Map<String, BigDecimal> a17 = new HashMap<>();
        RealRules.bundle("pekppp-2017").methodology().getIndicators().keySet().forEach(k -> a17.put(k, new BigDecimal("3")));
        Map<String, BigDecimal> a22 = new HashMap<>();
        RealRules.bundle("pekppp-2022").methodology().getIndicators().keySet().forEach(k -> a22.put(k, new BigDecimal("3")));
        Comparison c = comparison.compare(side("pekppp-2017", null, a17), side("pekppp-2022", null, a22));
        addsUp(c);
        assertEquals(0, c.parts().get(1).change().signum(), "no answer changed");
        assertEquals(0, c.difference().signum());
    }

    @Test
    void aRevisionThatChangesWeightsMovesTheIndexByItsWeightsAlone(@TempDir Path scratch) throws Exception {
        real.revision("pekppp-2022", 1, "methodology/aspects.csv", text -> text
                .replace("sdm,Profesionalisme SDM,25", "sdm,Profesionalisme SDM,18")
                .replace("sarpras,Sarana Prasarana,18", "sarpras,Sarana Prasarana,25"), scratch);
        Map<String, BigDecimal> answers = Answers.pekppp2022(Answers.BANJARNEGARA_2_97);
        Comparison c = comparison.compare(side("pekppp-2022", null, answers), side("pekppp-2022", 1, Map.of()));
        addsUp(c);
        // SDM averages 2.8, Sarpras 3.43 in this unit: 7 points of weight moved to the stronger aspect.
        assertEquals(0, c.parts().get(0).change().compareTo(c.difference()));
        assertTrue(c.difference().signum() > 0);
        assertEquals(0, c.parts().get(1).change().signum());
        assertTrue(c.parts().get(0).indicators().contains("i14"));
        assertTrue(c.parts().get(2).indicators().isEmpty() && c.parts().get(3).indicators().isEmpty());
    }

    @Test
    void aStoredAssessmentWithNewAnswersMovesByAnswersAlone() throws Exception {
        Map<String, BigDecimal> before = Answers.pekppp2022(Answers.BANJARNEGARA_2_97);
        Map<String, BigDecimal> after = new HashMap<>(before);
        after.put("i14", new BigDecimal("4"));
        Comparison c = comparison.compare(side("pekppp-2022", null, before), side("pekppp-2022", null, after));
        addsUp(c);
        assertEquals(0, new BigDecimal("0.08").compareTo(c.parts().get(1).change()), "2.97 -> 3.05");
        assertEquals(List.of("i14"), c.parts().get(1).indicators());
        assertEquals("C", c.before().band().getCode());
        assertEquals("B-", c.after().band().getCode());
    }

    @Test
    void ombudsman2021And2022ShareNoInputsAndAreComparedUnderBothBandSchemes() throws Exception {
        Map<String, BigDecimal> a21 = new HashMap<>();
        RealRules.bundle("ombudsman-2021").methodology().getIndicators().keySet().forEach(k -> a21.put(k, new BigDecimal("81.50")));
        Map<String, BigDecimal> a22 = new HashMap<>();
        RealRules.bundle("ombudsman-2022").methodology().getIndicators().keySet().forEach(k -> a22.put(k, new BigDecimal("77.00")));
        Comparison c = comparison.compare(side("ombudsman-2021", null, a21), side("ombudsman-2022", null, a22));
        assertFalse(c.decomposed());
        assertTrue(c.parts().isEmpty());
        assertEquals("advice.compare.noSharedInputs", c.reason().key());
        // Bontang's story: hijau under 2021's scheme; 77.00 is kuning (C) under 2022's, and would be kuning under 2021's too.
        assertEquals(4, c.bands().size());
        assertEquals("hijau", zone(c, "before", "ombudsman-2021"));
        assertEquals("C", c.bands().stream().filter(b -> b.of().equals("after") && b.scheme().equals("ombudsman-2022")).findFirst()
                .orElseThrow().band().getCode());
        assertEquals(0, new BigDecimal("-4.50").compareTo(c.difference()));
    }

    private static String zone(Comparison c, String of, String scheme) {
        var b = c.bands().stream().filter(x -> x.of().equals(of) && x.scheme().equals(scheme)).findFirst().orElseThrow().band();
        return b.getZone() == null ? b.getCode() : b.getZone().toLowerCase();
    }

    @Test
    void differentFamiliesWithoutACrosswalkAreRefused() {
        AdviceRefusedException e = assertThrows(AdviceRefusedException.class, () -> comparison.compare(
                side("pekppp-2022", null, Answers.pekppp2022(Answers.BANJARNEGARA_2_97)), side("ombudsman-2022", null, Map.of())));
        assertEquals(AdviceRefusedException.Reason.NOT_COMPARABLE, e.reason());
        assertEquals("after.methodology", e.errors().get(0).field());
    }

    @Test
    void anIncompleteSideIsNamed() {
        Map<String, BigDecimal> answers = new HashMap<>(Answers.pekppp2022(Answers.BANJARNEGARA_2_97));
        answers.remove("i07");
        InvalidAssessmentException e = assertThrows(InvalidAssessmentException.class, () -> comparison.compare(
                side("pekppp-2022", null, Answers.pekppp2022(Answers.BANJARNEGARA_2_97)), side("pekppp-2022", null, answers)));
        assertEquals("after.answers.i07", e.errors().get(0).field());
    }
}
