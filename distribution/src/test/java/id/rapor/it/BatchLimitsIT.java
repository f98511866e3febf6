package id.rapor.it;

import static id.rapor.it.ApiIT.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Batches cannot take the heap: at most http.batch.max.units (5,000) units in one, refused
 * with 413 as soon as one more begins, and at most http.batch.concurrent (2) scored at once,
 * the next answered 503 with Retry-After, while single scores go on being answered.
 */
class BatchLimitsIT extends StartedDistribution {
    private static final String BATCH = "/api/v1/methodologies/ombudsman-2022/score/batch";

    private static String batch(int units, long seed) {
        Random r = new Random(seed);
        StringBuilder b = new StringBuilder("{\"region\":\"Kab. Contoh\",\"atOrBelow\":\"C\",\"units\":[");
        for (int k = 0; k < units; k++) {
            if (k > 0) b.append(',');
            b.append("{\"unit\":\"U").append(k).append("\",\"answers\":{\"input\":").append(r.nextInt(101)).append(",\"proses\":")
                    .append(r.nextInt(101)).append(",\"output\":").append(r.nextInt(101)).append(",\"pengaduan\":").append(r.nextInt(101)).append("}}");
        }
        return b.append("]}").toString();
    }

    @Test
    void aMegabyteOfTrivialUnitsIsRefusedNamingUnits() throws Exception {
        // The hostile test's body: 1 MiB holding about 300,000 empty units.
        StringBuilder b = new StringBuilder("{\"region\":\"R\",\"units\":[{}");
        while (b.length() < 1024 * 1024 - 10) b.append(",{}");
        JsonNode p = problem(rapor.post(BATCH, b.append("]}").toString()), 413);
        assertEquals("urn:rapor:problem:too-many-units", p.get("type").asText());
        assertEquals("units", p.at("/errors/0/field").asText());
        assertEquals("lebih dari 5000 unit", p.at("/errors/0/message").asText());
        problem(rapor.post(BATCH, batch(5_001, 1)), 413);
        HttpResponse<String> full = rapor.post(BATCH, batch(5_000, 1));
        assertEquals(200, full.statusCode(), full.body());
        assertEquals(5_000, RaporDistribution.json(full).get("units").size());
    }

    @Test
    void fourBigBatchesInParallelLeaveSingleScoresAnswered() throws Exception {
        String big = batch(5_000, 2);
        String single = Assessments.example().toString();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong slowestSingle = new AtomicLong();
        List<String> wrong = new ArrayList<>();
        ConcurrentHashMap<Integer, Integer> batchStatuses = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            Future<Integer> singles = pool.submit(() -> {
                int n = 0;
                while (running.get()) {
                    long start = System.nanoTime();
                    HttpResponse<String> r = rapor.post("/api/v1/methodologies/pekppp-2022/score", single);
                    slowestSingle.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
                    if (r.statusCode() != 200) synchronized (wrong) { wrong.add("single " + r.statusCode() + " " + r.body()); }
                    n++;
                }
                return n;
            });
            List<Future<?>> batches = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                batches.add(pool.submit(() -> {
                    for (int round = 0; round < 3; round++) {
                        HttpResponse<String> r = rapor.post(BATCH, big);
                        batchStatuses.merge(r.statusCode(), 1, Integer::sum);
                        boolean busy = r.statusCode() == 503 && r.headers().firstValue("Retry-After").isPresent()
                                && r.body().contains("batches-busy");
                        if (r.statusCode() != 200 && !busy) synchronized (wrong) { wrong.add("batch " + r.statusCode() + " " + r.body()); }
                    }
                    return null;
                }));
            }
            for (Future<?> f : batches) f.get(120, TimeUnit.SECONDS);
            running.set(false);
            int scored = singles.get(30, TimeUnit.SECONDS);
            assertTrue(wrong.isEmpty(), wrong.toString());
            assertTrue(batchStatuses.getOrDefault(200, 0) >= 2, "batches were scored: " + batchStatuses);
            assertTrue(scored > 10, "single scores went on: " + scored);
            assertTrue(slowestSingle.get() < 3_000, "the slowest single score took " + slowestSingle.get() + " ms");
        } finally {
            running.set(false);
            pool.shutdownNow();
        }
        assertFalse(rapor.logText().contains("OutOfMemoryError"), "the heap held");
        assertEquals(200, rapor.post("/api/v1/methodologies/pekppp-2022/score", single).statusCode());
    }
}
