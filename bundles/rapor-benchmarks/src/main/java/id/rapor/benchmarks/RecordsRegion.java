package id.rapor.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A region of records built through the real API of a started distribution, as an operator
 * would build it: an admin added with bin/rapor-user, the region created, its offices and
 * service units imported from one CSV, then five years of history for every unit (2020–2024,
 * each year by the methodology that serves it: PEKPPP 2017 to 2021, PEKPPP 2022 from 2022).
 * A year of a unit is a self-assessment left as a draft and an evaluator's assessment
 * submitted and made final, so each unit's list has an official score per year to mark.
 */
final class RecordsRegion {
    static final String REGION = "kab-bench";
    static final int OFFICES = 20;
    static final int FIRST_YEAR = 2020;
    static final int YEARS = 5;
    /** The calls that build one year of one unit: two assessments entered, one submitted and made final. */
    static final int CALLS_PER_YEAR = 4;
    private static final int THREADS = 4;

    final int units;
    /** An evaluator of the region (evaluator@kab-bench): the one who lists and enters in the measurements. */
    final String evaluator;
    private final RaporProcess rapor;
    private final String admin;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private double buildSeconds;

    private RecordsRegion(RaporProcess rapor, int units, String admin, String evaluator) {
        this.rapor = rapor;
        this.units = units;
        this.admin = admin;
        this.evaluator = evaluator;
    }

    static RecordsRegion build(RaporProcess rapor, int units) throws Exception {
        RecordsRegion region = new RecordsRegion(rapor, units, rapor.user("bench-admin", "bench-admin-password", "admin"),
                rapor.user("bench-evaluator", "bench-evaluator-password", "evaluator@" + REGION));
        long start = System.nanoTime();
        region.createUnits();
        region.history();
        region.buildSeconds = (System.nanoTime() - start) / 1e9;
        return region;
    }

    /** How the data was built, and how long it took: reported, not judged. */
    Figure built(String section) {
        return Figure.of(section, String.format("the data: %,d service units under %d offices imported from one CSV, then %d years "
                        + "(%d–%d) of a draft self-assessment and an evaluator's final one each, %,d calls on %d threads",
                        units, OFFICES, YEARS, FIRST_YEAR, FIRST_YEAR + YEARS - 1, calls(), THREADS),
                String.format("built in %.1f s (%,.0f calls/s)", buildSeconds, calls() / buildSeconds));
    }

    static String unitId(int k) {
        return String.format("bench-upp-%04d", k + 1);
    }

    /** {@code /api/v1/units/bench-upp-0001}…: the path of unit {@code k}, as the Lua scripts build it too. */
    static String unitPathLua(String indexExpression) {
        return "\"/api/v1/units/bench-upp-\" .. string.format(\"%04d\", " + indexExpression + ")";
    }

    int calls() {
        return units * YEARS * CALLS_PER_YEAR;
    }

    /**
     * An assessment of a unit for a year, by the methodology serving that year: every answer 3 but
     * the first, which varies with the unit so that the units' scores differ.
     */
    static String assessment(String role, int year, int unit) {
        int indicators = year >= 2022 ? 31 : 37;
        StringBuilder s = new StringBuilder("{\"year\":").append(year).append(",\"family\":\"pekppp\",\"role\":\"").append(role)
                .append("\",\"answers\":{");
        for (int i = 1; i <= indicators; i++) {
            if (i > 1) s.append(',');
            s.append(String.format("\"i%02d\":%d", i, i == 1 ? unit % 6 : 3));
        }
        return s.append("}}").toString();
    }

    private void createUnits() throws Exception {
        String region = "{\"id\":\"" + REGION + "\",\"name\":\"Kabupaten Benchmark\",\"kind\":\"region\"}";
        HttpResponse<String> created = send("POST", "/api/v1/units", "application/json", region, admin);
        // The database may still be migrating just after the start: 503 until it is ready.
        for (int k = 0; k < 300 && created.statusCode() == 503; k++) {
            Thread.sleep(100);
            created = send("POST", "/api/v1/units", "application/json", region, admin);
        }
        expect(201, created);
        StringBuilder csv = new StringBuilder("id,name,kind,parent\n");
        for (int o = 0; o < OFFICES; o++) {
            csv.append(String.format("bench-dinas-%02d,Dinas %d,office,%s\n", o + 1, o + 1, REGION));
        }
        for (int k = 0; k < units; k++) {
            csv.append(unitId(k)).append(",UPP ").append(k + 1).append(",service-unit,")
                    .append(String.format("bench-dinas-%02d", k % OFFICES + 1)).append('\n');
        }
        expect(200, send("POST", "/api/v1/units/import", "text/csv", csv.toString(), admin));
    }

    /** Every unit's five years, on several threads at once as several users would enter them. */
    private void history() throws Exception {
        Parallel.run(THREADS, units * YEARS, job -> year(job / YEARS, FIRST_YEAR + job % YEARS));
    }

    private void year(int unit, int year) throws Exception {
        String assessments = "/api/v1/units/" + unitId(unit) + "/assessments";
        expect(201, send("POST", assessments, "application/json", assessment("self", year, unit), admin));
        HttpResponse<String> evaluated = expect(201, send("POST", assessments, "application/json", assessment("evaluator", year, unit), admin));
        String location = evaluated.headers().firstValue("Location").orElseThrow();
        expect(200, send("POST", location + "/submit", "application/json", "", admin));
        expect(200, send("POST", location + "/finalize", "application/json", "", admin));
    }

    /** A call as the region's admin, which must answer {@code status}. */
    HttpResponse<String> asAdmin(int status, String method, String path, String type, String body) throws IOException, InterruptedException {
        return expect(status, send(method, path, type, body, admin));
    }

    private HttpResponse<String> send(String method, String path, String type, String body, String authorization)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(rapor.url(path))).timeout(Duration.ofSeconds(60))
                .header("Content-Type", type).header("Authorization", authorization)
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + ": " + response.statusCode()
                    + " " + response.body());
        }
        return response;
    }
}
