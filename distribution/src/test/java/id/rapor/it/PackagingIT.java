package id.rapor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The container image definition (docker/Dockerfile) and the systemd unit (systemd/rapor.service) ship in the distribution and
 * say what docs/operations.md says of them. Always checked here by reading them; where the tools are, also by them:
 * {@code systemd-analyze verify} and {@code docker build --check} (skipped, not failed, where they are missing, docker's
 * daemon does not answer, or its build has no {@code --check}). Neither an image nor a service is built or started.
 */
class PackagingIT {
    private static final Path HOME = Path.of(System.getProperty("rapor.distribution"));
    private static final Set<String> DOCKERFILE_INSTRUCTIONS = Set.of("FROM", "RUN", "CMD", "LABEL", "EXPOSE", "ENV", "ADD", "COPY",
            "ENTRYPOINT", "VOLUME", "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL");

    /** One instruction of a Dockerfile, continuation lines joined. */
    record Instruction(String keyword, String arguments) {}

    @Test
    void theDockerfileRunsRaporAsANonRootUserAndChecksReadiness() throws Exception {
        List<Instruction> file = dockerfile(HOME.resolve("docker/Dockerfile"));
        assertEquals("FROM", file.get(0).keyword());
        assertEquals("eclipse-temurin:17-jre", file.get(0).arguments(), "a JRE 17 base");
        for (Instruction i : file) assertTrue(DOCKERFILE_INSTRUCTIONS.contains(i.keyword()), "a Dockerfile instruction: " + i);

        List<String> users = arguments(file, "USER");
        assertEquals(1, users.size(), "one USER");
        String user = users.get(0).split(":")[0];
        assertFalse(user.equals("root") || user.equals("0"), "never root: " + user);
        int userAt = indexOf(file, "USER");
        assertTrue(indexOf(file, "ENTRYPOINT") > userAt && indexOf(file, "HEALTHCHECK") > userAt, "the user is set before what runs");

        List<String> entry = exec(arguments(file, "ENTRYPOINT").get(0));
        assertEquals(List.of("/opt/rapor/bin/rapor"), entry, "exec form: the JVM, not a shell, receives SIGTERM");
        assertTrue(Files.readString(HOME.resolve("bin/rapor")).contains("\nexec \"$JAVA\""), "bin/rapor execs the JVM");

        String health = arguments(file, "HEALTHCHECK").get(0);
        assertTrue(health.contains("CMD"), health);
        List<String> probe = exec(health.substring(health.indexOf("CMD") + 3).trim());
        assertEquals("bash", probe.get(0), "a tool of the base image (it has no curl)");
        assertTrue(probe.get(2).contains("GET /api/v1/health/ready ") && probe.get(2).contains("= 200"), probe.get(2));
        assertTrue(health.contains("--start-period="), "time to compile the rule bundles");

        Map<String, String> env = env(arguments(file, "ENV"));
        assertEquals("0.0.0.0", env.get("RAPOR_HTTP_HOST"), "reachable from outside the container");
        assertEquals(List.of(env.get("RAPOR_HTTP_PORT")), arguments(file, "EXPOSE"));
        assertTrue(probe.get(2).contains("${RAPOR_HTTP_PORT:-8080}"), "the probe asks the port Rapor listens on");
        List<String> volumes = exec(arguments(file, "VOLUME").get(0));
        assertEquals(List.of("/opt/rapor/data", "/opt/rapor/etc"), volumes);

        // Every COPY source is in the distribution: the image is built from its folder.
        for (String copy : arguments(file, "COPY")) {
            String[] words = copy.replaceAll("--\\S+", "").trim().split("\\s+");
            for (int i = 0; i < words.length - 1; i++) assertTrue(Files.exists(HOME.resolve(words[i])), "COPY " + words[i] + " is in the distribution");
        }
        String ignore = Files.readString(HOME.resolve(".dockerignore"));
        assertTrue(ignore.lines().anyMatch("data/"::equals), "the records of the folder never go into an image");
    }

    @Test
    void theSystemdUnitStopsGracefullyAndIsHardened() throws Exception {
        Map<String, Map<String, List<String>>> unit = unit(HOME.resolve("systemd/rapor.service"));
        assertEquals(Set.of("Unit", "Service", "Install"), unit.keySet());
        Map<String, List<String>> service = unit.get("Service");
        assertEquals("/opt/rapor/bin/rapor", one(service, "ExecStart"));
        assertFalse(Set.of("root", "0").contains(one(service, "User")), "a user of its own");
        assertEquals("on-failure", one(service, "Restart"));
        Properties settings = new Properties();
        try (InputStream in = Files.newInputStream(HOME.resolve("etc/rapor.properties"))) {
            settings.load(in);
        }
        long graceSeconds = Long.parseLong(settings.getProperty("shutdown.grace.ms")) / 1000;
        long timeout = Long.parseLong(one(service, "TimeoutStopSec"));
        assertTrue(timeout >= graceSeconds + 15, "TimeoutStopSec " + timeout + " s is longer than the grace of " + graceSeconds + " s");
        assertEquals("yes", one(service, "NoNewPrivileges"));
        assertEquals("strict", one(service, "ProtectSystem"));
        assertEquals("yes", one(service, "PrivateTmp"));
        List<String> writable = List.of(one(service, "ReadWritePaths").split("\\s+"));
        for (String folder : List.of("data", "etc", "deploy", "edit")) assertTrue(writable.contains("/opt/rapor/" + folder), folder + " writable");
        assertEquals("multi-user.target", one(unit.get("Install"), "WantedBy"));
    }

