package id.rapor.client;

import com.google.gson.reflect.TypeToken;
import java.lang.reflect.Type;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One request of API v1 and the type of its answer. The API's paths are written here and
 * nowhere else. {@link RaporClient#send(Call)} returns the answer typed;
 * {@link RaporClient#json(Call)} returns the server's JSON exactly as written.
 *
 * @param <T> the answer's type
 */
public final class Call<T> {
    private static final String V1 = "api/v1/";

    private final String method;
    private final String path;
    private final Object body;
    private final Type answer;

    private Call(String method, String path, Object body, TypeToken<T> answer) {
        this.method = method;
        this.path = path;
        this.body = body;
        this.answer = answer.getType();
    }

    public static Call<Types.Health> health() {
        return get("health", new TypeToken<>() {});
    }

    public static Call<List<Types.MethodologySummary>> methodologies() {
        return get("methodologies", new TypeToken<>() {});
    }

    public static Call<List<Types.MethodologySummary>> methodologies(String family) {
        return get("methodologies?family=" + query(family), new TypeToken<>() {});
    }

    /** The methodology of {@code family} for assessments of {@code year}: a list of exactly one. */
    public static Call<List<Types.MethodologySummary>> resolve(String family, int year) {
        return get("methodologies?" + byYear(family, year), new TypeToken<>() {});
    }

    /** The questionnaire of methodology {@code id}. */
    public static Call<Types.Questionnaire> methodology(String id) {
        return get("methodologies/" + segment(id), new TypeToken<>() {});
    }

    public static Call<Types.Score> score(String methodologyId, Types.Assessment assessment) {
        return post("methodologies/" + segment(methodologyId) + "/score", assessment, new TypeToken<>() {});
    }

    /** Scores with the methodology that applies to {@code year} of {@code family}. */
    public static Call<Types.Score> score(String family, int year, Types.Assessment assessment) {
        return post("score?" + byYear(family, year), assessment, new TypeToken<>() {});
    }

    public static Call<Types.RegionScore> scoreRegion(String methodologyId, Types.RegionAssessment region) {
        return post("methodologies/" + segment(methodologyId) + "/score/batch", region, new TypeToken<>() {});
    }

    public static Call<Types.RegionScore> scoreRegion(String family, int year, Types.RegionAssessment region) {
        return post("score/batch?" + byYear(family, year), region, new TypeToken<>() {});
    }

    public static Call<List<Types.Deployment>> deployments() {
        return get("deployments", new TypeToken<>() {});
    }

    public static Call<Types.Revision> approveRevision(String methodologyId, int revision) {
        return post("methodologies/" + segment(methodologyId) + "/revisions/" + revision + "/approve", null, new TypeToken<>() {});
    }

    public static Call<Types.Revision> acceptGoldenChanges(String methodologyId, int revision) {
        return post("methodologies/" + segment(methodologyId) + "/revisions/" + revision + "/accept-golden", null, new TypeToken<>() {});
    }

    private static <T> Call<T> get(String path, TypeToken<T> answer) {
        return new Call<>("GET", V1 + path, null, answer);
    }

    private static <T> Call<T> post(String path, Object body, TypeToken<T> answer) {
        return new Call<>("POST", V1 + path, body, answer);
    }

    private static String byYear(String family, int year) {
        return "family=" + query(family) + "&year=" + year;
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A path segment: unlike a query, a space there is %20, not '+'. */
    private static String segment(String value) {
        return query(value).replace("+", "%20");
    }

    String method() { return method; }

    /** The path relative to the base URL, with its query. */
    String path() { return path; }

    /** The request body to send as JSON, or null for a GET. */
    Object body() { return body; }

    Type answer() { return answer; }

    @Override
    public String toString() {
        return method + " /" + path;
    }
}
