package id.rapor.http.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.rapor.api.MethodologyUnavailableException;
import id.rapor.api.RevisionStoreException;
import id.rapor.api.model.RuleError;
import java.util.List;
import org.junit.jupiter.api.Test;

public class ProblemsTest {
    @Test
    void aMethodologyStillCompilingIsATemporaryRefusalWithRetryAfter() {
        HttpProblem p = Problems.unavailable("pekppp-2022", MethodologyUnavailableException.compiling("pekppp-2022"));
        assertEquals(503, p.status());
        assertEquals("urn:rapor:problem:methodology-compiling", p.type());
        assertEquals(1, p.retryAfterSeconds());
        assertTrue(p.detail().contains("'pekppp-2022'"), p.detail());
        assertEquals(List.of(), p.errors());
    }

    @Test
    void rejectedRulesAreNotRetriedAndNameTheFileAndLine() {
        HttpProblem p = Problems.unavailable("pekppp-2022", new MethodologyUnavailableException("pekppp-2022",
                List.of(new RuleError("methodology/bands.csv", 4, 0, "bands overlap"))));
        assertEquals(503, p.status());
        assertEquals("urn:rapor:problem:methodology-unavailable", p.type());
        assertEquals(0, p.retryAfterSeconds());
        assertEquals("methodology/bands.csv:4", p.errors().get(0).field());
    }

    @Test
    void aLongListOfErrorsIsCutWithACount() {
        java.util.List<id.rapor.api.FieldError> errors = new java.util.ArrayList<>();
        for (int k = 0; k < 5_000; k++) errors.add(new id.rapor.api.FieldError("answers.x" + k, "unknown indicator"));
        HttpProblem p = Problems.invalidAssessment(errors);
        assertEquals(Problems.MAX_ERRORS + 1, p.errors().size());
        assertEquals("and 4900 more errors, not listed", p.errors().get(Problems.MAX_ERRORS).message());
    }

    @Test
    void theSharedRevisionStoreAwayIsATemporaryRefusalNeverA500() {
        HttpProblem away = Problems.revisionStore(new RevisionStoreException("connection refused", false, null));
        assertEquals(503, away.status());
        assertEquals("urn:rapor:problem:revision-store-unavailable", away.type());
        assertTrue(away.retryAfterSeconds() > 0, "with Retry-After");
    }

    @Test
    void anotherNodesChangeInTheWayIsAConflict() {
        HttpProblem conflict = Problems.revisionStore(new RevisionStoreException("revision 42 of toy is not stored", true, null));
        assertEquals(409, conflict.status());
        assertEquals("urn:rapor:problem:revision-conflict", conflict.type());
        assertEquals(0, conflict.retryAfterSeconds());
    }
}
