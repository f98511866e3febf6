package id.rapor.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * The records' bulk paths on a started distribution: a round's sheet of 10,000 units'
 * assessments imported in one request (POST /rounds/import, all rows in one transaction), and a
 * region's round at a glance (GET /monitoring) over the region {@link RecordsRegion} built,
 * 1,000 units with five years of history.
 */
final class RecordsBulk {
    static final int IMPORTED_UNITS = 10_000;
    static final String IMPORT_REGION = "kab-impor";
    static final int IMPORT_YEAR = 2024;
    static final int VIEW_CONNECTIONS = 4;

    private RecordsBulk() {}

    static List<Figure> measure(RaporProcess rapor, RecordsRegion region, String section, boolean quick) throws Exception {
        List<Figure> figures = new ArrayList<>();
        figures.add(importedRound(rapor, region, section));
        String view = rapor.url("/api/v1/monitoring?region=" + RecordsRegion.REGION + "&year=" + (RecordsRegion.FIRST_YEAR + RecordsRegion.YEARS - 1)
                + "&family=pekppp");
        int seconds = quick ? 3 : 10;
        // The first view after a change is computed; on the embedded database it is then kept until the records change.
        double[] computed = new double[3];
        for (int k = 0; k < computed.length; k++) {
            region.asAdmin(201, "POST", "/api/v1/units", "application/json",
                    "{\"id\":\"bench-touch-" + k + "\",\"name\":\"Perubahan " + k + "\",\"kind\":\"office\",\"parent\":\"" + RecordsRegion.REGION + "\"}");
            long t = System.nanoTime();
            region.asAdmin(200, "GET", view.substring(view.indexOf("/api/")), "application/json", "");
            computed[k] = (System.nanoTime() - t) / 1e6;
        }
        java.util.Arrays.sort(computed);
        figures.add(Figure.measured(section, String.format("the round's view of the region right after a change (computed, not kept), one at a time, "
                + "median of %d", computed.length), computed[1], String.format("ms (%,.0f–%,.0f ms)", computed[0], computed[2])));
        Wrk.get(view, region.evaluator, VIEW_CONNECTIONS, quick ? 2 : 10);
        Wrk.Runs runs = Wrk.repeat(RecordsLoad.RUNS, () -> Wrk.get(view, region.evaluator, VIEW_CONNECTIONS, seconds));
        figures.add(Figure.against(section, String.format("the round's view (GET /monitoring) of the region, %,d units with %d years, %d connections (kept while the records stay as they were)",
                        region.units, RecordsRegion.YEARS, VIEW_CONNECTIONS), runs.p99(),
                String.format("ms p99 (p50 %s ms; p99 %s ms over %d runs; %s views/s)", Figure.format(runs.p50()), runs.p99Range(),
                        RecordsLoad.RUNS, Figure.format(runs.throughput())), "p99 ≤ 100 ms", runs.p99() <= 100));
        if (runs.non2xx() > 0) figures.add(Figure.against(section, "non-2xx answers of the round's view", runs.non2xx(), "", "0", false));
        return figures;
    }

    /** 10,000 service units in a region of their own, then one sheet with a self-assessment for each, timed from send to answer. */
    private static Figure importedRound(RaporProcess rapor, RecordsRegion region, String section) throws Exception {
        region.asAdmin(201, "POST", "/api/v1/units", "application/json",
                "{\"id\":\"" + IMPORT_REGION + "\",\"name\":\"Kabupaten Impor\",\"kind\":\"region\"}");
        StringBuilder units = new StringBuilder("id,name,kind,parent\n");
        for (int o = 1; o <= 50; o++) units.append(String.format("impor-dinas-%02d,Dinas %d,office,%s\n", o, o, IMPORT_REGION));
        for (int k = 0; k < IMPORTED_UNITS; k++) {
            units.append(String.format("impor-upp-%05d,UPP %d,service-unit,impor-dinas-%02d\n", k + 1, k + 1, k % 50 + 1));
        }
        region.asAdmin(200, "POST", "/api/v1/units/import", "text/csv", units.toString());

        StringBuilder sheet = new StringBuilder("unit,role");
        for (int i = 1; i <= 31; i++) sheet.append(String.format(",i%02d", i));
        sheet.append('\n');
        for (int k = 0; k < IMPORTED_UNITS; k++) {
            sheet.append(String.format("impor-upp-%05d,self", k + 1));
            for (int i = 1; i <= 31; i++) sheet.append(',').append(i == 1 ? k % 6 : 3);
            sheet.append('\n');
        }
        long start = System.nanoTime();
        String name = String.format("importing a round's sheet of %,d units' assessments (POST /rounds/import, CSV, %,d KiB, one transaction)",
                IMPORTED_UNITS, sheet.length() / 1024);
        try {
            region.asAdmin(200, "POST", "/api/v1/rounds/import?region=" + IMPORT_REGION + "&year=" + IMPORT_YEAR + "&family=pekppp",
                    "text/csv", sheet.toString());
        } catch (IllegalStateException refused) { // the answer was not 200: reported as failed, the other figures still measured
            // The server's log is kept beside the results: the answer only names a request id.
            java.nio.file.Path kept = java.nio.file.Path.of("target", "failed-import-" + System.currentTimeMillis() + ".log");
            java.nio.file.Files.createDirectories(kept.getParent());
            java.nio.file.Files.copy(rapor.home.resolve("rapor.log"), kept);
            System.err.println("the import failed; the server's log: " + kept.toAbsolutePath());
            return new Figure(section, name, "failed: " + refused.getMessage().replaceAll("\\s+", " ").substring(0,
                    Math.min(160, refused.getMessage().length())) + " (log: " + kept + ")", "≤ 30 s", false);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return Figure.against(section, name, seconds, String.format("s (%,.0f rows/s)", IMPORTED_UNITS / seconds), "≤ 30 s", seconds <= 30);
    }
}
