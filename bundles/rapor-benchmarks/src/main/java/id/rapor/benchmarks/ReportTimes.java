package id.rapor.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 14's province and report-card targets on a started distribution: a province of 40
 * kabupaten × 200 offices, each with an evaluator's final assessment of 2024 (a round's sheet
 * imported per kabupaten, then each submitted and made final on four threads); the round's view of
 * the whole province (GET /monitoring, ≤ 500 ms) and a unit's report card as PDF (GET
 * /units/{id}/report, ≤ 500 ms), each timed one request at a time after a warm-up.
 */
final class ReportTimes {
    static final String PROVINCE = "prov-bench";
    static final int REGIONS = 40;
    static final int UNITS_PER_REGION = 200;
    static final int YEAR = 2024;
    private static final int THREADS = 4;
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    private final RaporProcess rapor;
    private final String admin;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ReportTimes(RaporProcess rapor, String admin) {
        this.rapor = rapor;
        this.admin = admin;
    }

    static List<Figure> measure(RaporProcess rapor, boolean quick) throws Exception {
        ReportTimes t = new ReportTimes(rapor, rapor.user("report-admin", "report-admin-password", "admin"));
        String section = String.format("Reports over HTTP, embedded H2 (a province of %d regions × %d units, one round)", REGIONS, UNITS_PER_REGION);
        List<Figure> figures = new ArrayList<>();
        long start = System.nanoTime();
        t.province();
        figures.add(Figure.of(section, String.format("the data: %,d offices under %d kabupaten imported from one CSV, a round's sheet per kabupaten, "
                + "each assessment submitted and made final on %d threads", REGIONS * UNITS_PER_REGION, REGIONS, THREADS),
                String.format("built in %.1f s", (System.nanoTime() - start) / 1e9)));
        int runs = quick ? 10 : 40;
        double[] view = t.times("/api/v1/monitoring?region=" + PROVINCE + "&year=" + YEAR + "&family=pekppp", runs);
        figures.add(Figure.against(section, String.format("the round's view of the province (GET /monitoring, %,d units), one at a time",
                REGIONS * UNITS_PER_REGION), percentile(view, 99), String.format("ms p99 (p50 %s ms, %d requests)",
                Figure.format(percentile(view, 50)), runs), "≤ 500 ms", percentile(view, 99) <= 500));
        double[] card = t.times("/api/v1/units/prov-bench-01-001/report?year=" + YEAR + "&family=pekppp", runs);
        figures.add(Figure.against(section, "a unit's report card as PDF (GET /units/{id}/report: records, planner, chart, PDF), one at a time",
                percentile(card, 99), String.format("ms p99 (p50 %s ms, %d requests)", Figure.format(percentile(card, 50)), runs),
                "≤ 500 ms", percentile(card, 99) <= 500));
        double[] region = t.times("/api/v1/monitoring/report?region=prov-bench-01&year=" + YEAR + "&family=pekppp", runs);
        figures.add(Figure.measured(section, String.format("a kabupaten's report as PDF (GET /monitoring/report, %d units), one at a time, p99",
                UNITS_PER_REGION), percentile(region, 99), "ms"));
        return figures;
    }

    private void province() throws Exception {
        HttpResponse<String> created = send("POST", "/api/v1/units", "application/json",
                "{\"id\":\"" + PROVINCE + "\",\"name\":\"Provinsi Benchmark\",\"kind\":\"region\"}");
        for (int k = 0; k < 300 && created.statusCode() == 503; k++) { // the database may still be migrating
            Thread.sleep(100);
            created = send("POST", "/api/v1/units", "application/json", "{\"id\":\"" + PROVINCE + "\",\"name\":\"Provinsi Benchmark\",\"kind\":\"region\"}");
        }
        expect(201, created);
        StringBuilder csv = new StringBuilder("id,name,kind,parent\n");
        for (int r = 1; r <= REGIONS; r++) csv.append(String.format("prov-bench-%02d,Kabupaten %d,region,%s\n", r, r, PROVINCE));
        for (int r = 1; r <= REGIONS; r++) {
            for (int u = 1; u <= UNITS_PER_REGION; u++) csv.append(String.format("prov-bench-%02d-%03d,Dinas %d.%d,office,prov-bench-%02d\n", r, u, r, u, r));
        }
        expect(200, send("POST", "/api/v1/units/import", "text/csv", csv.toString()));
        List<Long> ids = new ArrayList<>();
        for (int r = 1; r <= REGIONS; r++) {
            StringBuilder sheet = new StringBuilder("unit,role");
            for (int i = 1; i <= 31; i++) sheet.append(String.format(",i%02d", i));
            sheet.append('\n');
            for (int u = 1; u <= UNITS_PER_REGION; u++) {
                sheet.append(String.format("prov-bench-%02d-%03d,evaluator", r, u));
                for (int i = 1; i <= 31; i++) sheet.append(',').append(i == 1 ? u % 6 : i == 2 ? r % 5 + 1 : 3);
                sheet.append('\n');
            }
            String answer = expect(200, send("POST", String.format("/api/v1/rounds/import?region=prov-bench-%02d&year=%d&family=pekppp", r, YEAR),
                    "text/csv", sheet.toString())).body();
            Matcher m = ID.matcher(answer);
            while (m.find()) ids.add(Long.valueOf(m.group(1)));
        }
        Parallel.run(THREADS, ids.size(), k -> {
            expect(200, send("POST", "/api/v1/assessments/" + ids.get(k) + "/submit", "application/json", ""));
            expect(200, send("POST", "/api/v1/assessments/" + ids.get(k) + "/finalize", "application/json", ""));
        });
    }

    /** {@code runs} GETs one after the other, after five to warm up, in milliseconds. */
    private double[] times(String path, int runs) throws Exception {
        for (int i = 0; i < 5; i++) expectOk(path);
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            expectOk(path);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        return ms;
    }

    private void expectOk(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(rapor.url(path))).timeout(Duration.ofSeconds(60)).header("Authorization", admin).GET().build();
        HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) throw new IllegalStateException("GET " + path + ": " + r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8));
    }

    /** The nearest-rank percentile. */
    static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private HttpResponse<String> send(String method, String path, String type, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(rapor.url(path))).timeout(Duration.ofSeconds(120))
                .header("Content-Type", type).header("Authorization", admin)
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + ": " + response.statusCode()
                    + " " + response.body().substring(0, Math.min(400, response.body().length())));
        }
        return response;
    }
}
