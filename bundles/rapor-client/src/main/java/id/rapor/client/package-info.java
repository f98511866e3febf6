/**
 * Rapor's Java client: {@link id.rapor.client.RaporClient} and the types of API v1's answers.
 * Depends on Gson and the JDK only.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package id.rapor.client;
