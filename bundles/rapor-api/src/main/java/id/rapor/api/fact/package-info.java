/**
 * The facts a rule file reads and inserts. Rule files may use these types, the model
 * types and {@code java.math}; nothing else.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package id.rapor.api.fact;
