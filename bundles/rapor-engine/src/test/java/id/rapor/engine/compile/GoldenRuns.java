package id.rapor.engine.compile;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts scores made by a test bundle's rule that calls {@link #seen()}: how many golden cases ran. */
public final class GoldenRuns {
    static final AtomicInteger SCORES = new AtomicInteger();

    private GoldenRuns() {}

    public static void seen() {
        SCORES.incrementAndGet();
    }

    /** A rule that counts every score of the bundle it is in. */
    static final String RULE = """
            package id.rapor.rules;
            import id.rapor.api.fact.IndexScore;
            rule "every score counted"
            when
                IndexScore()
            then
                id.rapor.engine.compile.GoldenRuns.seen();
            end
            """;
}
