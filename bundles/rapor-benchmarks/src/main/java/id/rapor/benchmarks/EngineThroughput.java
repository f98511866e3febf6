package id.rapor.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs ScoringBenchmark (engine and plain-Java baseline) on 1 and 2 threads in one JMH run each. */
final class EngineThroughput {
    private EngineThroughput() {}

    static List<Figure> measure(boolean quick) throws Exception {
        List<Figure> figures = new ArrayList<>();
        for (int threads : new int[] {1, 2}) {
            Collection<RunResult> results = new Runner(new OptionsBuilder()
                    .include(ScoringBenchmark.class.getName())
                    .forks(1).threads(threads)
                    .jvmArgsAppend("-XX:+UseParallelGC") // as bin/rapor runs
                    .warmupIterations(quick ? 1 : 3).warmupTime(TimeValue.seconds(quick ? 1 : 3))
                    .measurementIterations(quick ? 2 : 5).measurementTime(TimeValue.seconds(quick ? 1 : 3))
                    .shouldFailOnError(true)
                    .build()).run();
            double engine = 0;
            double baseline = 0;
            for (RunResult r : results) {
                double score = r.getPrimaryResult().getScore();
                if (r.getParams().getBenchmark().endsWith(".engine")) engine = score; else baseline = score;
            }
            String section = "Engine, in process (JMH)";
            if (threads == 2) {
                figures.add(Figure.against(section, "Drools engine, 2 threads", engine, "scores/s", "≥ 100,000/s", engine >= 100_000));
            } else {
                figures.add(Figure.measured(section, "Drools engine, 1 thread", engine, "scores/s"));
            }
            figures.add(Figure.measured(section, "plain-Java baseline, " + threads + " thread" + (threads > 1 ? "s" : ""), baseline, "scores/s"));
            figures.add(Figure.of(section, "engine / baseline, " + threads + " thread" + (threads > 1 ? "s" : ""),
                    String.format("%.3f (the baseline is %.0f× faster)", engine / baseline, baseline / engine)));
        }
        return figures;
    }
}
