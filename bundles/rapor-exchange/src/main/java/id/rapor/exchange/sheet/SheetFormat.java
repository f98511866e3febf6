package id.rapor.exchange.sheet;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of sheet file Rapor reads and writes, by media type and file extension. */
public enum SheetFormat {
    CSV("text/csv", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String mediaType;
    private final String extension;

    SheetFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() { return mediaType; }

    /** "csv" or "xlsx": the file extension, and the name of the format in a query ({@code format=xlsx}). */
    public String extension() { return extension; }

    /** The format of a media type (without parameters) or an extension, in any case. */
    public static Optional<SheetFormat> of(String typeOrExtension) {
        if (typeOrExtension == null) return Optional.empty();
        String s = typeOrExtension.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.mediaType.equals(s) || f.extension.equals(s)).findFirst();
    }
}
