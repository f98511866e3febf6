package id.rapor.exchange.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * A workbook is a zip: a few kilobytes may unpack to gigabytes (a zip bomb). Before a workbook is
 * opened, its entries are inflated once and counted — the bytes that really come out, not the
 * sizes the entries claim — and a workbook that unpacks to more than its limit is refused.
 */
final class UnpackedSize {
    /** A workbook has a few dozen parts; thousands are no spreadsheet's. */
    static final int MAX_ENTRIES = 10_000;

    private UnpackedSize() {}

    static void check(byte[] zip, long maxBytes) {
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        // The central directory, as the workbook reader reads it (entries with data descriptors included).
        try (ZipFile file = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(zip)).get()) {
            for (Enumeration<ZipArchiveEntry> all = file.getEntries(); all.hasMoreElements(); ) {
                ZipArchiveEntry e = all.nextElement();
                if (++entries > MAX_ENTRIES) throw tooLarge(maxBytes);
                try (InputStream in = file.getInputStream(e)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        total += n;
                        if (total > maxBytes) throw tooLarge(maxBytes);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof SheetException refused) throw refused;
            throw notAWorkbook();
        }
        if (entries == 0) throw notAWorkbook();
    }

    static SheetException notAWorkbook() {
        return new SheetException("not-a-workbook", "not an Excel workbook (.xlsx)");
    }

    private static SheetException tooLarge(long maxBytes) {
        return new SheetException("unpacked-too-large", "the workbook unpacks to more than " + maxBytes + " bytes", maxBytes);
    }
}
