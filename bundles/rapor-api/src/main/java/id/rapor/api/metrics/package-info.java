/**
 * What Rapor counts for its operators (GET /metrics): the parts that see an event report it
 * here; the rapor-metrics bundle keeps the figures and serves them.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package id.rapor.api.metrics;
