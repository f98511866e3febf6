/**
 * Evaluation records: the units of a region and the assessments entered for them each round,
 * kept in Rapor's database so that they outlive the people who typed them.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("3.3.0")
package id.rapor.api.records;
