package id.rapor.benchmarks;

import id.rapor.engine.standalone.StandaloneRuleBundle;
import java.util.ArrayList;
import java.util.List;

/** Compile time and retained heap of each shipped methodology's rule base. */
final class RuleBaseCost {
    private static final String[] BUNDLES = {"pekppp-2022", "pekppp-2017", "ombudsman-2021", "ombudsman-2022", "skm-2017"};

    private RuleBaseCost() {}

    static List<Figure> measure() throws Exception {
        List<Figure> figures = new ArrayList<>();
        String section = "Rule bases (check + compile + golden cases)";
        for (String b : BUNDLES) {
            long t0 = System.nanoTime();
            RuleBundles.load(b);
            double first = (System.nanoTime() - t0) / 1e6;
            double best = Double.MAX_VALUE;
            for (int k = 0; k < 3; k++) {
                long t = System.nanoTime();
                RuleBundles.load(b);
                best = Math.min(best, (System.nanoTime() - t) / 1e6);
            }
            // Retained heap: several compiled copies kept alive, measured after a full GC.
            long before = usedAfterGc();
            List<StandaloneRuleBundle> kept = new ArrayList<>();
            for (int k = 0; k < 5; k++) kept.add(RuleBundles.load(b));
            long after = usedAfterGc();
            java.lang.ref.Reference.reachabilityFence(kept);
            figures.add(Figure.of(section, b, String.format("first %.0f ms, warm %.0f ms, %.1f MiB each",
                    first, best, (after - before) / 5.0 / (1 << 20))));
        }
        return figures;
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime r = Runtime.getRuntime();
        for (int k = 0; k < 3; k++) {
            System.gc();
            Thread.sleep(50);
        }
        return r.totalMemory() - r.freeMemory();
    }
}
