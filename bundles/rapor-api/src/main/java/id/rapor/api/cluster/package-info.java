/**
 * Several Rapor nodes on one PostgreSQL: how a node hears that another changed what they share
 * (the active rule revisions), through PostgreSQL itself, not a protocol of Rapor's own.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package id.rapor.api.cluster;
