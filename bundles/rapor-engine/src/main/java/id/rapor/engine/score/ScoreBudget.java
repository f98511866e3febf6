package id.rapor.engine.score;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.Match;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one score may spend: a number of rule firings and a time. Rules that keep re-activating
 * each other, or fire on and on, are stopped cooperatively: the firing limit, and a clock
 * checked between firings, end the run with a {@link RuleOutcomeException}. A single rule
 * consequence that never returns cannot be stopped that way; a watchdog thread stops the thread
 * running it once it is {@value #HARD_STOP_FACTOR} times over its time, so no thread is ever
 * left burning in the rules. The stopped session is discarded, never pooled.
 *
 * <p>Rule text comes only from operators ({@link OperatorRuleText}), and its golden cases run
 * under this budget before it serves: this is the last line, for rules that misbehave only on
 * inputs their golden cases did not try.
 */
@Component(service = ScoreBudget.class)
public final class ScoreBudget implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScoreBudget.class);
    /** About a hundred times what a score fires (PEKPPP 2017, the largest: about 50). */
    public static final int MAX_FIRINGS = 5_000;
    /** Scores take microseconds; a second is far beyond any sane rule bundle. */
    public static final long DEFAULT_MILLIS = 1_000;
    static final int HARD_STOP_FACTOR = 2;
    /** The clock is read every this many firings: a read costs about what a firing does. */
    private static final int CLOCK_EVERY = 16;

    private final int maxFirings;
    private final long budgetNanos;
    private final CopyOnWriteArrayList<Slot> slots = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Slot> slot = ThreadLocal.withInitial(this::newSlot);
    private Thread watchdog;
    private volatile boolean closed;

    public ScoreBudget() {
        this(MAX_FIRINGS, DEFAULT_MILLIS);
    }

    /** The service's budget: {@code scoring.budget.ms} of the launcher's settings, or the default. */
    @Activate
    public ScoreBudget(BundleContext context) {
        this(MAX_FIRINGS, millis(context.getProperty("rapor.scoring.budget.ms"), DEFAULT_MILLIS));
    }

    /** A setting in milliseconds; a wrong one is said in the log and the default stands, rather than no scoring at all. */
    private static long millis(String value, long fallback) {
        if (value == null || value.isBlank()) return fallback;
        try {
            long v = Long.parseLong(value.trim());
            if (v >= 1) return v;
        } catch (NumberFormatException e) {
            // said below
        }
        LOG.error("scoring.budget.ms must be a whole number of milliseconds of at least 1, not '{}'; using {}",
                value.replaceAll("\\p{Cntrl}", "?"), fallback);
        return fallback;
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
        s.begin(System.nanoTime() + budgetNanos);
        int fired;
        try {
            try {
                fired = session.fireAllRules(s, maxFirings);
            } finally {
                s.end();
            }
        } catch (ThreadDeath stopped) {
            s.end(); // the watchdog stops a thread once per score: nothing else is coming
            throw RuleOutcomeException.overBudget("the rules did not return within " + budgetMillis() * HARD_STOP_FACTOR
                    + " ms and were stopped");
        }
        if (s.overdue) throw RuleOutcomeException.overBudget("the rules did not finish within " + budgetMillis() + " ms");
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
            for (Slot s : slots) {
                if (!s.thread.isAlive()) slots.remove(s);
                else s.stopIfStuck(now, budgetNanos * (HARD_STOP_FACTOR - 1));
            }
        }
    }

    @Override
    @Deactivate
    public synchronized void close() {
        closed = true;
        if (watchdog != null) watchdog.interrupt();
    }

    /** One thread's current score: its deadline, and the filter that reads the clock between firings. */
    private static final class Slot implements AgendaFilter {
        final Thread thread;
        private long deadline;
        private int firings;
        boolean overdue;
        private boolean running;
        private boolean stopped;

        Slot(Thread thread) {
            this.thread = thread;
        }

        synchronized void begin(long deadline) {
            this.deadline = deadline;
            firings = 0;
            overdue = false;
            stopped = false;
            running = true;
        }

        synchronized void end() {
            running = false;
        }

        @Override
        public boolean accept(Match match) {
            if (overdue) return false;
            if (++firings % CLOCK_EVERY == 0 && System.nanoTime() - deadline > 0) overdue = true;
            return !overdue;
        }

        /** Called by the watchdog; the lock makes sure a thread is only ever stopped inside {@link #fire}. */
        @SuppressWarnings("removal")
        synchronized void stopIfStuck(long now, long grace) {
            if (!running || stopped || now - deadline - grace < 0) return;
            stopped = true;
            LOG.error("Rules on thread {} ran {} ms past their budget inside one rule: stopping the thread's score",
                    thread.getName(), TimeUnit.NANOSECONDS.toMillis(now - deadline));
            try {
                thread.stop();
            } catch (UnsupportedOperationException e) {
                // Java 20 and later cannot stop a thread: interrupt it, the best that is left.
                thread.interrupt();
            }
        }
    }
}
