package id.rapor.api.records;

/** How large one evidence file may be, and how many files one assessment may carry. */
public record EvidenceLimits(long maxBytes, int maxFiles) {
    public EvidenceLimits {
        if (maxBytes < 1 || maxFiles < 1) throw new IllegalArgumentException("limits must be positive");
    }
}
