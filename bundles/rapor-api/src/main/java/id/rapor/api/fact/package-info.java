/**
 * The facts a rule file reads and inserts. Rule files may use these types, the model
 * types, {@code java.math} and {@code id.rapor.api.text.Message}; nothing else.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package id.rapor.api.fact;
