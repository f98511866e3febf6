package id.rapor.benchmarks;

import id.rapor.advice.RulesAt;
import id.rapor.advice.compare.TableComparison;
import id.rapor.advice.plan.TablePlanner;
import id.rapor.api.advice.Rules;
import id.rapor.api.model.Assessment;
import id.rapor.api.model.Methodology;
import id.rapor.api.model.ScoreResult;
import id.rapor.engine.standalone.StandaloneRuleBundle;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Issue 15's target: a 30-indicator plan in at most 50 ms. The README's PEKPPP 2022 unit (2.97, C)
 * planned to A (every one of its 30 weighted indicators open, many steps), at unit cost and at
 * per-indicator costs 1-9; and its comparison with a PEKPPP 2017 unit through the crosswalk. Each
 * includes the rules' own scores that check the advice (two or four).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PlanBenchmark {

    @State(Scope.Benchmark)
    public static class Unit {
        TablePlanner planner;
        TableComparison comparison;
        Map<String, BigDecimal> answers22 = new LinkedHashMap<>();
        Map<String, BigDecimal> answers17 = new LinkedHashMap<>();
        Map<String, BigDecimal> costs = new HashMap<>();

        @Setup(Level.Trial)
        public void load() throws Exception {
            Map<String, StandaloneRuleBundle> bundles = Map.of("pekppp-2022", RuleBundles.load("pekppp-2022"),
                    "pekppp-2017", RuleBundles.load("pekppp-2017"));
            RulesAt rules = new RulesAt() {
                @Override public Methodology methodology(Rules r) { return bundles.get(r.methodologyId()).methodology(); }

                @Override public ScoreResult score(Rules r, String unit, Map<String, BigDecimal> answers) throws id.rapor.api.InvalidAssessmentException {
                    return bundles.get(r.methodologyId()).score(new Assessment(unit, answers));
                }
            };
            planner = new TablePlanner(rules);
            comparison = new TableComparison(rules);
            // The README's unit: 3 everywhere, i28 at 4, i30 at 2 (IPP 2.97, C).
            for (int k = 1; k <= 31; k++) answers22.put(String.format("i%02d", k), BigDecimal.valueOf(k == 28 ? 4 : k == 30 || k == 31 ? 2 : 3));
            for (int k = 1; k <= 37; k++) answers17.put(String.format("i%02d", k), BigDecimal.valueOf(3));
            Random random = new Random(15);
            for (int k = 1; k <= 30; k++) costs.put(String.format("i%02d", k), BigDecimal.valueOf(1 + random.nextInt(9)));
        }
    }

    @Benchmark
    public Object planToAFewestSteps(Unit u) throws Exception {
        return u.planner.plan(new Rules.Answers(new Rules("pekppp-2022", null), "u", u.answers22), "A", Map.of(), Set.of());
    }

    @Benchmark
    public Object planToAWithCosts(Unit u) throws Exception {
        return u.planner.plan(new Rules.Answers(new Rules("pekppp-2022", null), "u", u.answers22), "A", u.costs, Set.of());
    }

    @Benchmark
    public Object compare2017With2022(Unit u) throws Exception {
        return u.comparison.compare(new Rules.Answers(new Rules("pekppp-2017", null), "u", u.answers17),
                new Rules.Answers(new Rules("pekppp-2022", null), "u", u.answers22));
    }
}
