package id.rapor.engine.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

public class CompileQueueTest {
    private final List<String> ran = new CopyOnWriteArrayList<>();

    private Runnable note(String what) {
        return () -> ran.add(what);
    }

    /** Holds the worker in a first task until released, so the test can arrange the queue behind it. */
    private static CountDownLatch block(CompileQueue queue, String methodologyId) {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        queue.submit(methodologyId, () -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            started.await();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        return release;
    }

    @Test
    void runsTasksOneAtATimeInTheOrderTheyCame() throws Exception {
        try (CompileQueue queue = new CompileQueue(getClass().getClassLoader())) {
            for (String id : List.of("a", "b", "c", "d")) queue.submit(id, note(id));
            assertTrue(queue.awaitIdle(10_000));
            assertEquals(List.of("a", "b", "c", "d"), ran);
            assertEquals(0, queue.pending());
        }
    }

    @Test
    void hurryMovesAMethodologysTasksToTheFrontKeepingTheirOrder() throws Exception {
        try (CompileQueue queue = new CompileQueue(getClass().getClassLoader())) {
            CountDownLatch release = block(queue, "first");
            queue.submit("ombudsman-2021", note("ombudsman-2021"));
            queue.submit("pekppp-2022", note("pekppp-2022 bundle"));
            queue.submit("skm-2017", note("skm-2017"));
            queue.submit("pekppp-2022", note("pekppp-2022 revision"));
            assertEquals(5, queue.pending(), "four queued and one running");

            assertTrue(queue.hurry("pekppp-2022"));
            release.countDown();
            assertTrue(queue.awaitIdle(10_000));
            assertEquals(List.of("pekppp-2022 bundle", "pekppp-2022 revision", "ombudsman-2021", "skm-2017"), ran);
        }
    }

    @Test
    void hurryIsTrueForTheRunningTaskAndFalseWhenNothingIsWaiting() throws Exception {
        try (CompileQueue queue = new CompileQueue(getClass().getClassLoader())) {
            CountDownLatch release = block(queue, "pekppp-2022");
            assertTrue(queue.hurry("pekppp-2022"), "its compile is running");
            assertFalse(queue.hurry("skm-2017"));
            release.countDown();
            assertTrue(queue.awaitIdle(10_000));
            assertFalse(queue.hurry("pekppp-2022"));
        }
    }

    @Test
    void aFailingTaskDoesNotStopTheQueue() throws Exception {
        try (CompileQueue queue = new CompileQueue(getClass().getClassLoader())) {
            queue.submit("broken", () -> {
                throw new IllegalStateException("a defect");
            });
            queue.submit("next", note("next"));
            assertTrue(queue.awaitIdle(10_000));
            assertEquals(List.of("next"), ran);
        }
    }
}
