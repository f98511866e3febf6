package id.rapor.records.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What a file is, from its content alone: the few kinds evidence may be. The name and the
 * Content-Type the client sent are never believed (an .exe renamed .pdf stays an .exe). A few
 * magic bytes decide PDF, PNG and JPEG; a zip is an office document only if its entries say so
 * ({@code [Content_Types].xml} and {@code word/}, {@code xl/} or {@code ppt/} for Office Open XML;
 * a first {@code mimetype} entry of an OpenDocument type), and never one with macros. Everything
 * else — executables, scripts, HTML, SVG, other archives — is refused. Apache Tika would know
 * hundreds of types; these few checks are all evidence needs, and small enough to read.
 */
public final class EvidenceTypes {
    public static final String PDF = "application/pdf";
    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    private static final Map<String, String> OPEN_DOCUMENT = Map.of(
            "application/vnd.oasis.opendocument.text", "odt",
            "application/vnd.oasis.opendocument.spreadsheet", "ods",
            "application/vnd.oasis.opendocument.presentation", "odp");
    /** What the refusal lists. */
    public static final String ALLOWED = "PDF, PNG, JPEG, Word/Excel/PowerPoint (.docx, .xlsx, .pptx) or OpenDocument (.odt, .ods, .odp)";

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private EvidenceTypes() {}

    /** The media type of the file's content, if it is one evidence may be. */
    public static Optional<String> detect(Path file) throws IOException {
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        byte[] start = Arrays.copyOf(head, n);
        if (startsWith(start, PDF_MAGIC)) return Optional.of(PDF);
        if (startsWith(start, PNG_MAGIC)) return Optional.of(PNG);
        if (startsWith(start, JPEG_MAGIC)) return Optional.of(JPEG);
        if (startsWith(start, ZIP_MAGIC)) return office(file);
        return Optional.empty();
    }

    /** An Office Open XML or OpenDocument file, by the entries of the zip; a damaged zip is none. */
    private static Optional<String> office(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry mimetype = zip.getEntry("mimetype");
            if (mimetype != null && mimetype.getSize() < 100) {
                String type;
                try (InputStream in = zip.getInputStream(mimetype)) {
                    type = new String(in.readNBytes(100), StandardCharsets.US_ASCII).trim();
                }
                if (OPEN_DOCUMENT.containsKey(type) && !hasMacros(zip)) return Optional.of(type);
                return Optional.empty();
            }
            if (zip.getEntry("[Content_Types].xml") == null || hasMacros(zip)) return Optional.empty();
            if (zip.getEntry("word/document.xml") != null) return Optional.of(DOCX);
            if (zip.getEntry("xl/workbook.xml") != null) return Optional.of(XLSX);
            if (zip.getEntry("ppt/presentation.xml") != null) return Optional.of(PPTX);
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A VBA project (Office) or Basic scripts (OpenDocument): code that runs when the document opens. */
    private static boolean hasMacros(ZipFile zip) {
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            String name = e.nextElement().getName().toLowerCase(java.util.Locale.ROOT);
            if (name.endsWith("vbaproject.bin") || name.startsWith("basic/") || name.startsWith("scripts/")) return true;
        }
        return false;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
