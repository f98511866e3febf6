package id.rapor.client;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A client of Rapor's HTTP API v1. Immutable and thread-safe: build one and share it.
 * <pre>{@code
 * RaporClient rapor = RaporClient.builder().baseUrl("http://127.0.0.1:8080").build();
 * Types.Score s = rapor.score("pekppp-2022", Types.Assessment.of("Dinas A", answers));
 * }</pre>
 * Every refusal becomes a {@link RaporException} carrying the server's problem details.
 */
public final class RaporClient {
    private static final String JSON = "application/json";

    private final URI base;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final Gson gson = new GsonBuilder().disableHtmlEscaping().create();

    private RaporClient(Builder b) {
        String url = b.baseUrl.endsWith("/") ? b.baseUrl.substring(0, b.baseUrl.length() - 1) : b.baseUrl;
        this.base = URI.create(url + "/");
        this.http = HttpClient.newBuilder().connectTimeout(b.connectTimeout).version(HttpClient.Version.HTTP_1_1).build();
        this.requestTimeout = b.requestTimeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Base URL (default http://127.0.0.1:8080) and timeouts (connect 5 s, request 30 s). */
    public static final class Builder {
        private String baseUrl = "http://127.0.0.1:8080";
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(30);

        public Builder baseUrl(String url) { this.baseUrl = url; return this; }
        public Builder connectTimeout(Duration d) { this.connectTimeout = d; return this; }
        public Builder requestTimeout(Duration d) { this.requestTimeout = d; return this; }
        public RaporClient build() { return new RaporClient(this); }
    }

    public Types.Health health() {
        return get("api/v1/health", Types.Health.class);
    }

    public List<Types.MethodologySummary> methodologies() {
        return get("api/v1/methodologies", new TypeToken<List<Types.MethodologySummary>>() {}.getType());
    }

    public List<Types.MethodologySummary> methodologies(String family) {
        return get("api/v1/methodologies?family=" + enc(family), new TypeToken<List<Types.MethodologySummary>>() {}.getType());
    }

    /** The methodology of {@code family} that applies to assessments of {@code year}. */
    public Types.MethodologySummary resolve(String family, int year) {
        List<Types.MethodologySummary> one = get("api/v1/methodologies?family=" + enc(family) + "&year=" + year,
                new TypeToken<List<Types.MethodologySummary>>() {}.getType());
        return one.get(0);
    }

    public Types.Questionnaire methodology(String id) {
        return get("api/v1/methodologies/" + enc(id), Types.Questionnaire.class);
    }

    public Types.Score score(String methodologyId, Types.Assessment assessment) {
        return post("api/v1/methodologies/" + enc(methodologyId) + "/score", assessment, Types.Score.class);
    }

    public Types.Score score(String family, int year, Types.Assessment assessment) {
        return post("api/v1/score?family=" + enc(family) + "&year=" + year, assessment, Types.Score.class);
    }

    /** Scores a region's units; {@code atOrBelow} (a band code, or null) asks for the units at or below it. */
    public Types.RegionScore scoreRegion(String methodologyId, String region, List<Types.Assessment> units, String atOrBelow) {
        return post("api/v1/methodologies/" + enc(methodologyId) + "/score/batch", region(region, units, atOrBelow), Types.RegionScore.class);
    }

    public Types.RegionScore scoreRegion(String family, int year, String region, List<Types.Assessment> units, String atOrBelow) {
        return post("api/v1/score/batch?family=" + enc(family) + "&year=" + year, region(region, units, atOrBelow), Types.RegionScore.class);
    }

    public List<Types.Deployment> deployments() {
        return get("api/v1/deployments", new TypeToken<List<Types.Deployment>>() {}.getType());
    }

    /** The server's JSON for a GET, unparsed (for the command line's --json). */
    public String getJson(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    private static Map<String, Object> region(String region, List<Types.Assessment> units, String atOrBelow) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("region", region);
        if (atOrBelow != null) body.put("atOrBelow", atOrBelow);
        body.put("units", units);
        return body;
    }

    private <T> T get(String path, Type type) {
        return parse(send(HttpRequest.newBuilder(base.resolve(path)).GET()), type);
    }

    private <T> T post(String path, Object body, Type type) {
        return parse(send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", JSON)
                .POST(HttpRequest.BodyPublishers.ofString(gson.toJson(body), StandardCharsets.UTF_8))), type);
    }

    private String send(HttpRequest.Builder request) {
        HttpRequest r = request.header("Accept", JSON).timeout(requestTimeout).build();
        HttpResponse<String> response;
        try {
            response = http.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RaporException(0, null, "Rapor could not be reached", r.uri() + ": " + e, List.of(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RaporException(0, null, "Interrupted", r.uri().toString(), List.of(), e);
        }
        if (response.statusCode() / 100 != 2) throw problem(response);
        return response.body();
    }

    private RaporException problem(HttpResponse<String> response) {
        try {
            JsonObject p = gson.fromJson(response.body(), JsonObject.class);
            List<Types.FieldError> errors = p.has("errors")
                    ? gson.fromJson(p.get("errors"), new TypeToken<List<Types.FieldError>>() {}.getType()) : List.of();
            return new RaporException(response.statusCode(), text(p, "type"), text(p, "title"), text(p, "detail"), errors, null);
        } catch (JsonParseException | IllegalStateException | NullPointerException e) {
            return new RaporException(response.statusCode(), null, "Unexpected answer", response.body(), List.of(), null);
        }
    }

    private <T> T parse(String json, Type type) {
        try {
            return gson.fromJson(json, type);
        } catch (JsonParseException e) {
            throw new RaporException(0, null, "Unreadable answer", e.getMessage(), List.of(), e);
        }
    }

    private static String text(JsonObject o, String field) {
        return o.has(field) && !o.get(field).isJsonNull() ? o.get(field).getAsString() : null;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Convenience for callers building answers: {@code answers("i01", 3, "i02", 4, …)}. */
    public static Map<String, BigDecimal> answers(Object... idAndValue) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        for (int k = 0; k + 1 < idAndValue.length; k += 2) m.put((String) idAndValue[k], new BigDecimal(idAndValue[k + 1].toString()));
        return m;
    }
}
