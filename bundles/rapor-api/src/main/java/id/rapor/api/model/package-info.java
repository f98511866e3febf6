/**
 * Plain, immutable data types of a methodology (aspects, indicators, bands, provenance)
 * and of an assessment and its result. No behaviour beyond simple look-ups.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("3.2.0")
package id.rapor.api.model;
