package id.rapor.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the integration tests and the benchmarks: Debian's binaries
 * ({@code apt-get install postgresql}, which {@code .ci/run} and {@code bundles/rapor-benchmarks/run}
 * do when they are missing), a throwaway cluster made with {@code initdb} in a temporary folder,
 * listening on a free port of 127.0.0.1 only, with a password-protected user {@code rapor} and a
 * database {@code rapor}. PostgreSQL refuses to run as root; as root, the server runs as the
 * {@code postgres} user the package creates.
 */
public final class PostgresServer implements AutoCloseable {
    public static final String USER = "rapor";
    public static final String PASSWORD = "rapor-test-password";

    public final int port;
    private final Path bin;
    private final Path data;
    private final boolean asPostgres;

    private PostgresServer(Path bin, Path data, int port, boolean asPostgres) {
        this.bin = bin;
        this.data = data;
        this.port = port;
        this.asPostgres = asPostgres;
    }

    public static PostgresServer start() throws Exception {
        Path bin = binaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("rapor-pg-");
        Path data = dir.resolve("data");
        Path pwfile = dir.resolve("pw");
        Files.writeString(pwfile, PASSWORD + "\n", StandardCharsets.UTF_8);
        if (root) run(List.of("chown", "-R", "postgres", dir.toString()), false);
        int port = freePort();
        PostgresServer pg = new PostgresServer(bin, data, port, root);
        pg.run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "--pwfile=" + pwfile,
                "--auth=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8"));
        pg.run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60", "-l", dir.resolve("server.log").toString(),
                "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -k " + dir + " -c fsync=off", "start"));
        try (Connection c = DriverManager.getConnection(pg.url("postgres"), USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE rapor");
        }
        return pg;
    }

    /** The server's major version, as Debian's folder names it (e.g. 15). */
    public String version() {
        return bin.getParent().getFileName().toString();
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Stops the server at once (as a crash would), or starts it again: for the tests of a database that goes away. */
    public void stop() throws Exception {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"));
    }

    public void startAgain() throws Exception {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60", "-l",
                data.getParent().resolve("server.log").toString(), "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -k " + data.getParent() + " -c fsync=off", "start"));
    }

    @Override
    public void close() throws Exception {
        try {
            stop();
        } finally {
            try (Stream<Path> files = Files.walk(data.getParent())) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void run(List<String> command) throws Exception {
        run(command, asPostgres);
    }

    private static void run(List<String> command, boolean asPostgres) throws Exception {
        List<String> cmd = new ArrayList<>();
        if (asPostgres) cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        cmd.addAll(command);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed:\n" + out);
        }
    }

    /** Debian's PostgreSQL binaries, the newest installed. */
    private static Path binaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                var newest = versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                        .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString().replaceAll("\\D", "0"))));
                if (newest.isPresent()) return newest.get().resolve("bin");
            }
        }
        throw new IllegalStateException("The PostgreSQL tests need PostgreSQL's server binaries: apt-get install postgresql "
                + "(.ci/run installs it when it is missing)");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
