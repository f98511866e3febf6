package id.rapor.benchmarks;

import id.rapor.api.model.Assessment;
import id.rapor.engine.standalone.GoldenCase;
import id.rapor.engine.standalone.StandaloneRuleBundle;
import java.util.List;
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
 * Scoring one PEKPPP 2022 assessment: through the engine (validation, a pooled Drools session,
 * the rules, the result with its explanation) and through the plain-Java baseline. The
 * assessments cycle through the bundle's golden cases so no single answer vector is cached.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ScoringBenchmark {

    @State(Scope.Benchmark)
    public static class Pekppp2022 {
        StandaloneRuleBundle bundle;
        PlainJavaScorer baseline;
        List<Assessment> assessments;

        @Setup(Level.Trial)
        public void load() throws Exception {
            bundle = RuleBundles.load("pekppp-2022");
            baseline = new PlainJavaScorer(bundle.methodology());
            assessments = bundle.goldenCases().stream().map(GoldenCase::assessment).toList();
        }
    }

    @State(Scope.Thread)
    public static class Cursor {
        int next;

        Assessment next(List<Assessment> all) {
            Assessment a = all.get(next);
            next = next + 1 == all.size() ? 0 : next + 1;
            return a;
        }
    }

    @Benchmark
    public Object engine(Pekppp2022 p, Cursor c) throws Exception {
        return p.bundle.score(c.next(p.assessments));
    }

    @Benchmark
    public Object plainJava(Pekppp2022 p, Cursor c) {
        return p.baseline.score(c.next(p.assessments).answers());
    }
}