    @Test
    void systemdAnalyzeVerifiesTheUnit() throws Exception {
        assumeTrue(onPath("systemd-analyze"), "systemd-analyze is not installed here");
        // The unit names /opt/rapor; verified where this distribution is, so the paths it names exist.
        Path folder = Files.createTempDirectory("rapor-unit-");
        Path copy = folder.resolve("rapor.service");
        Files.writeString(copy, Files.readString(HOME.resolve("systemd/rapor.service")).replace("/opt/rapor", HOME.toAbsolutePath().toString()));
        String[] r = run(List.of("systemd-analyze", "verify", copy.toString()), 60);
        // verify exits 0 even for unknown keys and bad values; what it says of the file is the finding.
        List<String> findings = r[1].lines().filter(l -> l.contains(copy.toString())).toList();
        assertEquals("0", r[0], r[1]);
        assertEquals(List.of(), findings, r[1]);
    }

    @Test
    void dockerChecksTheDockerfile() throws Exception {
        assumeTrue(onPath("docker"), "docker is not installed here");
        assumeTrue("0".equals(run(List.of("docker", "info"), 30)[0]), "docker's daemon does not answer here");
        // The build checks only (no image): the Dockerfile's syntax and BuildKit's rules. --check is BuildKit's (buildx);
        // a docker CLI without it (the legacy builder) has nothing to check without building.
        List<String> build = "0".equals(run(List.of("docker", "buildx", "version"), 30)[0]) ? List.of("docker", "buildx", "build")
                : List.of("docker", "build");
        assumeTrue(run(concat(build, List.of("--help")), 30)[1].contains("--check"), "this docker's build has no --check (no BuildKit)");
        String[] r = run(concat(build, List.of("--check", "-f", HOME.resolve("docker/Dockerfile").toString(), HOME.toString())), 600);
        assertEquals("0", r[0], r[1]);
    }

    // --- reading the files -------------------------------------------------------------------------------------------

    static List<Instruction> dockerfile(Path file) throws IOException {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = null;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            if (current == null && (trimmed.isEmpty() || trimmed.startsWith("#"))) continue;
            if (current != null && trimmed.startsWith("#")) continue; // a comment inside a continued instruction
            String part = trimmed.endsWith("\\") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
            current = current == null ? new StringBuilder(part) : current.append(' ').append(part);
            if (!trimmed.endsWith("\\")) {
                String text = current.toString().strip();
                int space = text.indexOf(' ');
                assertTrue(space > 0, "an instruction with arguments: " + text);
                instructions.add(new Instruction(text.substring(0, space).toUpperCase(java.util.Locale.ROOT), text.substring(space + 1).strip()));
                current = null;
            }
        }
        assertTrue(current == null, "the last instruction is not left continued");
        return instructions;
    }

    /** An exec-form (JSON array) argument: fails on the shell form. */
    static List<String> exec(String arguments) throws IOException {
        JsonNode array = RaporDistribution.JSON.readTree(arguments);
        assertTrue(array.isArray(), "exec form, a JSON array: " + arguments);
        List<String> words = new ArrayList<>();
        array.forEach(w -> words.add(w.asText()));
        return words;
    }

    private static Map<String, String> env(List<String> envs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String e : envs) {
            for (String pair : e.split("\\s+")) {
                int eq = pair.indexOf('=');
                assertTrue(eq > 0, "ENV key=value: " + pair);
                map.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return map;
    }

    private static List<String> arguments(List<Instruction> file, String keyword) {
        return file.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }

    private static int indexOf(List<Instruction> file, String keyword) {
        for (int i = 0; i < file.size(); i++) if (file.get(i).keyword().equals(keyword)) return i;
        throw new AssertionError("no " + keyword);
    }

    /** A unit file's sections, each key's values in order; fails on a line that is none of comment, section or key=value. */
    static Map<String, Map<String, List<String>>> unit(Path file) throws IOException {
        Map<String, Map<String, List<String>>> sections = new LinkedHashMap<>();
        Map<String, List<String>> section = null;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#") || t.startsWith(";")) continue;
            if (t.startsWith("[") && t.endsWith("]")) {
                section = new LinkedHashMap<>();
                assertTrue(sections.put(t.substring(1, t.length() - 1), section) == null, "section once: " + t);
                continue;
            }
            int eq = t.indexOf('=');
            assertTrue(section != null && eq > 0 && t.substring(0, eq).matches("[A-Za-z][A-Za-z0-9]*"), "a key=value in a section: " + t);
            section.computeIfAbsent(t.substring(0, eq), k -> new ArrayList<>()).add(t.substring(eq + 1));
        }
        return sections;
    }

    private static String one(Map<String, List<String>> section, String key) {
        List<String> values = section.get(key);
        assertTrue(values != null && values.size() == 1, key + " set once: " + values);
        return values.get(0);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) return true;
        }
        return false;
    }

    private static String[] run(List<String> command, int seconds) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " took longer than " + seconds + " s");
        }
        return new String[] {Integer.toString(p.exitValue()), new String(out, StandardCharsets.UTF_8)};
    }
}
