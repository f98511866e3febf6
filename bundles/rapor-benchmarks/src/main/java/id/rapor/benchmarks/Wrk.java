package id.rapor.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * wrk (Debian's package), a C load generator with keep-alive connections, driving POSTs at
 * the server. It shares the two cores with the server, so the figures are a floor.
 */
final class Wrk {
    record Result(double requestsPerSecond, double p50Millis, double p99Millis, double maxMillis, long non2xx) {}

    private Wrk() {}

    static Result post(String url, String body, int connections, int seconds) throws IOException, InterruptedException {
        Path bodyFile = Files.createTempFile("wrk-body", ".json");
        Path script = Files.createTempFile("wrk-post", ".lua");
        Files.writeString(bodyFile, body, StandardCharsets.UTF_8);
        Files.writeString(script, "wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\n"
                + "local f = io.open(\"" + bodyFile + "\", \"r\")\nwrk.body = f:read(\"*a\")\nf:close()\n");
        Process p = new ProcessBuilder("wrk", "-t1", "-c" + connections, "-d" + seconds + "s", "--latency", "-s", script.toString(), url)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IOException("wrk failed: " + out);
        Files.delete(bodyFile);
        Files.delete(script);
        return new Result(number(out, "Requests/sec:\\s+([\\d.]+)"), millis(out, "\\s50%\\s+([\\d.]+\\w+)"),
                millis(out, "\\s99%\\s+([\\d.]+\\w+)"), millis(out, "Latency\\s+\\S+\\s+\\S+\\s+([\\d.]+\\w+)"),
                (long) number(out, "Non-2xx or 3xx responses:\\s+(\\d+)"));
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
        return n;
    }
}
