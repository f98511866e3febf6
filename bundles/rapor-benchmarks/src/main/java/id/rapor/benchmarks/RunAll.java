package id.rapor.benchmarks;

import id.rapor.testing.PostgresServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs every benchmark in one go and writes the results table: the engine in process against
 * the plain-Java baseline (JMH), each rule base's compile cost, the real distribution over
 * HTTP (cold start, memory, single scores against the health endpoint, a 500-unit region,
 * rule changes under load), and the records of a 1,000-unit region on H2 and on PostgreSQL.
 * <pre>java -cp … id.rapor.benchmarks.RunAll --distribution DIR --example FILE --out docs/benchmarks.md [--quick] [--only PART,…]</pre>
 * {@code --only} runs some of the parts ({@value #PARTS_LIST}) and prints their table without
 * writing {@code --out}: a partial run never replaces the whole report. With {@code --update} too,
 * it replaces its own sections in {@code --out}, each marked as measured by that partial run.
 */
public final class RunAll {
    static final String PARTS_LIST = "engine,advice,rulebases,http,metrics,records,report,cluster";
    private static final int RECORDS_UNITS = 1000;

    private RunAll() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        boolean quick = options.containsKey("quick");
        Set<String> parts = Set.of(options.getOrDefault("only", PARTS_LIST).split(","));
        for (String part : parts) {
            if (!Arrays.asList(PARTS_LIST.split(",")).contains(part)) throw new IllegalArgumentException("--only: " + part + " is not one of " + PARTS_LIST);
        }
        Path distribution = Path.of(options.getOrDefault("distribution", "distribution/target/rapor"));
        String example = Files.readString(Path.of(options.getOrDefault("example", "docs/examples/pekppp-2022-assessment.json")));
        Path out = Path.of(options.getOrDefault("out", "docs/benchmarks.md"));

        List<Figure> figures = new ArrayList<>();
        if (parts.contains("engine")) {
            log("engine throughput (JMH)");
            figures.addAll(EngineThroughput.measure(quick));
        }
        if (parts.contains("advice")) {
            log("advice (JMH)");
            figures.addAll(AdviceTime.measure(quick));
        }
        if (parts.contains("rulebases")) {
            log("rule base compile cost");
            figures.addAll(RuleBaseCost.measure());
        }
        if (parts.contains("http")) {
            log("distribution over HTTP");
            figures.addAll(overHttp(distribution, example, quick));
        }
        if (parts.contains("metrics")) {
            log("metrics on and off over HTTP");
            try (RaporProcess rapor = RaporProcess.start(distribution, example)) {
                rapor.awaitAllLoaded();
                figures.addAll(MetricsOverhead.measure(rapor, example, quick));
            }
        }
        if (parts.contains("records")) {
            log("records over HTTP");
            figures.addAll(records(distribution, example, quick));
        }
        if (parts.contains("report")) {
            log("reports over HTTP: a province's view and report cards");
            try (RaporProcess rapor = RaporProcess.start(distribution, example)) {
                rapor.awaitAllLoaded();
                figures.addAll(ReportTimes.measure(rapor, quick));
            }
        }
        if (parts.contains("cluster")) {
            log("two nodes on one PostgreSQL");
            figures.addAll(TwoNodes.measure(distribution, example, quick));
        }
        String report = Report.markdown(figures, quick, String.join(" ", args));
        if (options.containsKey("only") && options.containsKey("update")) {
            Files.writeString(out, Report.update(Files.readString(out), figures, quick, String.join(" ", args)), StandardCharsets.UTF_8);
            log("partial run (--only … --update): its sections replaced in " + out.toAbsolutePath());
        } else if (options.containsKey("only")) {
            System.out.println(report);
            log("partial run (--only): " + out + " left as it is");
        } else {
            Files.writeString(out, report, StandardCharsets.UTF_8);
            log("wrote " + out.toAbsolutePath());
        }
        for (Figure f : figures) System.out.println(f.section() + " | " + f.name() + " | " + f.value() + " | " + f.target());
    }

    private static List<Figure> overHttp(Path distribution, String example, boolean quick) throws Exception {
        List<Figure> figures = new ArrayList<>();
        figures.addAll(ColdStart.measure(distribution, example, quick));
        try (RaporProcess rapor = RaporProcess.start(distribution, example)) {
            rapor.awaitAllLoaded();
            double rssIdle = rapor.rssMiB();
            figures.addAll(ScoringOverHttp.measure(rapor, example, quick));
            double rssLoaded = rapor.rssMiB();
            figures.add(Figure.against("Start and memory", "resident memory, all five methodologies loaded, idle", rssIdle, "MiB", "≤ 300 MiB", rssIdle <= 300));
            figures.add(Figure.against("Start and memory", "resident memory after the load runs", rssLoaded, "MiB", "≤ 300 MiB", rssLoaded <= 300));
            figures.addAll(new HotSwap(rapor, example).measure());
        }
        return figures;
    }

    /**
     * The records on the embedded H2 (the default) and on a real PostgreSQL, each in a fresh
     * distribution with the same region built through the API; PostgreSQL judged against H2's
     * figures of this run.
     */
    private static List<Figure> records(Path distribution, String example, boolean quick) throws Exception {
        List<Figure> figures = new ArrayList<>();
        String h2Section = String.format("Records over HTTP, embedded H2 (a region of %,d units with five years of history)", RECORDS_UNITS);
        RecordsLoad.Measured h2;
        try (RaporProcess rapor = RaporProcess.start(distribution, example)) {
            rapor.awaitAllLoaded();
            log("H2: building the region through the API");
            // Storing cycles over the units for half a minute and more: about 40 drafts a unit, past the default cap of 10.
            rapor.setting("id.rapor.http.cfg", "assessment.drafts.max", "1000");
            RecordsRegion region = RecordsRegion.build(rapor, RECORDS_UNITS);
            figures.add(region.built(h2Section));
            log("H2: listing and storing");
            h2 = RecordsLoad.measure(rapor, region, quick);
            figures.addAll(RecordsLoad.figures(h2Section, region, h2));
            figures.addAll(bulkRecords(rapor, region, h2Section, quick));
        }
        try (PostgresServer postgres = PostgresServer.start()) {
            String pgSection = "Records over HTTP, PostgreSQL " + postgres.version() + " (the same region; within 2× of H2 in this run)";
            try (RaporProcess rapor = RaporProcess.start(distribution, example, Map.of("RAPOR_DATABASE_URL", postgres.url("rapor"),
                    "RAPOR_DATABASE_USER", PostgresServer.USER, "RAPOR_DATABASE_PASSWORD", PostgresServer.PASSWORD))) {
                rapor.awaitAllLoaded();
                log("PostgreSQL: building the region through the API");
                // Storing cycles over the units for half a minute and more: about 40 drafts a unit, past the default cap of 10.
                rapor.setting("id.rapor.http.cfg", "assessment.drafts.max", "1000");
                RecordsRegion region = RecordsRegion.build(rapor, RECORDS_UNITS);
                figures.add(region.built(pgSection));
                log("PostgreSQL: listing and storing");
                figures.addAll(RecordsLoad.figuresAgainstH2(pgSection, region, RecordsLoad.measure(rapor, region, quick), h2));
                figures.addAll(bulkRecords(rapor, region, pgSection, quick));
            }
        }
        return figures;
    }

    /**
     * The records' bulk paths, on the region just built, in each database: importing 10,000
     * units' assessments from one CSV (target ≤ 30 s) and the round's view of the region
     * (p99 ≤ 100 ms); see {@link RecordsBulk}.
     */
    private static List<Figure> bulkRecords(RaporProcess rapor, RecordsRegion region, String section, boolean quick) throws Exception {
        return RecordsBulk.measure(rapor, region, section, quick);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int k = 0; k < args.length; k++) {
            String name = args[k].replaceFirst("^--", "");
            if (k + 1 < args.length && !args[k + 1].startsWith("--")) options.put(name, args[++k]);
            else options.put(name, "true");
        }
        return options;
    }

    private static void log(String what) {
        System.out.println("[" + ZonedDateTime.now().format(DateTimeFormatter.ISO_LOCAL_TIME) + "] " + what);
    }

    static String machine() throws IOException, InterruptedException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.replaceFirst("model name\\s*:\\s*", "")).orElse("unknown");
        String mem = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + mem + ", Java " + System.getProperty("java.version")
                + " (" + System.getProperty("java.vm.name") + "), " + System.getProperty("os.name") + " " + System.getProperty("os.version");
    }
}
