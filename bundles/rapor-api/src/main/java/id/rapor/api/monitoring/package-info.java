/**
 * Monitoring: a region's round at a glance (its index, each unit's official score, rank and
 * change since the round before, who has entered nothing, who needs guidance) and every round of
 * a unit or region, from the official scores the records keep. The answers are plain values, so
 * that the HTTP view, the command line and a report renderer take the same figures.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package id.rapor.api.monitoring;
