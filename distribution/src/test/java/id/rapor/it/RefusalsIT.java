package id.rapor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Refusals: how much of a flood of refused calls reaches the audit trail (every one is still answered). */
class RefusalsIT extends StartedDistribution {
    @Test
    void twoThousandAnonymousRefusalsAddABoundedNumberOfAuditLines() throws Exception {
        Path trail = rapor.home.resolve("data/audit.jsonl");
        long before = Files.exists(trail) ? Files.readAllLines(trail).size() : 0;
        // From an address of their own, so this test's count is not mixed with others'.
        String request = RawHttp.request("GET", "/api/v1/audit", null);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<int[]>> senders = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < 4; t++) {
            senders.add(pool.submit(() -> {
                int refused = 0;
                int other = 0;
                for (int k = 0; k < 500; k++) {
                    if (RawHttp.exchange(rapor.port, "127.0.0.6", request).status() == 401) refused++; else other++;
                }
                return new int[] {refused, other};
            }));
        }
        int refused = 0;
        for (Future<int[]> f : senders) {
            int[] counts = f.get(120, TimeUnit.SECONDS);
            refused += counts[0];
            assertEquals(0, counts[1], "every call is answered 401");
        }
        pool.shutdown();
        assertEquals(2_000, refused);
        long after = Files.readAllLines(trail).size();
        long seconds = Math.max(1, (System.nanoTime() - start) / 1_000_000_000L);
        // Twenty a minute from that address, and at most one summary per minute that ended meanwhile.
        long bound = 20 * (seconds / 60 + 1) + seconds / 60 + 1;
        assertTrue(after - before <= bound, (after - before) + " lines for 2,000 refusals in " + seconds + " s; at most " + bound);
        assertTrue(after - before >= 20, "the first refusals of the minute are recorded: " + (after - before));
    }
}
