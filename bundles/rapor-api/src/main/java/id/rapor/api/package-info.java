/**
 * Rapor's service contract: what a caller may ask of the scoring engine.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.2.0")
package id.rapor.api;
