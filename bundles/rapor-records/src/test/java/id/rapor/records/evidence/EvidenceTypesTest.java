package id.rapor.records.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kind of a file from its content only, and the names it is shown by. */
class EvidenceTypesTest {
    @TempDir Path dir;

    @Test
    void theAllowedKindsAreKnownByTheirContent() throws IOException {
        assertEquals(Optional.of("application/pdf"), type("%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(Optional.of("image/png"), type(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13}));
        assertEquals(Optional.of("image/jpeg"), type(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F'}));
        assertEquals(Optional.of(EvidenceTypes.DOCX), type(zip("[Content_Types].xml", "word/document.xml")));
        assertEquals(Optional.of(EvidenceTypes.XLSX), type(zip("[Content_Types].xml", "xl/workbook.xml")));
        assertEquals(Optional.of(EvidenceTypes.PPTX), type(zip("[Content_Types].xml", "ppt/presentation.xml")));
        assertEquals(Optional.of("application/vnd.oasis.opendocument.text"), type(odf("application/vnd.oasis.opendocument.text")));
    }

    @Test
    void everythingElseIsRefusedWhateverItIsCalled() throws IOException {
        assertEquals(Optional.empty(), type(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0}), "an ELF executable");
        assertEquals(Optional.empty(), type("MZ\u0090\u0000\u0003".getBytes(StandardCharsets.ISO_8859_1)), "a Windows executable");
        assertEquals(Optional.empty(), type("#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.US_ASCII)), "a shell script");
        assertEquals(Optional.empty(), type("<!DOCTYPE html><script>alert(1)</script>".getBytes(StandardCharsets.US_ASCII)), "HTML");
        assertEquals(Optional.empty(), type("<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>".getBytes(StandardCharsets.US_ASCII)), "SVG");
        assertEquals(Optional.empty(), type(" %PDF-1.7".getBytes(StandardCharsets.US_ASCII)), "the magic must be at the start");
        assertEquals(Optional.empty(), type(new byte[0]), "empty");
        assertEquals(Optional.empty(), type(zip("payload.exe")), "a plain zip");
        assertEquals(Optional.empty(), type(zip("[Content_Types].xml", "word/document.xml", "word/vbaProject.bin")), "a document with macros");
        assertEquals(Optional.empty(), type(odf("application/x-shellscript")), "an OpenDocument-looking zip of another type");
        assertEquals(Optional.empty(), type(new byte[] {'P', 'K', 3, 4, 1, 2, 3}), "a broken zip");
    }

    @Test
    void aNameIsShownWithoutItsPathAndWithoutTricks() {
        assertEquals(Optional.of("passwd"), EvidenceNames.clean("../../etc/passwd"));
        assertEquals(Optional.of("laporan 2024.pdf"), EvidenceNames.clean("C:\\Users\\opd\\laporan 2024.pdf"));
        assertEquals(Optional.of("laporanfdp.exe"), EvidenceNames.clean("laporan\u202Efdp.exe"), "no right-to-left override");
        assertEquals(Optional.of("htaccess"), EvidenceNames.clean(".htaccess"));
        assertEquals(Optional.of("a_b_.pdf"), EvidenceNames.clean("a<b>.pdf\u0000"));
        assertEquals(Optional.of("Surat Keputusan Bupati.pdf"), EvidenceNames.clean("Surat Keputusan Bupati.pdf"));
        assertEquals(Optional.empty(), EvidenceNames.clean(" ... "));
        assertEquals(Optional.empty(), EvidenceNames.clean(null));
        assertEquals(EvidenceNames.MAX, EvidenceNames.clean("x".repeat(500)).orElseThrow().length());
    }

    private Optional<String> type(byte[] content) throws IOException {
        Path file = Files.write(dir.resolve("f" + System.nanoTime()), content);
        return EvidenceTypes.detect(file);
    }

    static byte[] zip(String... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String e : entries) {
                zip.putNextEntry(new ZipEntry(e));
                zip.write("<x/>".getBytes(StandardCharsets.US_ASCII));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] odf(String mimetype) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("mimetype"));
            zip.write(mimetype.getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write("<x/>".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
