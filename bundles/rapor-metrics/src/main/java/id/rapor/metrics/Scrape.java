package id.rapor.metrics;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;

/** The figures as they are now, and whether anyone may read them: what MetricsServlet serves. */
interface Scrape {
    MetricSnapshots snapshot();

    Access access();
}
