/**
 * Rapor's service contract: what a caller may ask of the scoring engine.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package id.rapor.api;
