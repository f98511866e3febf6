package id.rapor.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * The records of a built region under load over HTTP with wrk, by the region's evaluator:
 * listing the region, listing units' assessments, and storing scored assessments. Each load is
 * warmed up, then run three times; the figures are the median run's, with the range.
 */
final class RecordsLoad {
    static final int LIST_CONNECTIONS = 4;
    static final int STORE_CONNECTIONS = 8;
    static final int RUNS = 3;
    /** The year the stored assessments are for: after the region's history, by PEKPPP 2022. */
    static final int STORED_YEAR = 2025;

    /** One database's runs. */
    record Measured(Wrk.Runs regionList, Wrk.Runs unitList, Wrk.Runs storing) {}

    private RecordsLoad() {}

    /** Listing first, so that every list holds exactly the five years built; storing adds to them. */
    static Measured measure(RaporProcess rapor, RecordsRegion region, boolean quick) throws Exception {
        int seconds = quick ? 3 : 10;
        int warmup = quick ? 2 : 10;
        String regionUrl = rapor.url("/api/v1/units?region=" + RecordsRegion.REGION);
        String unitLists = listUnitsScript(region);
        String storing = storeScript(region);
        String base = rapor.url("/");

        Wrk.get(regionUrl, region.evaluator, LIST_CONNECTIONS, warmup);
        Wrk.Runs regionList = Wrk.repeat(RUNS, () -> Wrk.get(regionUrl, region.evaluator, LIST_CONNECTIONS, seconds));
        Wrk.script(base, unitLists, LIST_CONNECTIONS, warmup);
        Wrk.Runs unitList = Wrk.repeat(RUNS, () -> Wrk.script(base, unitLists, LIST_CONNECTIONS, seconds));
        Wrk.script(base, storing, STORE_CONNECTIONS, warmup);
        Wrk.Runs stored = Wrk.repeat(RUNS, () -> Wrk.script(base, storing, STORE_CONNECTIONS, seconds));
        return new Measured(regionList, unitList, stored);
    }

    /** The figures of one database against the targets of issue 13. */
    static List<Figure> figures(String section, RecordsRegion region, Measured m) {
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.against(section, storingName(), m.storing().throughput(),
                "assessments/s (" + m.storing().throughputRange() + " over " + RUNS + " runs)", "≥ 1,000/s", m.storing().throughput() >= 1000));
        figures.add(Figure.measured(section, storingName() + ": p99 latency", m.storing().p99(), latency(m.storing())));
        figures.add(Figure.against(section, regionListName(region), m.regionList().p99(), latency(m.regionList()), "p99 ≤ 50 ms",
                m.regionList().p99() <= 50));
        figures.add(Figure.against(section, unitListName(), m.unitList().p99(), latency(m.unitList()), "p99 ≤ 50 ms",
                m.unitList().p99() <= 50));
        long failed = m.storing().non2xx() + m.regionList().non2xx() + m.unitList().non2xx();
        if (failed > 0) figures.add(Figure.against(section, "non-2xx answers in these runs", failed, "", "0", false));
        return figures;
    }

    /** PostgreSQL's figures against the same run's H2: within 2× of them. */
    static List<Figure> figuresAgainstH2(String section, RecordsRegion region, Measured pg, Measured h2) {
        List<Figure> figures = new ArrayList<>();
        double stored = pg.storing().throughput() / h2.storing().throughput();
        figures.add(new Figure(section, storingName(), String.format("%s assessments/s (%s over %d runs): %.2f× H2's",
                Figure.format(pg.storing().throughput()), pg.storing().throughputRange(), RUNS, stored),
                "within 2× of H2 (≥ 0.5× its rate)", stored >= 0.5));
        figures.add(Figure.measured(section, storingName() + ": p99 latency", pg.storing().p99(), latency(pg.storing())));
        figures.add(againstH2(section, regionListName(region), pg.regionList(), h2.regionList()));
        figures.add(againstH2(section, unitListName(), pg.unitList(), h2.unitList()));
        long failed = pg.storing().non2xx() + pg.regionList().non2xx() + pg.unitList().non2xx();
        if (failed > 0) figures.add(Figure.against(section, "non-2xx answers in these runs", failed, "", "0", false));
        return figures;
    }

    private static Figure againstH2(String section, String name, Wrk.Runs pg, Wrk.Runs h2) {
        double ratio = pg.p99() / h2.p99();
        return new Figure(section, name, String.format("%s %s: %.2f× H2's p99", Figure.format(pg.p99()), latency(pg), ratio),
                "within 2× of H2 (p99 ≤ 2× its p99)", ratio <= 2);
    }

    private static String storingName() {
        return "storing a scored assessment (POST /units/{id}/assessments, " + STORED_YEAR + ", cycling over the units), "
                + STORE_CONNECTIONS + " connections";
    }

    private static String regionListName(RecordsRegion region) {
        return String.format("listing the region (GET /units?region=, %,d units), %d connections", region.units + RecordsRegion.OFFICES + 1,
                LIST_CONNECTIONS);
    }

    private static String unitListName() {
        return "listing a unit's assessments (GET /units/{id}/assessments, " + RecordsRegion.YEARS * 2 + " each, cycling over the units), "
                + LIST_CONNECTIONS + " connections";
    }

    private static String latency(Wrk.Runs runs) {
        return String.format("ms p99 (p50 %s ms; p99 %s ms over %d runs; %s requests/s)", Figure.format(runs.p50()), runs.p99Range(), RUNS,
                Figure.format(runs.throughput()));
    }

    /** GETs of each unit's assessments in turn. */
    private static String listUnitsScript(RecordsRegion region) {
        return "wrk.headers[\"Authorization\"] = " + Wrk.luaString(region.evaluator) + "\n"
                + "local n = 0\n"
                + "request = function()\n"
                + "  n = n + 1\n"
                + "  return wrk.format(\"GET\", " + RecordsRegion.unitPathLua("n % " + region.units + " + 1") + " .. \"/assessments\")\n"
                + "end\n";
    }

    /** POSTs of an evaluator's assessment of each unit in turn, its answers as the region's history varies them. */
    private static String storeScript(RecordsRegion region) {
        StringBuilder bodies = new StringBuilder();
        for (int k = 0; k < 6; k++) {
            bodies.append(k > 0 ? ",\n  " : "  ").append(Wrk.luaString(RecordsRegion.assessment("evaluator", STORED_YEAR, k)));
        }
        return "wrk.headers[\"Authorization\"] = " + Wrk.luaString(region.evaluator) + "\n"
                + "wrk.headers[\"Content-Type\"] = \"application/json\"\n"
                + "local bodies = {\n" + bodies + "\n}\n"
                + "local n = 0\n"
                + "request = function()\n"
                + "  local unit = n % " + region.units + "\n"
                + "  n = n + 1\n"
                + "  return wrk.format(\"POST\", " + RecordsRegion.unitPathLua("unit + 1") + " .. \"/assessments\", nil, bodies[unit % 6 + 1])\n"
                + "end\n";
    }
}
