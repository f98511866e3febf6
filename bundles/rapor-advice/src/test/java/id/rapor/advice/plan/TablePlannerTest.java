package id.rapor.advice.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.rapor.advice.Answers;
import id.rapor.advice.RealRules;
import id.rapor.api.InvalidAssessmentException;
import id.rapor.api.advice.AdviceRefusedException;
import id.rapor.api.advice.Plan;
import id.rapor.api.advice.Rules;
import id.rapor.api.model.Band;
import id.rapor.api.model.Indicator;
import id.rapor.api.model.Methodology;
import id.rapor.api.model.ScoreResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TablePlannerTest {
    private final RealRules real = new RealRules();
    private final TablePlanner planner = new TablePlanner(real);

    private static Rules.Answers of(String methodology, Map<String, BigDecimal> answers) {
        return new Rules.Answers(new Rules(methodology, null), "unit", answers);
    }

    @Test
    void banjarnegaraAt297NeedsOneStepOfStaffPractisingTheServiceCultureToReachBMinus() throws Exception {
        Map<String, BigDecimal> answers = Answers.pekppp2022(Answers.BANJARNEGARA_2_97);
        ScoreResult now = RealRules.bundle("pekppp-2022").score(new id.rapor.api.model.Assessment("u", answers));
        assertEquals(0, new BigDecimal("2.97").compareTo(now.unroundedIndex()), "exactly 2.97");
        assertEquals("C", now.band().getCode());

        Plan plan = planner.plan(of("pekppp-2022", answers), null, Map.of(), Set.of());
        assertEquals("B-", plan.target().getCode(), "the band above C");
        assertTrue(plan.reachable());
        // One level is the least; of the one-level plans, i14 (SDM 25% x 30%: 0.075 a level) gains the most.
        assertEquals(1, plan.steps().size());
        Plan.PlanStep step = plan.steps().get(0);
        assertEquals("i14", step.indicator());
        assertEquals(0, new BigDecimal("3").compareTo(step.from()));
        assertEquals(0, new BigDecimal("4").compareTo(step.to()));
        assertEquals(0, new BigDecimal("0.075").compareTo(step.gain()));
        assertEquals("Tingkat 4", step.descriptor());
        assertEquals(0, BigDecimal.ONE.compareTo(plan.cost()));
        assertEquals(0, new BigDecimal("3.05").compareTo(plan.indexAfter()));
        assertEquals("B-", plan.bandAfter().getCode());
    }

    @Test
    void theLevelDescriptorIsTheOptionsTablesLabel() throws Exception {
        int[] levels = Answers.BANJARNEGARA_2_97.clone();
        Map<String, BigDecimal> answers = Answers.pekppp2022(levels);
        // Only i01 may move: the plan must say what its level 5 is.
        Set<String> fixed = new HashSet<>(answers.keySet());
        fixed.remove("i01");
        Plan plan = planner.plan(of("pekppp-2022", answers), "B-", Map.of(), fixed);
        assertEquals("i01", plan.steps().get(0).indicator());
        assertEquals("With community involvement, plus monitoring and evaluation", plan.steps().get(0).descriptor(), "i01 from 4 to 5");
    }

    @Test
    void tiesGoToTheEarlierIndicator() throws Exception {
        // i11, i12 and i13 are worth the same (SDM 25% x 20%); with only them free and one level
        // enough, the three one-level plans tie on cost and gain: the first in questionnaire order wins.
        Map<String, BigDecimal> answers = Answers.pekppp2022(Answers.BANJARNEGARA_2_97);
        Set<String> fixed = new HashSet<>(answers.keySet());
        fixed.removeAll(Set.of("i11", "i12", "i13"));
        Plan plan = planner.plan(of("pekppp-2022", answers), "B-", Map.of(), fixed);
        assertEquals(List.of("i11"), plan.steps().stream().map(Plan.PlanStep::indicator).toList());
        // With i11 dearer, the next one.
        plan = planner.plan(of("pekppp-2022", answers), "B-", Map.of("i11", new BigDecimal("2")), fixed);
        assertEquals(List.of("i12"), plan.steps().stream().map(Plan.PlanStep::indicator).toList());
    }

    @Test
    void costsPerIndicatorChangeThePlan() throws Exception {
        Map<String, BigDecimal> answers = Answers.pekppp2022(Answers.BANJARNEGARA_2_97);
        // A new waiting room is dear; documenting the staff's service culture is not.
        Plan cheap = planner.plan(of("pekppp-2022", answers), "B", Map.of("i14", new BigDecimal("0.5"), "i16", new BigDecimal("10")),
                Set.of());
        assertTrue(cheap.reachable());
        assertTrue(cheap.steps().stream().noneMatch(s -> s.indicator().equals("i16")));
        assertEquals("B", cheap.bandAfter().getCode());
    }

    /** The search's plan is the brute-force optimum, tie order included, on small instances of the real PEKPPP 2022 tables. */
    @Test
    void optimalAgainstBruteForceOnPekppp2022() throws Exception {
        bruteForce("pekppp-2022", 40, 5, true, 11);
    }

    /** PEKPPP 2017 divides by 99.5 and 99.9: non-terminating contributions, still exact; cost compared (the engine's unrounded index is 34 digits). */
    @Test
    void optimalAgainstBruteForceOnPekppp2017() throws Exception {
        bruteForce("pekppp-2017", 40, 4, false, 12);
    }

    private void bruteForce(String id, int instances, int free, boolean tieOrder, long seed) throws Exception {
        Methodology m = RealRules.bundle(id).methodology();
        Random random = new Random(seed);
        List<Band> bands = new ArrayList<>(m.getBands());
        bands.sort(Comparator.comparing(Band::getMin));
        int checked = 0;
        for (int n = 0; n < instances; n++) {
            Map<String, BigDecimal> answers = Answers.random(m, random);
            List<Indicator> weighted = m.getIndicators().values().stream().filter(Indicator::isRequired).toList();
            List<Indicator> open = new ArrayList<>(weighted);
            java.util.Collections.shuffle(open, random);
            open = new ArrayList<>(open.subList(0, free));
            open.sort(Comparator.comparing(i -> weighted.indexOf(i)));
            Set<String> fixed = new HashSet<>(m.getIndicators().keySet());
            open.forEach(i -> fixed.remove(i.getId()));
            Map<String, BigDecimal> costs = new HashMap<>();
            for (Indicator i : open) costs.put(i.getId(), BigDecimal.valueOf(random.nextInt(4))); // 0-3: free steps too
            ScoreResult now = real.score(new Rules(id, null), "u", answers);
            List<Band> above = bands.stream().filter(b -> b.getMin().compareTo(now.index()) > 0).toList();
            if (above.isEmpty()) continue;
            Band target = above.get(random.nextInt(Math.min(2, above.size())));

            Plan plan = planner.plan(of(id, answers), target.getCode(), costs, fixed);
            Best best = search(id, answers, open, costs, target, 0, new int[open.size()], null);
            assertEquals(best != null, plan.reachable(), "reachable, instance " + n);
            if (best == null) continue;
            checked++;
            assertEquals(0, best.cost.compareTo(plan.cost()), "cost, instance " + n);
            ScoreResult after = real.score(new Rules(id, null), "u", planned(answers, plan));
            assertTrue(after.index().compareTo(target.getMin()) >= 0, "the plan reaches the target, instance " + n);
            if (tieOrder) {
                int[] levels = new int[open.size()];
                for (Plan.PlanStep s : plan.steps()) levels[open.stream().map(Indicator::getId).toList().indexOf(s.indicator())] = s.levels();
                assertEquals(Arrays.toString(best.levels), Arrays.toString(levels), "the same plan, tie order included, instance " + n);
            }
        }
        assertTrue(checked >= 5, "enough reachable instances: " + checked);
    }

    private record Best(BigDecimal cost, BigDecimal unrounded, int[] levels) {}

    /** Every combination of levels of the open indicators, scored by the real engine. */
    private Best search(String id, Map<String, BigDecimal> answers, List<Indicator> open, Map<String, BigDecimal> costs, Band target,
                        int k, int[] levels, Best best) throws Exception {
        if (k == open.size()) {
            Map<String, BigDecimal> a = new HashMap<>(answers);
            BigDecimal cost = BigDecimal.ZERO;
            for (int j = 0; j < open.size(); j++) {
                Indicator i = open.get(j);
                List<BigDecimal> up = ladder(i, answers.get(i.getId()));
                if (levels[j] > 0) a.put(i.getId(), up.get(levels[j] - 1));
                cost = cost.add(costs.get(i.getId()).multiply(BigDecimal.valueOf(levels[j])));
            }
            ScoreResult r = real.score(new Rules(id, null), "u", a);
            if (r.index().compareTo(target.getMin()) < 0) return best;
            Best candidate = new Best(cost, r.unroundedIndex(), levels.clone());
            if (best == null) return candidate;
            int c = candidate.cost.compareTo(best.cost);
            if (c != 0) return c < 0 ? candidate : best;
            int g = candidate.unrounded.compareTo(best.unrounded);
            if (g != 0) return g > 0 ? candidate : best;
            return Arrays.compare(candidate.levels, best.levels) > 0 ? candidate : best;
        }
        int top = ladder(open.get(k), answers.get(open.get(k).getId())).size();
        for (int l = 0; l <= top; l++) {
            levels[k] = l;
            best = search(id, answers, open, costs, target, k + 1, levels, best);
        }
        levels[k] = 0;
        return best;
    }

    /** The options above an answer, in order. */
    private static List<BigDecimal> ladder(Indicator i, BigDecimal from) {
        return i.getOptions().stream().map(o -> o.value()).filter(v -> v.compareTo(from) > 0).sorted().toList();
    }

    private static Map<String, BigDecimal> planned(Map<String, BigDecimal> answers, Plan plan) {
        Map<String, BigDecimal> a = new HashMap<>(answers);
        plan.steps().forEach(s -> a.put(s.indicator(), s.to()));
        return a;
    }

    @Test
    void ombudsmanStepsAreWholePoints() throws Exception {
        // Banyuasin 2021: 69.39 (kuning); hijau starts at 81.00. Every variable weighs the same,
        // so each whole point anywhere adds 1/9 of a point: 11.61 needs 105 points (104 give 80.9456 -> 80.95).
        Methodology m = RealRules.bundle("ombudsman-2021").methodology();
        Map<String, BigDecimal> answers = new HashMap<>();
        m.getIndicators().keySet().forEach(id -> answers.put(id, new BigDecimal("69.39")));
        Plan plan = planner.plan(of("ombudsman-2021", answers), null, Map.of(), Set.of());
        assertEquals("hijau".toLowerCase(), plan.target().getZone() == null ? "hijau" : plan.target().getZone().toLowerCase());
        assertEquals(0, new BigDecimal("105").compareTo(plan.cost()));
        assertTrue(plan.indexAfter().compareTo(new BigDecimal("81.00")) >= 0);
        assertTrue(plan.method().stream().anyMatch(msg -> msg.key().equals("advice.plan.method.points")));
        // Ties: the earliest variables are raised first, the last of them stopping where the target is reached.
        assertEquals("v01", plan.steps().get(0).indicator());
        assertEquals(0, new BigDecimal("99.39").compareTo(plan.steps().get(0).to()));
    }

    @Test
    void anUnreachableTargetSaysWhy() throws Exception {
        Map<String, BigDecimal> answers = Answers.pekppp2022(Answers.BANJARNEGARA_2_97);
        Set<String> fixed = new HashSet<>(answers.keySet());
        fixed.remove("i03"); // 7% of 24%: at most +0.0168 a level
        Plan plan = planner.plan(of("pekppp-2022", answers), "A", Map.of(), fixed);
        assertFalse(plan.reachable());
        assertEquals("advice.plan.unreachable.fixed", plan.reason().key());
        assertEquals(0, new BigDecimal("2.99").compareTo(plan.indexAfter()), "the best it can do: i03 at 5");
    }

    @Test
    void refusals() {
        Map<String, BigDecimal> answers = Answers.pekppp2022(Answers.BANJARNEGARA_2_97);
        AdviceRefusedException reached = assertThrows(AdviceRefusedException.class,
                () -> planner.plan(of("pekppp-2022", answers), "C-", Map.of(), Set.of()));
        assertEquals(AdviceRefusedException.Reason.TARGET_REACHED, reached.reason());
        AdviceRefusedException unknown = assertThrows(AdviceRefusedException.class,
                () -> planner.plan(of("pekppp-2022", answers), "Z", Map.of(), Set.of()));
        assertEquals(AdviceRefusedException.Reason.UNKNOWN_BAND, unknown.reason());
        assertEquals("target", unknown.errors().get(0).field());
        Map<String, BigDecimal> all5 = new HashMap<>();
        answers.keySet().forEach(k -> all5.put(k, new BigDecimal("5")));
        assertEquals(AdviceRefusedException.Reason.TARGET_REACHED, assertThrows(AdviceRefusedException.class,
                () -> planner.plan(of("pekppp-2022", all5), null, Map.of(), Set.of())).reason(), "no band above A");
        AdviceRefusedException costs = assertThrows(AdviceRefusedException.class,
                () -> planner.plan(of("pekppp-2022", answers), null, Map.of("i99", BigDecimal.ONE, "i02", new BigDecimal("-1")), Set.of()));
        assertEquals(Set.of("costs.i99", "costs.i02"), Set.copyOf(costs.errors().stream().map(e -> e.field()).toList()));
        Map<String, BigDecimal> incomplete = new HashMap<>(answers);
        incomplete.remove("i05");
        InvalidAssessmentException missing = assertThrows(InvalidAssessmentException.class,
                () -> planner.plan(of("pekppp-2022", incomplete), null, Map.of(), Set.of()));
        assertEquals("answers.i05", missing.errors().get(0).field());
        AdviceRefusedException survey = assertThrows(AdviceRefusedException.class,
                () -> planner.plan(of("skm-2017", Map.of()), null, Map.of(), Set.of()));
        assertEquals(AdviceRefusedException.Reason.NOT_APPLICABLE, survey.reason());
        assertEquals("advice.plan.survey", survey.detail().key());
    }
}
