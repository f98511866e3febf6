package id.rapor.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real distribution, started with bin/rapor from a fresh copy on a free 127.0.0.1 port,
 * with its default JVM options. Knows its cold start (process start to first score) and RSS.
 */
final class RaporProcess implements AutoCloseable {
    final Path home;
    final int port;
    /** From bin/rapor to the first 200 of a PEKPPP 2022 score. */
    final double coldStartMillis;
    /** From bin/rapor to the first 200 of /health/ready: every methodology compiled, the database answering. */
    final double readyMillis;
    private final Process process;
    private final Map<String, String> environment;

    private RaporProcess(Path home, int port, Process process, Map<String, String> environment, double coldStartMillis, double readyMillis) {
        this.home = home;
        this.port = port;
        this.process = process;
        this.environment = environment;
        this.coldStartMillis = coldStartMillis;
        this.readyMillis = readyMillis;
    }

    static RaporProcess start(Path distribution, String scoreBody) throws Exception {
        return start(distribution, scoreBody, Map.of());
    }

    /** Started with {@code environment} added to bin/rapor's, e.g. RAPOR_DATABASE_URL. */
    static RaporProcess start(Path distribution, String scoreBody, Map<String, String> environment) throws Exception {
        Path home = Files.createTempDirectory("rapor-bench-");
        try (Stream<Path> files = Files.walk(distribution)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = home.resolve(distribution.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else if (!p.toString().contains("/data/")) Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        return launch(home, port, scoreBody, environment);
    }

    /**
     * Stops this one and starts bin/rapor again in the same folder, as an operator restarts it: what the first start
     * left in data/ (the compiled rule text, the class-data archive written at its stop) is there.
     */
    RaporProcess restart(String scoreBody) throws Exception {
        stop();
        return launch(home, port, scoreBody, environment);
    }

    private static RaporProcess launch(Path home, int port, String scoreBody, Map<String, String> environment) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/rapor").toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("rapor.log").toFile()));
        pb.environment().putAll(environment);
        pb.environment().put("RAPOR_HTTP_PORT", Integer.toString(port));
        long start = System.nanoTime();
        Process process = pb.start();
        // HTTP/1.1 as a browser or curl would send it; polled every 20 ms (the figure's resolution), so
        // the poller does not take a core away from the server it measures.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofMillis(200)).build();
        HttpRequest score = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/methodologies/pekppp-2022/score"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(scoreBody)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/health/ready")).build();
        long deadline = start + Duration.ofSeconds(90).toNanos();
        double firstScore = -1;
        while (System.nanoTime() < deadline) {
            try {
                if (firstScore < 0 && http.send(score, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    firstScore = (System.nanoTime() - start) / 1e6;
                }
                if (firstScore >= 0 && http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return new RaporProcess(home, port, process, environment, firstScore, (System.nanoTime() - start) / 1e6);
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (!process.isAlive()) throw new IllegalStateException("bin/rapor exited: " + Files.readString(home.resolve("rapor.log")));
            Thread.sleep(20);
        }
        process.destroyForcibly();
        throw new IllegalStateException("no score and readiness within 90 s: " + Files.readString(home.resolve("rapor.log")));
    }

    /** Changes a setting in etc/{@code file}, as an operator edits it; Rapor applies it while it runs (FileInstall). */
    void setting(String file, String name, String value) throws IOException, InterruptedException {
        Path cfg = home.resolve("etc").resolve(file);
        String before = Files.readString(cfg);
        String after = before.replaceAll("(?m)^" + java.util.regex.Pattern.quote(name) + "=.*$", name + "=" + value);
        if (after.equals(before)) throw new IllegalStateException(name + " is not set in " + cfg);
        Files.writeString(cfg, after);
        Thread.sleep(3000); // FileInstall polls the folder, then Configuration Admin reconfigures the component
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Adds a user with bin/rapor-user (the password in RAPOR_PASSWORD); answers its Authorization header. */
    String user(String name, String password, String roles) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/rapor-user").toString(), "add", name, roles).redirectErrorStream(true);
        // The node's own environment too: with RAPOR_DATABASE_URL naming PostgreSQL, the user goes into the table the nodes share.
        pb.environment().putAll(environment);
        pb.environment().put("RAPOR_PASSWORD", password);
        Process add = pb.start();
        add.getOutputStream().close();
        String out = new String(add.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (add.waitFor() != 0) throw new IllegalStateException("bin/rapor-user add " + name + ": " + out);
        return "Basic " + Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Resident memory of the JVM (bin/rapor execs java, so the process is the JVM), in MiB. */
    double rssMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
        }
        return Double.NaN;
    }

    /** Waits until every shipped rule bundle is compiled, so all methodologies are loaded. */
    void awaitAllLoaded() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int k = 0; k < 600; k++) {
            String body = http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/health"))).build(), HttpResponse.BodyHandlers.ofString()).body();
            if (body.contains("\"pending\":0")) return;
            Thread.sleep(50);
        }
    }

    private void stop() throws Exception {
        process.destroy();
        // The first stop of a copy writes its class-data archive: that is part of stopping.
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws Exception {
        stop();
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
