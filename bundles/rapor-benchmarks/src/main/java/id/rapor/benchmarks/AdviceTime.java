package id.rapor.benchmarks;

import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs PlanBenchmark: a 30-indicator plan (issue 15's target: at most 50 ms) and a 2017 → 2022 comparison. */
final class AdviceTime {
    private AdviceTime() {}

    static List<Figure> measure(boolean quick) throws Exception {
        List<Figure> figures = new ArrayList<>();
        String section = "Advice (JMH, one thread, each checked against the rules' own scores)";
        for (RunResult r : new Runner(new OptionsBuilder()
                .include(PlanBenchmark.class.getName())
                .forks(1).threads(1)
                .jvmArgsAppend("-XX:+UseParallelGC")
                .warmupIterations(quick ? 1 : 3).warmupTime(TimeValue.seconds(quick ? 1 : 3))
                .measurementIterations(quick ? 2 : 5).measurementTime(TimeValue.seconds(quick ? 1 : 3))
                .shouldFailOnError(true)
                .build()).run()) {
            double ms = r.getPrimaryResult().getScore();
            String name = r.getParams().getBenchmark().substring(PlanBenchmark.class.getName().length() + 1);
            switch (name) {
                case "planToAFewestSteps" -> figures.add(Figure.against(section, "30-indicator plan, 2.97 → A, fewest steps", ms, "ms",
                        "≤ 50 ms", ms <= 50));
                case "planToAWithCosts" -> figures.add(Figure.against(section, "30-indicator plan, 2.97 → A, costs 1-9", ms, "ms",
                        "≤ 50 ms", ms <= 50));
                default -> figures.add(Figure.measured(section, "comparison PEKPPP 2017 → 2022 (crosswalk)", ms, "ms"));
            }
        }
        return figures;
    }
}
