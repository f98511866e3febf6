package id.rapor.api.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One change to a methodology's rule files, as policy staff made it. {@code files} holds every
 * file of the revision (the changed ones and those taken from the revision it was based on);
 * it is empty in listings. {@code hash} identifies the content (SHA-256 of the files).
 * {@code goldenChanges}: for a revision rejected only because its tables moved golden cases'
 * expected numbers, what they expect and what the revision gives (else empty).
 * {@code approvedBy}/{@code approvedAt}: the second policy user who approved it (null: nobody yet).
 */
public record Revision(String methodologyId, int number, RevisionState state, String hash, String author, Instant time,
                       String comment, String baseVersion, Map<String, String> files, List<RuleError> errors,
                       List<GoldenChange> goldenChanges, String approvedBy, Instant approvedAt) {

    public Revision {
        goldenChanges = goldenChanges == null ? List.of() : List.copyOf(goldenChanges);
    }

    /** A revision nobody approved, whose golden cases are not in question. */
    public Revision(String methodologyId, int number, RevisionState state, String hash, String author, Instant time,
                    String comment, String baseVersion, Map<String, String> files, List<RuleError> errors) {
        this(methodologyId, number, state, hash, author, time, comment, baseVersion, files, errors, List.of(), null, null);
    }

    /**
     * The version a score from this revision reports: the rule bundle version it was based on,
     * and the revision. Revision 0 is the rule bundles themselves.
     */
    public String version() {
        return number == 0 ? baseVersion : baseVersion + "+r" + number;
    }
}
