package id.rapor.metrics;

import id.rapor.api.metrics.Meters;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Rapor's figures in a registry of its own (never the client's global default, which
 * another bundle could fill) with the Prometheus Java client. While access is off nothing is
 * counted: a call costs one volatile read.
 */
@Component(service = {Meters.class, Scrape.class}, configurationPid = MetricsSettings.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = MetricsSettings.class)
public final class PrometheusMeters implements Meters, Scrape {
    private static final Logger LOG = LoggerFactory.getLogger(PrometheusMeters.class);
    /** Seconds: a score takes about a millisecond, a region batch or a report card seconds. */
    private static final double[] LATENCY = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};
    private static final double[] COMPILE = {0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60};
    /** "200", "404" …: made once, so that a request's status costs no new string. */
    private static final String[] STATUS = new String[600];

    static {
        for (int k = 0; k < STATUS.length; k++) STATUS[k] = Integer.toString(k);
    }

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Histogram requests = Histogram.builder().name("rapor_http_request_seconds")
            .help("API requests answered, by route template, method and status, and the time each took")
            .unit(Unit.SECONDS).labelNames("route", "method", "status").classicOnly().classicUpperBounds(LATENCY).register(registry);
    private final Counter scores = Counter.builder().name("rapor_units_scored_total")
            .help("Units scored, by methodology and rule version (a region batch counts each unit)")
            .labelNames("methodology", "version").register(registry);
    private final Histogram compiles = Histogram.builder().name("rapor_rule_compile_seconds")
            .help("Rule bases compiled, by methodology and outcome (accepted or refused by its checks), and the time each took")
            .unit(Unit.SECONDS).labelNames("methodology", "outcome").classicOnly().classicUpperBounds(COMPILE).register(registry);
    private final Counter audited = Counter.builder().name("rapor_audited_total")
            .help("Entries of the audit trail by action and status: revision.activate 200 is an activation, "
                    + "revision.propose 422 a rejected revision, 401/403/409 a refused attempt")
            .labelNames("action", "status").register(registry);
    private final Counter failedLogins = Counter.builder().name("rapor_failed_logins_total")
            .help("Sign-ins and Basic authentications with a wrong name or password").register(registry);
    private final Gauge revisionMismatches = Gauge.builder().name("rapor_revision_mismatch")
            .help("Methodologies this node serves otherwise than the shared active revision says (one it could not restore)")
            .register(registry);

    private volatile Access access = Access.OFF;
    /** The JVM's and the pool's figures, read through JMX: registered at the first scrape, not at start. */
    private boolean platformRegistered;
    private final Object platformLock = new Object();

    @Activate
    @Modified
    void configure(MetricsSettings settings) {
        Access now = Access.of(settings);
        if (now.mode() != access.mode()) LOG.info("metrics: GET /metrics is {}", now.mode().name().toLowerCase(java.util.Locale.ROOT));
        access = now;
    }

    @Override
    public Access access() {
        return access;
    }

    /**
     * The registry's figures. The JVM's and the pool's are added the first time: setting up the platform's MBeans
     * took about 300 ms of CPU on the thread that starts the bundles, a sixth of a start, for figures nobody may read.
     */
    @Override
    public MetricSnapshots snapshot() {
        synchronized (platformLock) { // our own lock, not the registry's monitor, which the client library may take itself
            if (!platformRegistered) {
                JvmMetrics.builder().register(registry);
                DatabasePool.register(registry);
                platformRegistered = true;
            }
        }
        return registry.scrape();
    }

    @Override
    public void request(String method, String route, int status, long nanos) {
        if (!access.counting()) return;
        requests.labelValues(route, method, status >= 0 && status < STATUS.length ? STATUS[status] : "other").observe(nanos / 1e9);
    }

    @Override
    public void scored(String methodology, String version, int units) {
        if (!access.counting()) return;
        scores.labelValues(methodology, version == null ? "" : version).inc(units);
    }

    @Override
    public void compiled(String methodology, boolean accepted, long nanos) {
        if (!access.counting()) return;
        compiles.labelValues(methodology, accepted ? "accepted" : "refused").observe(nanos / 1e9);
    }

    @Override
    public void audited(String action, int status) {
        if (!access.counting()) return;
        audited.labelValues(action, status >= 0 && status < STATUS.length ? STATUS[status] : "other").inc();
    }

    @Override
    public void failedLogin() {
        if (!access.counting()) return;
        failedLogins.inc();
    }

    /** Set whatever the access: a state, not an event, and cheap. */
    @Override
    public void revisionMismatches(int methodologies) {
        revisionMismatches.set(methodologies);
    }
}
