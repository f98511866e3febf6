/**
 * Reports: a unit's report card of a round and a region's report, as PDF or an Excel workbook,
 * made from the records', the monitoring's and the planner's answers.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package id.rapor.api.report;
