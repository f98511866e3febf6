package id.rapor.engine.compile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that compiles rule bundles and restores revisions, and its queue. Work runs
 * one task at a time in the order it came, except that the tasks of a methodology somebody is
 * waiting for can be moved to the front ({@link #hurry}): at startup, with many rule bundles
 * to compile, the first request for a methodology need not wait for all the others. The tasks
 * of one methodology keep their order among themselves.
 */
@Component(service = CompileQueue.class)
public final class CompileQueue implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CompileQueue.class);

    /** {@code background}: work while a version serves (another node's change being taken in), not counted as pending. */
    private record Task(String methodologyId, Runnable work, boolean background) {}

    private final Deque<Task> queued = new ArrayDeque<>();
    private final Thread worker;
    private Task running;
    private int held;
    private boolean closed;

    /** The engine's queue: Drools on its thread finds its parts through the engine bundle's class loader. */
    @Activate
    public CompileQueue() {
        this(CompileQueue.class.getClassLoader());
    }

    public CompileQueue(ClassLoader contextLoader) {
        worker = new Thread(this::work, "rapor-rule-compiler");
        worker.setDaemon(true);
        // Drools finds its parts with ServiceLoader on the context class loader: it must be the engine's.
        worker.setContextClassLoader(contextLoader);
        worker.start();
    }

    /** Queues work that concerns {@code methodologyId}. */
    public synchronized void submit(String methodologyId, Runnable work) {
        if (closed) return;
        queued.addLast(new Task(methodologyId, work, false));
        notifyAll();
    }

    /**
     * Queues work that brings a methodology up to date while a version of it serves (another node's change): it is not
     * pending (the node stays ready), and it replaces such work of the methodology still queued, which it makes moot.
     */
    public synchronized void submitInBackground(String methodologyId, Runnable work) {
        if (closed) return;
        queued.removeIf(t -> t.background() && t.methodologyId().equals(methodologyId));
        queued.addLast(new Task(methodologyId, work, true));
        notifyAll();
    }

    /**
     * Runs {@code work} on the compile thread, ahead of the work of other methodologies, and
     * waits for its result: a caller (a revision proposed through the API) compiles without
     * holding any lock of its own, one compile at a time with everything else. On the compile
     * thread itself it simply runs.
     */
    public <T> T call(String methodologyId, java.util.function.Supplier<T> work) throws InterruptedException {
        if (Thread.currentThread() == worker) return work.get();
        java.util.concurrent.CompletableFuture<T> result = new java.util.concurrent.CompletableFuture<>();
        synchronized (this) {
            if (closed) throw new IllegalStateException("the rule compiler is stopping");
            submit(methodologyId, () -> {
                try {
                    result.complete(work.get());
                } catch (RuntimeException | Error e) {
                    result.completeExceptionally(e);
                }
            });
            hurry(methodologyId);
        }
        try {
            while (true) {
                try {
                    return result.get(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    // Work dropped by close() never completes: do not wait for it.
                    synchronized (this) {
                        if (closed && running == null && !result.isDone()) throw new IllegalStateException("the rule compiler stopped");
                    }
                }
            }
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error r) throw r;
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Moves the queued tasks of {@code methodologyId} to the front; true if any is queued or running. */
    public synchronized boolean hurry(String methodologyId) {
        List<Task> mine = new ArrayList<>();
        for (Iterator<Task> it = queued.iterator(); it.hasNext(); ) {
            Task t = it.next();
            if (t.methodologyId().equals(methodologyId)) {
                mine.add(t);
                it.remove();
            }
        }
        for (int k = mine.size() - 1; k >= 0; k--) queued.addFirst(mine.get(k));
        return !mine.isEmpty() || (running != null && running.methodologyId().equals(methodologyId));
    }

    /** Tasks queued or running, and work announced but not yet queued ({@link #hold}). */
    public synchronized int pending() {
        return (int) queued.stream().filter(t -> !t.background()).count() + (running == null || running.background() ? 0 : 1) + held;
    }

    /**
     * Counts work that will be queued once something arrives (the shared revisions, once the database is there) as
     * pending until {@link #release}: a node is not ready meanwhile.
     */
    public synchronized void hold() {
        held++;
    }

    public synchronized void release() {
        if (held > 0) held--;
        notifyAll();
    }

    private void work() {
        while (true) {
            Task task;
            synchronized (this) {
                running = null;
                notifyAll();
                while (queued.isEmpty() && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) return;
                task = running = queued.removeFirst();
            }
            try {
                task.work().run();
            } catch (RuntimeException | LinkageError e) {
                // A defect of ours must not end the only compiler thread.
                LOG.error("Rule work for {} failed", task.methodologyId(), e);
            }
        }
    }

    /** Waits until nothing is queued or running (for tests and orderly stops); false on timeout. */
    public synchronized boolean awaitIdle(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (!queued.isEmpty() || running != null || held > 0) { // background work too
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) return false;
            wait(left);
        }
        return true;
    }

    /** After {@link #close()}: waits for the task that was running, if any; false on timeout. */
    public boolean awaitStopped(long millis) throws InterruptedException {
        worker.join(millis);
        return !worker.isAlive();
    }

    @Override
    public synchronized void close() {
        closed = true;
        queued.clear();
        notifyAll();
        worker.interrupt();
    }

    /** The service goes: queued work is dropped, and the task running (a compile, an edit being proposed) finishes first. */
    @Deactivate
    void stop() throws InterruptedException {
        close();
        awaitStopped(10_000);
    }
}
