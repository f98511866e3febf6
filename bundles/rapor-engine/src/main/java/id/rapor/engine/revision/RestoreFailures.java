package id.rapor.engine.revision;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Active revisions this node could not restore, and when to try each again: the wait doubles from {@link #FIRST} up to
 * {@link #LONGEST}, so a revision that fails here (its compile, a missing rule bundle) is not compiled again at every
 * notice or periodic read of the shared revisions.
 */
final class RestoreFailures {
    static final Duration FIRST = Duration.ofSeconds(30);
    static final Duration LONGEST = Duration.ofMinutes(5);

    /** Revision {@code revision} failed {@code attempts} times in a row, last for {@code reason}; not tried before {@code next}. */
    record Failure(int revision, String reason, int attempts, Instant next) {}

    private final Map<String, Failure> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    RestoreFailures(Clock clock) {
        this.clock = clock;
    }

    void failed(String methodologyId, int revision, String reason) {
        failures.compute(methodologyId, (m, before) -> {
            int attempts = before != null && before.revision() == revision ? before.attempts() + 1 : 1;
            return new Failure(revision, reason, attempts, clock.instant().plus(wait(attempts)));
        });
    }

    /** The wait after {@code attempts} failures in a row: 30 s, 1 min, 2 min, 4 min, then 5 min. */
    static Duration wait(int attempts) {
        Duration d = FIRST;
        for (int k = 1; k < attempts && d.compareTo(LONGEST) < 0; k++) d = d.multipliedBy(2);
        return d.compareTo(LONGEST) > 0 ? LONGEST : d;
    }

    /** The methodology serves what is active (restored, or another revision activated): nothing to wait for. */
    void cleared(String methodologyId) {
        failures.remove(methodologyId);
    }

    /** Whether revision {@code revision} may be tried now: never failed, or its wait is over. */
    boolean due(String methodologyId, int revision) {
        Failure f = failures.get(methodologyId);
        return f == null || f.revision() != revision || !clock.instant().isBefore(f.next());
    }

    /** The methodology's failure, if its revision {@code revision} failed; else null. */
    Failure of(String methodologyId, int revision) {
        Failure f = failures.get(methodologyId);
        return f != null && f.revision() == revision ? f : null;
    }
}
