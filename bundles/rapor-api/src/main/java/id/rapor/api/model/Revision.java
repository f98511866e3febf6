package id.rapor.api.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One change to a methodology's rule files, as policy staff made it. {@code files} holds every
 * file of the revision (the changed ones and those taken from the revision it was based on);
 * it is empty in listings. {@code hash} identifies the content (SHA-256 of the files).
 */
public record Revision(String methodologyId, int number, RevisionState state, String hash, String author, Instant time,
                       String comment, String baseVersion, Map<String, String> files, List<RuleError> errors) {

    /**
     * The version a score from this revision reports: the rule bundle version it was based on,
     * and the revision. Revision 0 is the rule bundles themselves.
     */
    public String version() {
        return number == 0 ? baseVersion : baseVersion + "+r" + number;
    }
}
