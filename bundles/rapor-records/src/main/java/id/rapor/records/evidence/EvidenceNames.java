package id.rapor.records.evidence;

import java.util.Optional;

/**
 * A file name as sent, made fit to show and to name the file in a URL: the last part of a path
 * only, without control or formatting characters (a right-to-left override could make
 * "cod.exe" read "exe.doc"), without the characters Windows forbids, no leading dots, at most
 * {@link #MAX} characters. It names the evidence only; the file on disk is named by its SHA-256.
 */
final class EvidenceNames {
    static final int MAX = 200;
    private static final String FORBIDDEN = "<>:\"|?*/\\";

    private EvidenceNames() {}

    /** The cleaned name, or empty if nothing of it is left. */
    static Optional<String> clean(String sent) {
        if (sent == null) return Optional.empty();
        String name = sent;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        if (slash >= 0) name = name.substring(slash + 1);
        StringBuilder out = new StringBuilder();
        name.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (Character.isISOControl(c) || type == Character.FORMAT || type == Character.SURROGATE || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE) return;
            out.appendCodePoint(FORBIDDEN.indexOf(c) >= 0 ? '_' : Character.isWhitespace(c) ? ' ' : c);
        });
        String cleaned = out.toString().strip().replaceAll("^[.\\s]+", "").replaceAll("[.\\s]+$", "");
        if (cleaned.codePointCount(0, cleaned.length()) > MAX) cleaned = cleaned.substring(0, cleaned.offsetByCodePoints(0, MAX)).strip();
        return cleaned.isEmpty() ? Optional.empty() : Optional.of(cleaned);
    }
}
