package id.rapor.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** Jobs 0 to count − 1 on a few threads, as several users would send them; the first failure stops the rest and is thrown. */
final class Parallel {
    @FunctionalInterface
    interface Job {
        void run(int k) throws Exception;
    }

    private Parallel() {}

    static void run(int threads, int count, Job job) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Thread> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                for (int k; failure.get() == null && (k = next.getAndIncrement()) < count; ) {
                    try {
                        job.run(k);
                    } catch (Exception e) {
                        failure.compareAndSet(null, e);
                    }
                }
            });
            thread.start();
            running.add(thread);
        }
        for (Thread t : running) t.join();
        if (failure.get() != null) throw failure.get();
    }
}
