package id.rapor.http.resource;

import id.rapor.api.ScoringService;
import id.rapor.api.model.DeploymentState;
import id.rapor.api.model.MethodologySummary;
import id.rapor.api.text.Message;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Whether this node can take traffic, as a load balancer asks it: every rule bundle checked and
 * compiled, a methodology to score with, and the records' database reachable. Each part that is
 * missing is said. The database is asked on a thread of its own and waited for at most
 * {@link #DATABASE_WAIT_MS}: a probe must answer quickly whatever the database does. Probes at once
 * share one check rather than each taking a connection, and only the probe that started a check
 * waits for it; the others take the last answer, so anonymous probes cannot hold server threads
 * for a second each while the database is away.
 */
public final class Readiness {
    static final long DATABASE_WAIT_MS = 1_000;

    /** A part that is not ready: {@code rule-bundles}, {@code methodologies} or {@code database}, and why. */
    public record Missing(String part, Message why) {}

    private final ScoringService scoring;
    private final Supplier<DataSource> database;
    private final Executor probes;
    private CompletableFuture<Boolean> check;
    /** The last finished check's answer; null before the first. */
    private volatile Boolean lastReachable;

    /**
     * @param database the records' database, or null while it has not started (it registers once migrated)
     * @param probes   where the database is asked (one thread: checks never pile up)
     */
    public Readiness(ScoringService scoring, Supplier<DataSource> database, Executor probes) {
        this.scoring = scoring;
        this.database = database;
        this.probes = probes;
    }

    /** What keeps this node from taking traffic; empty when it is ready. */
    public List<Missing> missing() {
        List<Missing> missing = new ArrayList<>();
        int pending = scoring.pendingRuleBundles();
        if (pending > 0) missing.add(new Missing("rule-bundles", Message.of("health.pending", pending)));
        List<MethodologySummary> methodologies = scoring.methodologies();
        if (methodologies.stream().noneMatch(m -> m.status() == DeploymentState.ACTIVE)) {
            missing.add(new Missing("methodologies", Message.of("health.noMethodology")));
        }
        DataSource ds = database.get();
        if (ds == null) missing.add(new Missing("database", Message.of("health.databaseNotStarted")));
        else if (!reachable(ds)) missing.add(new Missing("database", Message.of("health.databaseUnreachable", DATABASE_WAIT_MS)));
        return missing;
    }

    /** Whether something can be scored now: what {@code GET /health} says as UP. */
    public boolean canScore() {
        return scoring.methodologies().stream().anyMatch(m -> m.status() == DeploymentState.ACTIVE);
    }

    private boolean reachable(DataSource ds) {
        CompletableFuture<Boolean> running;
        synchronized (this) {
            if (check != null && !check.isDone() && lastReachable != null) return lastReachable;
            if (check == null || check.isDone()) {
                check = CompletableFuture.supplyAsync(() -> valid(ds), probes);
                check.thenAccept(reachable -> lastReachable = reachable);
            }
            running = check;
        }
        try {
            return running.get(DATABASE_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean valid(DataSource ds) {
        try (Connection c = ds.getConnection()) {
            return c.isValid(1);
        } catch (Exception e) {
            return false;
        }
    }
}
