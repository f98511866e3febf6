package id.rapor.web.serve;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The application's files, read from this bundle: the pages, scripts and styles under
 * {@code id/rapor/web/app/}, and the libraries a WebJar brings under {@code META-INF/resources/webjars/}
 * (served at {@code /webjars/…}). Only names with a known type are served, never a folder, and
 * never a path with a {@code ..} or {@code \} segment. Read once and kept: they never change while
 * the bundle runs.
 */
final class WebFiles {
    /** A file as it is sent: its bytes, type and entity tag (SHA-256 of the bytes). */
    record File(byte[] bytes, String type, String etag, boolean versioned) {}

    static final String APP = "id/rapor/web/app/";
    static final String WEBJARS = "META-INF/resources/webjars/";

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html;charset=utf-8",
            "js", "text/javascript;charset=utf-8",
            "css", "text/css;charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "json", "application/json",
            "txt", "text/plain;charset=utf-8",
            "csv", "text/csv;charset=utf-8");

    private final ClassLoader loader;
    private final Map<String, File> read = new ConcurrentHashMap<>();

    WebFiles(ClassLoader loader) {
        this.loader = loader;
    }

    /** The file at {@code path} (as requested, starting with /), or null if there is none to serve. */
    File find(String path) throws IOException {
        if (path == null || path.isEmpty() || path.equals("/")) path = "/index.html";
        if (path.contains("\\") || path.contains("/../") || path.endsWith("/..") || path.contains("/./") || path.contains("//")) return null;
        String type = TYPES.get(extension(path));
        if (type == null) return null;
        boolean webjar = path.startsWith("/webjars/");
        String resource = webjar ? WEBJARS + path.substring("/webjars/".length()) : APP + path.substring(1);
        File known = read.get(resource);
        if (known != null) return known;
        URL url = loader.getResource(resource);
        if (url == null) return null;
        byte[] bytes;
        try (InputStream in = url.openStream()) {
            bytes = in.readAllBytes();
        }
        File file = new File(bytes, type, "\"" + sha256(bytes) + "\"", webjar);
        read.put(resource, file);
        return file;
    }

    /** The type of a name with no extension of those served, for LICENSE and NOTICE files of WebJars. */
    private static String extension(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.equals("LICENSE") || name.equals("NOTICE")) return "txt";
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
