package id.rapor.api.report;

import java.util.Arrays;
import java.util.Optional;

/** What a report is written as: a PDF to read and print, or an Excel workbook to work on. */
public enum ReportFormat {
    PDF("pdf", "application/pdf"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final String wire;
    private final String mediaType;

    ReportFormat(String wire, String mediaType) {
        this.wire = wire;
        this.mediaType = mediaType;
    }

    /** The name in a query ({@code format=pdf}) and the file's extension. */
    public String wire() { return wire; }

    public String mediaType() { return mediaType; }

    public static Optional<ReportFormat> of(String wire) {
        return Arrays.stream(values()).filter(f -> f.wire.equals(wire)).findFirst();
    }
}
