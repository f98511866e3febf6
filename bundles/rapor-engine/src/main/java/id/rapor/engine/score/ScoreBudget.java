package id.rapor.engine.score;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.Match;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one score may spend: a number of rule firings and a time. Rules that keep re-activating
 * each other, or fire on and on, are stopped cooperatively: the firing limit ends them, and so
 * does a watchdog thread that marks a score over its time, after which its next firing is
 * refused. A single rule consequence that never returns cannot be stopped that way; the watchdog
 * stops the thread running it once it is {@value #HARD_STOP_FACTOR} times over its time, so no
 * thread is ever left burning in the rules. The stopped session is discarded, never pooled. The
 * scoring thread itself reads no clock and takes no lock for any of this. Time the JVM spent
 * collecting garbage while a score ran is not the rules' and is not counted: a 10,000-row import on
 * a full heap had single scores overrun 1 s in back-to-back collections.
 *
 * <p>Rule text comes only from operators ({@link OperatorRuleText}), and its golden cases run
 * under this budget before it serves: this is the last line, for rules that misbehave only on
 * inputs their golden cases did not try.
 */
@Component(service = ScoreBudget.class, configurationPid = ScoreBudget.PID)
@Designate(ocd = ScoreBudget.Settings.class)
public final class ScoreBudget implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScoreBudget.class);
    /** About a hundred times what a score fires (PEKPPP 2017, the largest: about 50). */
    public static final int MAX_FIRINGS = 5_000;
    /** Scores take microseconds; a second is far beyond any sane rule bundle. */
    public static final long DEFAULT_MILLIS = 1_000;
    static final int HARD_STOP_FACTOR = 2;

    static final String PID = "id.rapor.scoring";

    /** etc/id.rapor.scoring.cfg */
    @ObjectClassDefinition(name = "Rapor scoring", description = "What one score may spend in the rules.")
    public @interface Settings {
        @AttributeDefinition(name = "Budget (ms)", min = "1", description = "Time one score may spend in the rules (and at most "
                + "5,000 rule firings). Rules that fire past it are ended between firings; a rule that does not return is stopped "
                + "at twice this. Scores take microseconds: this only ever stops a defective rule bundle.")
        long budget_ms() default DEFAULT_MILLIS;
    }

    private final int maxFirings;
    private volatile long budgetNanos;
    private final CopyOnWriteArrayList<Slot> slots = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Slot> slot = ThreadLocal.withInitial(this::newSlot);
    private Thread watchdog;
    private volatile boolean closed;

    public ScoreBudget() {
        this(MAX_FIRINGS, DEFAULT_MILLIS);
    }

    /** The service's budget, from its settings. */
    @Activate
    public ScoreBudget(Settings settings) {
        this(MAX_FIRINGS, millis(settings));
    }

    /** A changed budget applies to the next score. */
    @Modified
    void modified(Settings settings) {
        budgetNanos = TimeUnit.MILLISECONDS.toNanos(millis(settings));
        LOG.info("Scores may spend {} ms in the rules from now on", budgetMillis());
    }

    /** A wrong setting is said in the log and the default stands, rather than no scoring at all. */
    private static long millis(Settings settings) {
        if (settings.budget_ms() >= 1) return settings.budget_ms();
        LOG.error("budget.ms in etc/{}.cfg must be at least 1 ms, not {}; using {}", PID, settings.budget_ms(), DEFAULT_MILLIS);
        return DEFAULT_MILLIS;
    }

    public ScoreBudget(int maxFirings, long budgetMillis) {
        if (maxFirings < 1 || budgetMillis < 1) throw new IllegalArgumentException("a score budget needs firings and time");
        this.maxFirings = maxFirings;
        this.budgetNanos = TimeUnit.MILLISECONDS.toNanos(budgetMillis);
    }

    long budgetMillis() {
        return TimeUnit.NANOSECONDS.toMillis(budgetNanos);
    }

    /**
     * Fires the session's rules within the budget. Throws {@link RuleOutcomeException} when the
     * rules did not settle, ran out of time or had to be stopped; the session is then unusable.
     */
    void fire(KieSession session) {
        Slot s = slot.get();
        long generation = s.begin();
        int fired;
        try {
            fired = session.fireAllRules(s, maxFirings);
            s.end(generation);
        } catch (ThreadDeath stopped) {
            s.idle();
            throw RuleOutcomeException.overBudget("the rules did not return within " + budgetMillis() * HARD_STOP_FACTOR
                    + " ms and were stopped");
        } catch (RuntimeException | Error e) {
            s.end(generation);
            throw e;
        }
        if (s.overdue(generation)) throw RuleOutcomeException.overBudget("the rules did not finish within " + budgetMillis() + " ms");
        if (fired >= maxFirings) throw RuleOutcomeException.unsettled(maxFirings);
    }

    private Slot newSlot() {
        Slot s = new Slot(Thread.currentThread());
        slots.add(s);
        startWatchdog();
        return s;
    }

    private synchronized void startWatchdog() {
        if (watchdog != null || closed) return;
        watchdog = new Thread(this::watch, "rapor-score-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private void watch() {
        long period = Math.max(1, Math.min(100, budgetMillis() / 4));
        while (!closed) {
            try {
                Thread.sleep(period);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            long collecting = collectingNanos();
            for (Slot s : slots) {
                if (!s.thread.isAlive()) slots.remove(s);
                else s.watch(now, collecting, budgetNanos);
            }
        }
    }

    /** The time the JVM's collectors have spent so far (pauses included), for the watchdog to leave out. */
    private static long collectingNanos() {
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) millis += Math.max(0, gc.getCollectionTime());
        return TimeUnit.MILLISECONDS.toNanos(millis);
    }

    @Override
    @Deactivate
    public synchronized void close() {
        closed = true;
        if (watchdog != null) watchdog.interrupt();
    }

    /**
     * One thread's scores, as the watchdog sees them, with no lock and no clock on the scoring
     * thread: a score bumps a generation when it starts; the watchdog notes when it first saw each
     * generation running, marks it overdue once it has run its budget (the next firing is refused:
     * this slot is the session's agenda filter), and stops it at {@value #HARD_STOP_FACTOR} times the
     * budget. The state (generation and phase in one long) changes only by compare-and-set, so a
     * thread is only ever stopped while the very score that overran is running.
     */
    private static final class Slot implements AgendaFilter {
        private static final int IDLE = 0, RUNNING = 1, STOPPING = 2, INTERRUPTED = 3;
        final Thread thread;
        private final AtomicLong state = new AtomicLong(IDLE);
        /** The scoring thread's own count of its scores. */
        private long generation;
        /** The generation the watchdog found over its budget. */
        private volatile long overdue = -1;
        // The watchdog's notes, touched by its thread only.
        private long seen = -1;
        private long seenSince;
        private long seenCollecting;

        Slot(Thread thread) {
            this.thread = thread;
        }

        long begin() {
            generation++;
            state.set(generation << 2 | RUNNING);
            return generation;
        }

        /** The score is over: unless the watchdog is stopping it, when the stop is waited for here. */
        void end(long generation) {
            if (state.compareAndSet(generation << 2 | RUNNING, generation << 2 | IDLE)) return;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            while ((state.get() & 3) == STOPPING && System.nanoTime() - deadline < 0) {
                Thread.onSpinWait(); // the ThreadDeath the watchdog sends arrives here, and fire() answers it
            }
            idle();
        }

        void idle() {
            state.set(generation << 2 | IDLE);
        }

        boolean overdue(long generation) {
            return overdue == generation;
        }

        @Override
        public boolean accept(Match match) {
            return overdue != generation;
        }

        /**
         * The watchdog's look at this thread, {@code budget} nanoseconds a score; {@code collecting}: the JVM's garbage
         * collection time so far, which does not count against the rules.
         */
        void watch(long now, long collecting, long budget) {
            long v = state.get();
            if ((v & 3) != RUNNING) {
                seen = -1;
                return;
            }
            long g = v >>> 2;
            if (g != seen) {
                seen = g;
                seenSince = now;
                seenCollecting = collecting;
                return;
            }
            long ran = (now - seenSince) - (collecting - seenCollecting);
            if (ran >= budget) overdue = g;
            if (ran >= budget * HARD_STOP_FACTOR && state.compareAndSet(v, g << 2 | STOPPING)) stop(g, ran);
        }

        @SuppressWarnings("removal")
        private void stop(long g, long ran) {
            LOG.error("Rules on thread {} ran {} ms inside one rule, past their budget: stopping the thread's score",
                    thread.getName(), TimeUnit.NANOSECONDS.toMillis(ran));
            try {
                thread.stop();
            } catch (UnsupportedOperationException e) {
                // Java 20 and later cannot stop a thread: interrupt it, the best that is left.
                thread.interrupt();
                state.compareAndSet(g << 2 | STOPPING, g << 2 | INTERRUPTED);
            }
        }
    }
}
