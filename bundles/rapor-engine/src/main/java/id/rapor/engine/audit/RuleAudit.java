package id.rapor.engine.audit;

import id.rapor.api.AuditTrail;
import id.rapor.api.metrics.Meters;
import id.rapor.api.model.AuditEntry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules' audit trail: a single node's data/audit.jsonl ({@link AuditFile}), or, where nodes share a PostgreSQL,
 * its table ({@link AuditTable}, made the trail by {@link SharedAudit} once the database is there), which every node
 * writes and every node reads.
 *
 * <p>Entries recorded while the table is not there (at start, before the database answers) or does not answer are
 * held in memory and written, oldest first, as soon as it does (at the next entry, read, or reconnection). Memory is
 * bounded: past {@value #HELD_MAX} held entries the oldest go to this node's data/audit.jsonl instead, with a warning,
 * so none is lost, though those are then read there and not through the API.
 */
@Component(service = {AuditTrail.class, RuleAudit.class})
public final class RuleAudit implements AuditTrail {
    private static final Logger LOG = LoggerFactory.getLogger(RuleAudit.class);
    static final int HELD_MAX = 10_000;
    /** After a failed write, how long entries are only held (a request must not wait on a missing database each time). */
    static final long RETRY_MS = 2_000;

    private final AuditFile file;
    private final boolean shared;
    private final LongSupplier clock;
    private final ArrayDeque<AuditEntry> held = new ArrayDeque<>();
    private AuditTable table;
    private long retryAt;
    private boolean warned;
    /** Entries counted for GET /metrics (bundle rapor-metrics), when it is there. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Meters meters;

    @Activate
    public RuleAudit(BundleContext context) {
        this(new AuditFile(context), sharesDatabase(context), System::currentTimeMillis);
    }

    /** {@code shared}: the trail is the shared database's, held until {@link #share} brings it. */
    RuleAudit(AuditFile file, boolean shared, LongSupplier clock) {
        this.file = file;
        this.shared = shared;
        this.clock = clock;
    }

    /** Nodes share the trail where the records' database is PostgreSQL (etc/rapor.properties, RAPOR_DATABASE_URL). */
    static boolean sharesDatabase(BundleContext context) {
        return id.rapor.api.cluster.SharedDatabase.at(context.getProperty(id.rapor.api.cluster.SharedDatabase.URL_PROPERTY));
    }

    /** The shared database is there: the trail is its table from now on, and what was held goes there first. */
    public synchronized void share(AuditTable table) {
        this.table = table;
        retryAt = 0;
        write();
    }

    /** The database may answer again (its connection is back): what is held is written now. */
    public synchronized void retry() {
        retryAt = 0;
        write();
    }

    @Override
    public void record(AuditEntry e) {
        Meters m = meters;
        if (m != null) m.audited(e.action(), e.status());
        if (!shared) {
            file.record(e);
            return;
        }
        synchronized (this) {
            held.add(AuditFile.capped(e));
            write();
        }
    }

    @Override
    public List<AuditEntry> page(String methodology, Long before, int limit) {
        if (!shared) return file.page(methodology, before, limit);
        AuditTable t;
        synchronized (this) {
            retryAt = 0; // a reader wants the newest: try now
            write();
            t = table;
        }
        if (t == null) {
            throw new id.rapor.api.records.RecordsUnavailableException("the audit trail is the shared database's, which this node has not reached yet", null);
        }
        return t.page(methodology, before, limit);
    }

    /** Writes what is held, if the table is there and answering; past the bound, the oldest go to the file. */
    private void write() {
        if (table != null && !held.isEmpty() && clock.getAsLong() >= retryAt) {
            try {
                table.record(held);
                held.clear();
                if (warned) LOG.info("The shared audit trail is written again");
                warned = false;
            } catch (RuntimeException x) {
                retryAt = clock.getAsLong() + RETRY_MS;
                if (!warned) LOG.warn("The shared audit trail cannot be written now; its entries are held meanwhile: {}", x.getMessage());
                warned = true;
            }
        }
        if (held.size() > HELD_MAX) {
            List<AuditEntry> oldest = new ArrayList<>();
            while (held.size() > HELD_MAX) oldest.add(held.poll());
            for (AuditEntry e : oldest) file.record(e);
            LOG.warn("{} audit entries could not reach the shared database and are in this node's data/audit.jsonl instead", oldest.size());
        }
    }

    /** Stopping: what could not reach the table yet goes to the file rather than nowhere. */
    @Deactivate
    synchronized void close() {
        retryAt = 0;
        write();
        if (held.isEmpty()) return;
        LOG.warn("{} audit entries could not reach the shared database and are in this node's data/audit.jsonl instead", held.size());
        while (!held.isEmpty()) file.record(held.poll());
    }

    /** Entries held for the shared database, not written yet. */
    synchronized int held() {
        return held.size();
    }
}
