package id.rapor.benchmarks;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The results as docs/benchmarks.md, and the request bodies the runs send. */
final class Report {
    private static final String HOW_TO_READ = "## How to read these";

    private Report() {}

    /** Each section's markdown (its heading and table), in the order measured; {@code note} under each heading, if any. */
    private static Map<String, String> sections(List<Figure> figures, String note) {
        Map<String, StringBuilder> out = new LinkedHashMap<>();
        for (Figure f : figures) {
            StringBuilder s = out.computeIfAbsent(f.section(), name -> new StringBuilder("\n## ").append(name).append("\n\n")
                    .append(note == null ? "" : note + "\n\n").append("| What | Measured | Target | |\n|---|---|---|---|\n"));
            s.append("| ").append(f.name()).append(" | ").append(f.value()).append(" | ").append(f.target()).append(" | ")
                    .append(f.met() == null ? "" : f.met() ? "met" : "**missed**").append(" |\n");
        }
        Map<String, String> done = new LinkedHashMap<>();
        out.forEach((name, s) -> done.put(name, s.toString()));
        return done;
    }

    /**
     * {@code existing} (a whole run's report) with the sections of a partial run ({@code --only … --update}) put in place of
     * the sections of the same name, each saying when and how it was measured; a section the report lacked goes before
     * "How to read these". Every other section stays as the whole run measured it.
     */
    static String update(String existing, List<Figure> figures, boolean quick, String args) {
        String note = "*Measured " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + " by a partial run, "
                + "`bundles/rapor-benchmarks/run " + args.replaceAll("--(distribution|example|out) \\S+ ?", "").trim() + "`"
                + (quick ? " (quick: indicative only)" : "") + "; the other sections are the whole run's above.*";
        String report = existing;
        for (Map.Entry<String, String> section : sections(figures, note).entrySet()) {
            String heading = "\n## " + section.getKey() + "\n";
            int at = report.indexOf(heading);
            if (at >= 0) {
                int end = report.indexOf("\n## ", at + heading.length());
                report = report.substring(0, at) + section.getValue() + (end < 0 ? "" : report.substring(end));
            } else {
                int how = report.indexOf("\n" + HOW_TO_READ);
                report = how < 0 ? report + section.getValue() : report.substring(0, how) + section.getValue() + report.substring(how);
            }
        }
        return report;
    }

