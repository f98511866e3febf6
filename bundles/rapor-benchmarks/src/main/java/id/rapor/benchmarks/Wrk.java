package id.rapor.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * wrk (Debian's package), a C load generator with keep-alive connections, driving requests at
 * the server. It shares the two cores with the server, so the figures are a floor.
 */
final class Wrk {
    record Result(double requestsPerSecond, double p50Millis, double p99Millis, double maxMillis, long non2xx) {}

    /** The same load run several times: each figure as the median run's, with the range over the runs. */
    record Runs(List<Result> results) {
        double throughput() {
            return median(Result::requestsPerSecond);
        }

        double p50() {
            return median(Result::p50Millis);
        }

        double p99() {
            return median(Result::p99Millis);
        }

        long non2xx() {
            return results.stream().mapToLong(Result::non2xx).sum();
        }

        /** "9,800–10,300" over the runs, formatted as Figure formats one value. */
        String range(ToDoubleFunction<Result> figure) {
            double min = results.stream().mapToDouble(figure).min().orElse(Double.NaN);
            double max = results.stream().mapToDouble(figure).max().orElse(Double.NaN);
            return Figure.format(min) + "–" + Figure.format(max);
        }

        String throughputRange() {
            return range(Result::requestsPerSecond);
        }

        String p99Range() {
            return range(Result::p99Millis);
        }

        private double median(ToDoubleFunction<Result> figure) {
            List<Result> sorted = new ArrayList<>(results);
            sorted.sort(Comparator.comparingDouble(figure));
            return figure.applyAsDouble(sorted.get(sorted.size() / 2));
        }
    }

    /** One run of a load, for {@link #repeat}. */
    interface Load {
        Result run() throws IOException, InterruptedException;
    }

    private Wrk() {}

    static Runs repeat(int times, Load load) throws IOException, InterruptedException {
        List<Result> results = new ArrayList<>();
        for (int k = 0; k < times; k++) results.add(load.run());
        return new Runs(results);
    }

    /** The same JSON body POSTed on every request. */
    static Result post(String url, String body, int connections, int seconds) throws IOException, InterruptedException {
        return script(url, "wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\n"
                + "wrk.body = " + luaString(body) + "\n", connections, seconds);
    }

    /** A GET of {@code url}, with an Authorization header when {@code authorization} is not null. */
    static Result get(String url, String authorization, int connections, int seconds) throws IOException, InterruptedException {
        return script(url, authorization == null ? "" : "wrk.headers[\"Authorization\"] = " + luaString(authorization) + "\n",
                connections, seconds);
    }

    /** A run with its own Lua script (headers, bodies, or a {@code request} function that varies the path). */
    static Result script(String url, String lua, int connections, int seconds) throws IOException, InterruptedException {
        Path script = Files.createTempFile("wrk-", ".lua");
        try {
            Files.writeString(script, lua, StandardCharsets.UTF_8);
            Process p = new ProcessBuilder("wrk", "-t1", "-c" + connections, "-d" + seconds + "s", "--latency", "-s", script.toString(), url)
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0 || out.contains("unable to connect")) throw new IOException("wrk failed: " + out);
            return new Result(number(out, "Requests/sec:\\s+([\\d.]+)"), millis(out, "\\s50%\\s+([\\d.]+\\w+)"),
                    millis(out, "\\s99%\\s+([\\d.]+\\w+)"), millis(out, "Latency\\s+\\S+\\s+\\S+\\s+([\\d.]+\\w+)"),
                    (long) number(out, "Non-2xx or 3xx responses:\\s+(\\d+)"));
        } finally {
            Files.delete(script);
        }
    }

    /** A Lua long string holding {@code text} as it is (no escapes are read inside one). */
    static String luaString(String text) {
        String level = "=";
        while (text.contains("]" + level + "]")) level += "=";
        return "[" + level + "[" + text + "]" + level + "]";
    }

    private static double number(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    /** wrk prints 327.00us, 1.81ms or 1.02s. */
    private static double millis(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        if (!m.find()) return Double.NaN;
        String v = m.group(1);
        double n = Double.parseDouble(v.replaceAll("[a-z]+$", ""));
        if (v.endsWith("us")) return n / 1000;
        if (v.endsWith("ms")) return n;
        if (v.endsWith("s")) return n * 1000;
        if (v.endsWith("m")) return n * 60_000;
        return n;
    }
}
