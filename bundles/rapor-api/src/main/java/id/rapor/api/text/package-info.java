/**
 * What Rapor says to people, in their language: messages as a key and arguments (rules,
 * validation and the HTTP layer produce them), and the catalogs that turn them into
 * Indonesian or English sentences when an answer is written.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package id.rapor.api.text;