    static String markdown(List<Figure> figures, boolean quick, String args) throws Exception {
        StringBuilder s = new StringBuilder();
        s.append("# Benchmarks\n\n");
        if (quick) s.append("**Quick run: short durations, figures are indicative only.**\n\n");
        s.append("Measured ").append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append(" on ")
                .append(RunAll.machine()).append(".\n\n");
        s.append("Command: `bundles/rapor-benchmarks/run").append(quick ? " --quick" : "").append("` (it builds the project, installs wrk and PostgreSQL if ")
                .append("missing, and runs `id.rapor.benchmarks.RunAll ").append(args).append("`). Benchmarks are not part of the test suite; ")
                .append("no test asserts a time.\n\n");
        for (Map.Entry<String, String> section : sections(figures, null).entrySet()) s.append(section.getValue());
        s.append("\n" + HOW_TO_READ + "\n\n")
                .append("- The engine figure is one PEKPPP 2022 assessment through the whole engine path (answer validation, a pooled ")
                .append("Drools session, the rules, the result with its explanation); the baseline applies the same tables with a plain ")
                .append("Java loop and exact arithmetic, nothing else. Their ratio is the price of the rule engine.\n")
                .append("- HTTP figures come from wrk on the same two cores as the server, so they are a floor for a server with cores of its own. ")
                .append("Each single-score request is the README's example; the region is 500 variants of it. A minute of load first ")
                .append("(50 s of scores, 10 s of health) lets the JIT settle; then, for 8 and for 32 connections, GET /api/v1/health and ")
                .append("the score run by turns, three runs of 10 s each; a figure is the median run's, with the range over the three. The ")
                .append("health endpoint (no body, no scoring, no database) is the server's floor on this machine: the target is a score at ")
                .append("no less than half its rate, both measured in this run, with p99 ≤ 10 ms.\n")
                .append("- Cold start is from launching `bin/rapor` to the first 200 answer to a PEKPPP 2022 score, asked every 20 ms over ")
                .append("HTTP/1.1, and to the first 200 of `GET /api/v1/health/ready` (every methodology compiled, the database answering). ")
                .append("The first start of a fresh copy compiles every rule text (Drools and its Java compiler warming up on the first) and ")
                .append("writes the class-data sharing archive when it stops; the starts after it (a restart, a redeployment, a node joining ")
                .append("a pool) read the compiled rule text back from `data/cache/rule-bases` (and run only the first golden case of ")
                .append("files that passed them all before) and map the archived classes from ")
                .append("`data/cache/cds`: the targets (2 s, 4 s) are theirs. Medians of five starts, with the fastest and slowest. ")
                .append("Memory is the JVM's resident set with the default options of `bin/rapor`.\n")
                .append("- Records: each database in a fresh distribution, the data built through its API as an operator builds it: an admin ")
                .append("added with `bin/rapor-user`, a region created, 20 offices and 1,000 service units under them imported with one ")
                .append("`POST /api/v1/units/import` (CSV), then for every unit and each year 2020–2024 (by PEKPPP 2017 to 2021 and PEKPPP ")
                .append("2022 from 2022, as their `years` say, with answers valid for each) a self-assessment left as a draft and an ")
                .append("evaluator's assessment submitted and made final: 20,000 calls on four threads, whose time is shown. The loads are ")
                .append("then an evaluator of the region's (`evaluator@` the region, so each call checks that the unit lies in it), with wrk: ")
                .append("listing the region (the region, its offices and units) and each unit's ten assessments in turn on 4 connections, ")
                .append("then storing a 2025 evaluator's assessment of each unit in turn (scored on entry by PEKPPP 2022, a new draft ")
                .append("each; the drafts' cap `assessment.drafts.max` raised to 1,000 for it) on 8 connections; each warmed up, then three runs of 10 s, the median run's figure with the range. The ")
                .append("lists are measured before the storing, so each holds the five years built. H2 is the default embedded file ")
                .append("database; PostgreSQL is Debian's server started as the integration tests start it (`PostgresServer`: a throwaway ")
                .append("cluster on 127.0.0.1 with fsync off, on the same two cores), and is judged against H2's figures of the same run: ")
                .append("at least half its storing rate, at most twice its p99. Then, on each database, the bulk paths: 10,000 more ")
                .append("service units imported, and one CSV sheet with a self-assessment of each sent to `POST /api/v1/rounds/import` ")
                .append("(scored and stored in one transaction), timed from sending to the answer; and the round's view of the built ")
                .append("region's last year (`GET /api/v1/monitoring`, 1,000 units, five years of history) by its evaluator, with wrk.\n")
                .append("- A rule change under load: four threads score continuously while the change lands; \"visible after\" is the time ")
                .append("from the change (the jar moved into deploy/, or the activate call sent) to the first answer from the new version. ")
                .append("A mixed answer would pair one version with the other's band.\n")
                .append("- Two nodes: two distributions on one PostgreSQL (`PostgresServer`, as for the records), each scoring for four client ")
                .append("threads of its own while a revision is activated on node A again and again (band C from 2.98, then the rule bundles ")
                .append("again); \"served by node B after\" is from the activate call sent to node A to the first answer of node B with the new ")
                .append("version (NOTIFY on commit, B reads the revision, compiles or reads back its rule text, swaps it in). Both nodes, ")
                .append("PostgreSQL and the clients share the two cores, so the rates are a floor, not what two machines give.\n")
                .append("- Reports: a fresh distribution; a province of 40 kabupaten with 200 offices each imported with one CSV, each ")
                .append("kabupaten's round entered with one round's sheet (an evaluator's assessment per office), each submitted and made ")
                .append("final; then, one request at a time after five to warm up, the province's round's view (`GET /api/v1/monitoring`, ")
                .append("8,000 units), an office's report card as PDF (`GET /api/v1/units/{id}/report`: its records, the planner, the ")
                .append("chart, the PDF) and a kabupaten's report as PDF, each timed from sending to the last byte (ReportTimes).\n");
        return s.toString();
    }

    /** {@code {"region":…,"units":[…]}} with {@code n} variants of the example assessment. */
    static String region(String example, int n) {
        StringBuilder s = new StringBuilder("{\"region\":\"Benchmark\",\"atOrBelow\":\"C\",\"units\":[");
        for (int k = 0; k < n; k++) {
            if (k > 0) s.append(',');
            // Vary one answer per unit so the units differ: the example's i01 is 3; use 0..5.
            s.append(example.replaceFirst("\"unit\"\\s*:\\s*\"[^\"]*\"", "\"unit\": \"Unit " + k + "\"")
                    .replaceFirst("\"i01\"\\s*:\\s*\\d", "\"i01\": " + (k % 6)));
        }
        return s.append("]}").toString();
    }
}
