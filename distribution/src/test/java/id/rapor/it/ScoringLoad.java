package id.rapor.it;

import static id.rapor.it.RaporDistribution.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads that score the README's example without pause while a test changes the rules, and
 * what they saw: failed answers, and each "version band" pair (a mixed answer would pair one
 * version with another's band).
 */
final class ScoringLoad implements AutoCloseable {
    private static final String SCORE = "/api/v1/methodologies/pekppp-2022/score";

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final List<Thread> threads = new ArrayList<>();

    ScoringLoad(RaporDistribution rapor, int threadCount) throws Exception {
        String body = Assessments.example().toString();
        for (int t = 0; t < threadCount; t++) {
            Thread thread = new Thread(() -> {
                while (running.get()) {
                    try {
                        HttpResponse<String> r = rapor.post(SCORE, body);
                        requests.incrementAndGet();
                        if (r.statusCode() != 200) { failures.incrementAndGet(); continue; }
                        JsonNode s = json(r);
                        seen.add(s.at("/methodology/version").asText() + " " + s.at("/band/code").asText());
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
    }

    int failures() { return failures.get(); }

    int requests() { return requests.get(); }

    /** Every "version band" pair answered. */
    Set<String> seen() { return Set.copyOf(seen); }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread t : threads) t.join();
    }
}
