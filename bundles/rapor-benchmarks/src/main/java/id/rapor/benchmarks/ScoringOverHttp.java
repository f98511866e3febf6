package id.rapor.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * Scoring over HTTP with wrk against the health endpoint's rate in the same run: the house's
 * target is a single score at no less than half the rate of GET /api/v1/health (the server's
 * floor: routing, JSON and the connection, no scoring) with p99 ≤ 10 ms. After a warm-up, each
 * connection count runs health and score by turns, three times; the figures are the median
 * run's, with the range. Then a 500-unit region in one batch.
 */
final class ScoringOverHttp {
    static final String SECTION = "The distribution over HTTP (wrk, keep-alive, on the same 2 cores)";
    static final int RUNS = 3;

    private ScoringOverHttp() {}

    static List<Figure> measure(RaporProcess rapor, String example, boolean quick) throws Exception {
        List<Figure> figures = new ArrayList<>();
        int seconds = quick ? 3 : 10;
        String score = rapor.url("/api/v1/methodologies/pekppp-2022/score");
        String health = rapor.url("/api/v1/health");
        // The JIT takes about a minute of load to settle; before that the first runs would be slower.
        Wrk.post(score, example, 16, quick ? 3 : 50);
        Wrk.get(health, null, 16, quick ? 2 : 10);
        for (int connections : new int[] {8, 32}) {
            List<Wrk.Result> healthRuns = new ArrayList<>();
            List<Wrk.Result> scoreRuns = new ArrayList<>();
            for (int k = 0; k < RUNS; k++) {
                healthRuns.add(Wrk.get(health, null, connections, seconds));
                scoreRuns.add(Wrk.post(score, example, connections, seconds));
            }
            Wrk.Runs h = new Wrk.Runs(healthRuns);
            Wrk.Runs s = new Wrk.Runs(scoreRuns);
            String at = connections + " connections";
            figures.add(Figure.measured(SECTION, "health (GET /api/v1/health), " + at + ": throughput", h.throughput(),
                    "requests/s (" + h.throughputRange() + " over " + RUNS + " runs)"));
            figures.add(Figure.against(SECTION, "single score, " + at + ": throughput", s.throughput(),
                    "scores/s (" + s.throughputRange() + " over " + RUNS + " runs)", "≥ 10,000/s", s.throughput() >= 10_000));
            double ratio = s.throughput() / h.throughput();
            figures.add(new Figure(SECTION, "single score / health, " + at + ": throughput ratio", String.format("%.2f", ratio),
                    "≥ 0.5", ratio >= 0.5));
            figures.add(Figure.against(SECTION, "single score, " + at + ": p99 latency", s.p99(),
                    String.format("ms p99 (p50 %s ms; p99 %s ms over %d runs)", Figure.format(s.p50()), s.p99Range(), RUNS),
                    "p99 ≤ 10 ms", s.p99() <= 10));
            if (s.non2xx() + h.non2xx() > 0) figures.add(Figure.against(SECTION, "non-2xx answers", s.non2xx() + h.non2xx(), "", "0", false));
        }
        String region = Report.region(example, 500);
        String batch = rapor.url("/api/v1/methodologies/pekppp-2022/score/batch");
        Wrk.post(batch, region, 1, quick ? 2 : 5);
        Wrk.Result b = Wrk.post(batch, region, 1, quick ? 3 : 15);
        figures.add(Figure.against(SECTION, "500-unit region, 1 connection: p50 latency", b.p50Millis(),
                String.format("ms (p99 %.1f ms, max %.1f ms, %.0f regions/s)", b.p99Millis(), b.maxMillis(), b.requestsPerSecond()),
                "≤ 100 ms", b.p50Millis() <= 100));
        return figures;
    }
}
