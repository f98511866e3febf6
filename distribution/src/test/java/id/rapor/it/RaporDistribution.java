package id.rapor.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
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
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The real distribution, started as a user starts it: a copy of target/rapor in a fresh
 * folder, {@code bin/rapor} run as a child process with {@code RAPOR_HTTP_PORT} set to a free
 * port on 127.0.0.1, its output kept in a log file.
 */
final class RaporDistribution implements AutoCloseable {
    /** Keeps numbers as written: 5.00 stays "5.00", as the API sends it. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    final Path home;
    final int port;
    final Path log;
    private Process process;
    private final java.util.Map<String, String> environment;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RaporDistribution(Path home, int port, Process process, Path log, java.util.Map<String, String> environment) {
        this.environment = environment;
        this.home = home;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    static RaporDistribution start() throws Exception {
        return start(home -> { });
    }

    /** Starts a copy that {@code prepare} may change first (settings, users). */
    static RaporDistribution start(Preparation prepare) throws Exception {
        return start(prepare, java.util.Map.of());
    }

    /** Starts a copy with these environment variables set for bin/rapor (at every start of it). */
    static RaporDistribution start(Preparation prepare, java.util.Map<String, String> environment) throws Exception {
        Path source = Path.of(System.getProperty("rapor.distribution"));
        Path home = Files.createTempDirectory("rapor-it-");
        Homes.removeAtExit(home);
        copy(source, home);
        prepare.prepare(home);
        int port = freePort();
        Path log = home.resolve("rapor.log");
        RaporDistribution rapor = new RaporDistribution(home, port, launch(home, port, log, environment), log, environment);
        rapor.awaitLog(s -> s.contains("Rapor is ready"), Duration.ofSeconds(90));
        return rapor;
    }

    @FunctionalInterface
    interface Preparation {
        void prepare(Path home) throws Exception;
    }

    /** Stops bin/rapor and starts it again in the same folder, on the same port, as an operator would. */
    void restart() throws Exception {
        relaunch();
        awaitLog(s -> s.contains("Rapor is ready"), Duration.ofSeconds(90));
    }

    /** Like {@link #restart()}, but returns as soon as bin/rapor runs: for tests of its first seconds. */
    void relaunch() throws Exception {
        close();
        Files.move(log, home.resolve("rapor-" + System.nanoTime() + ".log"));
        process = launch(home, port, log, environment);
    }

    private static Process launch(Path home, int port, Path log, java.util.Map<String, String> environment) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/rapor").toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("RAPOR_HTTP_PORT", Integer.toString(port));
        pb.environment().remove("RAPOR_HTTP_HOST");
        // The class-data sharing archive is written when a JVM first stops (40 MB, a second or two): a test of its
        // own starts with it (ColdStartIT); the others, which each start a fresh copy, leave it off.
        pb.environment().put("RAPOR_CDS", "off");
        pb.environment().putAll(environment);
        return pb.start();
    }

    /** Runs a command of bin/ (rapor-user) in this distribution; returns its exit code and output. */
    String[] command(String name, java.util.Map<String, String> env, String... args) throws Exception {
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(home.resolve("bin/" + name).toString()));
        cmd.addAll(java.util.List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new String[] {Integer.toString(p.waitFor()), out};
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET());
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return post(path, body, null);
    }

    /** A JSON POST as a user ({@code authorization}: a {@link #basic} header, or null for none). */
    HttpResponse<String> post(String path, String body, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) b.header("Authorization", authorization);
        return send(b);
    }

    /** Any method, a JSON body or none, as a user ({@code authorization}: a {@link #basic} header, or null for none). */
    HttpResponse<String> call(String method, String path, String body, String authorization) throws IOException, InterruptedException {
        return send(request(method, path, body, authorization));
    }

    /** The request {@link #call} sends, for a caller to add headers to (Accept-Language, say). */
    HttpRequest.Builder request(String method, String path, String body, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)));
        if (authorization != null) b.header("Authorization", authorization);
        if (body == null) return b.method(method, HttpRequest.BodyPublishers.noBody());
        return b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    /** A GET as a user. */
    HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", authorization).GET());
    }

    /** The HTTP Basic header of a user of bin/rapor-user. */
    static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return send(request, Duration.ofSeconds(30));
    }

    /** A request that may take longer than most (a bulk import on a busy machine). */
    HttpResponse<String> send(HttpRequest.Builder request, Duration timeout) throws IOException, InterruptedException {
        return http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request whose answer is a file (a workbook). */
    HttpResponse<byte[]> sendBytes(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    /** Waits until every methodology's rule bundle is compiled and serves (the browser tests use them all). */
    void awaitAllActive() throws Exception {
        awaitJson("/api/v1/methodologies", list -> {
            for (var m : list) if (!"ACTIVE".equals(m.path("status").asText())) return false;
            return true;
        }, Duration.ofSeconds(180));
    }

    String logText() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** Waits until the log satisfies {@code condition}; fails with the log if it does not in time or the process died. */
    void awaitLog(Predicate<String> condition, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String text = Files.exists(log) ? logText() : "";
            if (condition.test(text)) return;
            if (!process.isAlive()) throw new AssertionError("bin/rapor exited with " + process.exitValue() + ":\n" + text);
            Thread.sleep(50);
        }
        throw new AssertionError("timed out waiting for the log; it says:\n" + logText());
    }

    /** Polls {@code path} until its JSON satisfies {@code condition}. */
    JsonNode awaitJson(String path, Predicate<JsonNode> condition, Duration timeout) throws Exception {
        return awaitJson(path, null, condition, timeout);
    }

    /** As a user ({@code authorization}: a {@link #basic} header, or null for none). */
    JsonNode awaitJson(String path, String authorization, Predicate<JsonNode> condition, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = authorization == null ? get(path) : get(path, authorization);
            if (r.statusCode() == 200) {
                last = json(r);
                if (condition.test(last)) return last;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("timed out waiting on " + path + "; last answer: " + last + "\nlog:\n" + logText());
    }

    /** Sends SIGTERM, as systemd or docker stop would, and returns at once. */
    void terminate() {
        process.destroy();
    }

    /** Waits for the process to end; its exit code. */
    int awaitExit(Duration timeout) throws Exception {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) throw new AssertionError("still running after " + timeout);
        return process.exitValue();
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /**
     * Each started copy is some 30 MB; a run starts about a hundred. They go when the test JVM ends
     * (their logs are in the failures' messages), unless -Drapor.it.keep=true keeps them to look at.
     */
    private static final class Homes {
        private static final java.util.List<Path> ALL = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

        static {
            if (!Boolean.getBoolean("rapor.it.keep")) Runtime.getRuntime().addShutdownHook(new Thread(Homes::removeAll, "rapor-it-homes"));
        }

        static void removeAtExit(Path home) {
            ALL.add(home);
        }

        private static void removeAll() {
            synchronized (ALL) {
                for (Path home : ALL) {
                    try (Stream<Path> files = Files.walk(home)) {
                        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    } catch (IOException | RuntimeException e) {
                        // a folder a process still writes to: left for the OS's temporary-file cleanup
                    }
                }
            }
        }
    }
}
