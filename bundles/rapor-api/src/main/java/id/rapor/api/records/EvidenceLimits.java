package id.rapor.api.records;

/**
 * How much evidence is accepted: how large one file may be ({@code maxBytes}), how many files one
 * assessment may carry ({@code maxFiles}), how many bytes all the assessments of one unit may carry
 * together ({@code unitMaxBytes}, each attachment counted, even where two share one content), and
 * the free space the evidence folder's disk keeps ({@code minFreeBytes}: an upload that would leave
 * less is refused, so the database beside it never finds the disk full).
 */
public record EvidenceLimits(long maxBytes, int maxFiles, long unitMaxBytes, long minFreeBytes) {
    public EvidenceLimits {
        if (maxBytes < 1 || maxFiles < 1 || unitMaxBytes < 1 || minFreeBytes < 0) throw new IllegalArgumentException("limits must be positive");
    }
}
