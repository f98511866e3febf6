/**
 * Advice from a methodology's own tables: the cheapest answer improvements that reach a band
 * ({@link id.rapor.api.advice.ImprovementPlanner}), and why an index moved when the method
 * changed ({@link id.rapor.api.advice.MethodologyComparison}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package id.rapor.api.advice;
