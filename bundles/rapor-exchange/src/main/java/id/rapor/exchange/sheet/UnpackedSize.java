package id.rapor.exchange.sheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

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
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (++entries > MAX_ENTRIES) throw tooLarge(maxBytes);
                for (int n; (n = in.read(buffer)) > 0; ) {
                    total += n;
                    if (total > maxBytes) throw tooLarge(maxBytes);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
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
