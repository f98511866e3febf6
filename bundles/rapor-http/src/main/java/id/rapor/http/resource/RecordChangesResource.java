package id.rapor.http.resource;

import id.rapor.api.FieldError;
import id.rapor.api.records.RecordChange;
import id.rapor.api.records.RecordChanges;
import id.rapor.api.text.Message;
import id.rapor.http.api.Routes;
import id.rapor.http.json.HttpProblem;
import id.rapor.http.json.JsonResponses;
import id.rapor.http.json.RecordViews;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;

/**
 * GET /records/audit?unit=|assessment=&amp;limit=&amp;before=: the records' audit trail (every
 * change to a unit, an assessment or its evidence: who, when, from where, what), newest first,
 * a page at a time (see {@link AuditPage}). It names every unit and user, so it is the admin's.
 */
public final class RecordChangesResource {
    private final Needed<RecordChanges> changes;
    private final Needed<RecordsAccess> access;
    private final JsonResponses out;

    public RecordChangesResource(Needed<RecordChanges> changes, Needed<RecordsAccess> access, JsonResponses out) {
        this.changes = changes;
        this.access = access;
        this.out = out;
    }

    /** GET /records/audit */
    public void page(Routes.Exchange x) throws IOException, HttpProblem {
        HttpServletRequest request = x.request();
        access.get().manageUnits(request, "records.audit.read");
        String unit = blankToNull(request.getParameter("unit"));
        String assessment = blankToNull(request.getParameter("assessment"));
        String subject = subject(unit, assessment);
        AuditPage page = AuditPage.of(request);
        List<RecordChange> fetched = UnitsResource.call(() -> changes.get().page(subject, page.before(), page.fetch()));
        List<RecordChange> entries = page.entries(fetched, RecordChange::id, x.response(), "/api/v1/records/audit",
                "unit", unit, "assessment", assessment);
        out.send(x.response(), 200, g -> RecordViews.changes(g, entries));
    }

    /** The trail's subject: {@code unit:<id>} or {@code assessment:<id>}, one of them or none. */
    private static String subject(String unit, String assessment) throws HttpProblem {
        if (unit != null && assessment != null) {
            throw HttpProblem.of(400, "malformed-request", Message.of("problem.malformed-request.detail.query"),
                    List.of(FieldError.of("assessment", "query.unitOrAssessment")));
        }
        if (assessment != null) {
            try {
                return "assessment:" + Long.parseLong(assessment);
            } catch (NumberFormatException e) {
                throw HttpProblem.of(400, "malformed-request", Message.of("problem.malformed-request.detail.query"),
                        List.of(FieldError.of("assessment", "query.whole", 1, Long.MAX_VALUE, assessment)));
            }
        }
        return unit == null ? null : "unit:" + unit;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
