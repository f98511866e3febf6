package id.rapor.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule change under load: scoring threads run while (1) a rule bundle with band C moved is
 * moved into deploy/ and (2) a revision moving it back is activated through the API. For
 * each: the time from the change landing to the first answer from the new version, failed
 * answers, and mixed answers (a version paired with the other version's band).
 */
final class HotSwap {
    private static final Pattern VERSION = Pattern.compile("\"version\":\"([^\"]+)\"");
    private static final Pattern BAND = Pattern.compile("\"band\":\\{\"code\":\"([^\"]+)\"");

    private final RaporProcess rapor;
    private final String body;
    private final HttpClient http = HttpClient.newHttpClient();

    HotSwap(RaporProcess rapor, String body) {
        this.rapor = rapor;
        this.body = body;
    }

    List<Figure> measure() throws Exception {
        List<Figure> figures = new ArrayList<>();
        Path shipped = rapor.home.resolve("rules/pekppp-2022.jar");
        Map<String, String> moved = moveBandC(read(shipped));
        figures.addAll(run("a moved band dropped into deploy/ (FileInstall polls every 100 ms)", "2022.9.0",
                Map.of("2022.1.0", "C", "2022.9.0", "C-"), () -> deploy(moved, "2022.9.0")));

        String auth = rapor.user("bench", "benchmark-password", "policy");
        Map<String, String> original = read(shipped);
        String proposal = "{\"comment\":\"band C back from 2.51\",\"files\":{\"methodology/bands.csv\":" + quote(original.get("methodology/bands.csv"))
                + ",\"methodology/golden-cases.csv\":" + quote(original.get("methodology/golden-cases.csv")) + "}}";
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(rapor.url("/api/v1/methodologies/pekppp-2022/revisions")))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(proposal)).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201 || !created.body().contains("DRAFT")) throw new IllegalStateException(created.body());
        figures.addAll(run("a revision activated through the API", "2022.9.0+r1", Map.of("2022.9.0", "C-", "2022.9.0+r1", "C"), () ->
                http.send(HttpRequest.newBuilder(URI.create(rapor.url("/api/v1/methodologies/pekppp-2022/revisions/1/activate")))
                        .header("Authorization", auth).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding())));
        return figures;
    }

    interface Change {
        void land() throws Exception;
    }

    private List<Figure> run(String what, String newVersion, Map<String, String> bandOf, Change change) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong requests = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong mixed = new AtomicLong();
        AtomicLong firstNew = new AtomicLong(Long.MAX_VALUE);
        Map<String, Boolean> seen = new ConcurrentHashMap<>();
        HttpRequest score = HttpRequest.newBuilder(URI.create(rapor.url("/api/v1/methodologies/pekppp-2022/score")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                while (running.get()) {
                    try {
                        HttpResponse<String> r = http.send(score, HttpResponse.BodyHandlers.ofString());
                        long at = System.nanoTime();
                        requests.incrementAndGet();
                        if (r.statusCode() != 200) { failed.incrementAndGet(); continue; }
                        String version = group(VERSION, r.body());
                        String band = group(BAND, r.body());
                        seen.put(version, true);
                        if (!band.equals(bandOf.get(version))) mixed.incrementAndGet();
                        if (version.equals(newVersion)) firstNew.accumulateAndGet(at, Math::min);
                    } catch (IOException | InterruptedException e) {
                        failed.incrementAndGet();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        Thread.sleep(1000);
        long landed = System.nanoTime();
        change.land();
        long deadline = landed + 30_000_000_000L;
        while (firstNew.get() == Long.MAX_VALUE && System.nanoTime() < deadline) Thread.sleep(5);
        Thread.sleep(1000);
        running.set(false);
        for (Thread t : threads) t.join();
        String section = "Rule change under load";
        double visible = firstNew.get() == Long.MAX_VALUE ? Double.NaN : (firstNew.get() - landed) / 1e6;
        return List.of(
                Figure.against(section, what + ": new version visible after", visible, "ms", "≤ 1,000 ms", visible <= 1000),
                Figure.against(section, what + ": failed answers", failed.get(), "of " + requests.get(), "0", failed.get() == 0),
                Figure.against(section, what + ": mixed answers", mixed.get(), "of " + requests.get(), "0", mixed.get() == 0));
    }

    private void deploy(Map<String, String> files, String version) throws IOException {
        Path temp = rapor.home.resolve("pekppp-2022-moved.jar.tmp");
        Manifest m = new Manifest();
        try (JarInputStream in = new JarInputStream(Files.newInputStream(rapor.home.resolve("rules/pekppp-2022.jar")))) {
            m = new Manifest(in.getManifest());
        }
        m.getMainAttributes().put(new Attributes.Name("Bundle-Version"), version);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(temp), m)) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                out.putNextEntry(new JarEntry(f.getKey()));
                out.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        Files.move(temp, rapor.home.resolve("deploy/pekppp-2022-moved.jar"), StandardCopyOption.ATOMIC_MOVE);
    }

    static Map<String, String> read(Path jar) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (JarInputStream in = new JarInputStream(Files.newInputStream(jar))) {
            for (JarEntry e; (e = in.getNextJarEntry()) != null; ) {
                if (!e.isDirectory()) files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    /** Band C from 2.98 (C- to 2.97), and the golden cases that said C below 2.98 with it. */
    static Map<String, String> moveBandC(Map<String, String> files) {
        Map<String, String> out = new LinkedHashMap<>(files);
        out.put("methodology/bands.csv", files.get("methodology/bands.csv").replace("C,Cukup,2.51,3.00", "C,Cukup,2.98,3.00")
                .replace("C-,Cukup dengan Catatan,2.01,2.50", "C-,Cukup dengan Catatan,2.01,2.97"));
        out.put("methodology/golden-cases.csv", files.get("methodology/golden-cases.csv")
                .replace(",2.51,C,", ",2.51,C-,").replace(",2.96,C,", ",2.96,C-,").replace(",2.97,C,", ",2.97,C-,"));
        return out;
    }

    private static String group(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group(1) : "";
    }

    static String quote(String text) {
        StringBuilder s = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> s.append(c);
            }
        }
        return s.append('"').toString();
    }
}
