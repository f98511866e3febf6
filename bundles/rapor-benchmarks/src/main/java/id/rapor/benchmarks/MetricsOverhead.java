package id.rapor.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * What counting costs the hot path: single scores over HTTP (wrk, 16 connections) with
 * {@code GET /metrics} on ({@code access=open}: every request, score and compile counted) and
 * off (nothing counted), in one distribution and one run, by turns (on, off, on, off …) so that
 * the JIT's warm-up and the machine's other load fall on both alike. Target: on is at most 5 %
 * below off (issue 17).
 */
final class MetricsOverhead {
    static final String SECTION = "Metrics (GET /metrics) on the hot path";
    static final int RUNS = 3;

    private MetricsOverhead() {}

    static List<Figure> measure(RaporProcess rapor, String example, boolean quick) throws Exception {
        int seconds = quick ? 3 : 10;
        String score = rapor.url("/api/v1/methodologies/pekppp-2022/score");
        Wrk.post(score, example, 16, quick ? 3 : 50); // the JIT settles first
        List<Wrk.Result> off = new ArrayList<>();
        List<Wrk.Result> on = new ArrayList<>();
        // The distribution ships with access=off: on first, then off, and so on (it ends as it began).
        for (int k = 0; k < RUNS; k++) {
            rapor.setting("id.rapor.metrics.cfg", "access", "open");
            on.add(Wrk.post(score, example, 16, seconds));
            rapor.setting("id.rapor.metrics.cfg", "access", "off");
            off.add(Wrk.post(score, example, 16, seconds));
        }
        Wrk.Runs offRuns = new Wrk.Runs(off);
        Wrk.Runs onRuns = new Wrk.Runs(on);
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.measured(SECTION, "single score, 16 connections, metrics off: throughput", offRuns.throughput(),
                "scores/s (" + offRuns.throughputRange() + " over " + RUNS + " runs)"));
        figures.add(Figure.measured(SECTION, "single score, 16 connections, metrics on: throughput", onRuns.throughput(),
                "scores/s (" + onRuns.throughputRange() + " over " + RUNS + " runs)"));
        double drop = 100 * (1 - onRuns.throughput() / offRuns.throughput());
        figures.add(new Figure(SECTION, "throughput lost with metrics on", String.format("%.1f %%", drop), "≤ 5 %", drop <= 5));
        return figures;
    }
}
