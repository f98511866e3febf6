package id.rapor.api.model;

/**
 * A line of the methodology list. {@code title}, {@code regulation}, {@code year} and
 * {@code version} are those of the version being served; a methodology whose every bundle was
 * rejected is listed with its newest bundle's version and state REJECTED.
 */
public record MethodologySummary(String id, String title, String regulation, String family, Years years,
                                 String version, DeploymentState status) {
}
