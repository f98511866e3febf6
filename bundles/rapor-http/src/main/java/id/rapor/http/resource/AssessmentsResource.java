package id.rapor.http.resource;

import id.rapor.api.text.Message;
import id.rapor.api.FieldError;
import id.rapor.api.model.MethodologySummary;
import id.rapor.api.records.AssessmentEntry;
import id.rapor.api.records.AssessmentRecord;
import id.rapor.api.records.AssessmentRecords;
import id.rapor.api.records.OfficialAssessment;
import id.rapor.api.records.RecordNotFoundException;
import id.rapor.api.records.ScoreRecord;
import id.rapor.http.api.RequestBody;
import id.rapor.http.api.Routes;
import id.rapor.http.auth.Authenticator;
import id.rapor.http.json.HttpProblem;
import id.rapor.http.json.JsonResponses;
import id.rapor.http.json.RecordViews;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * Assessments entered for units, round by round. Each is scored when it is entered (and when a
 * draft changes) by the rules serving then, and keeps that score — pinned to the methodology's
 * version and revision — whatever changes later. A draft changes; submitted, then final, it
 * does not. See {@link RecordsAccess} for who may do what.
 */
public final class AssessmentsResource {
    private final Needed<AssessmentRecords> records;
    private final Needed<RecordsAccess> access;
    private final StoredScores scores;
    private final RecordBodies bodies;
    private final JsonResponses out;
    /** assessment.drafts.max: drafts a unit may hold of one round and role. */
    private final int maxDrafts;

    public AssessmentsResource(Needed<AssessmentRecords> records, Needed<RecordsAccess> access, StoredScores scores, RecordBodies bodies,
            JsonResponses out, int maxDrafts) {
        this.scores = scores;
        this.records = records;
        this.access = access;
        this.bodies = bodies;
        this.out = out;
        this.maxDrafts = maxDrafts;
    }

    /** POST /units/{id}/assessments */
    public void create(Routes.Exchange x) throws IOException, HttpProblem {
        String unit = x.path("id");
        RecordBodies.Entry entry = bodies.entry(x.body(RequestBody.JSON), unit);
        Authenticator.Caller caller = access.get().enter(x.request(), "assessment.create", entry.role(), unit);
        AssessmentEntry scored = score(entry, unit);
        AssessmentRecord created = UnitsResource.call(() -> records.get().create(scored, maxDrafts, UnitsResource.actor(x, caller)));
        x.response().setHeader("Location", "/api/v1/assessments/" + created.id());
        out.send(x.response(), 201, g -> RecordViews.assessment(g, created, null));
    }

    /** GET /units/{id}/assessments?year=…&family=… */
    public void list(Routes.Exchange x) throws IOException, HttpProblem {
        String unit = x.path("id");
        access.get().read(x.request(), "assessment.read", unit);
        Integer year = year(x.request().getParameter("year"));
        String family = blankToNull(x.request().getParameter("family"));
        List<AssessmentRecord> list = UnitsResource.call(() -> records.get().forUnit(unit, year, family));
        // Each round's official assessment, marked in the list: the list holds its rounds whole (year and family pick rounds).
        Set<Long> official = OfficialAssessment.ofEachRound(list);
        out.send(x.response(), 200, g -> RecordViews.assessments(g, list, official));
    }

    /** GET /units/{id}/official?year=…&family=…: the latest final assessment of the highest role. */
    public void official(Routes.Exchange x) throws IOException, HttpProblem {
        String unit = x.path("id");
        access.get().read(x.request(), "assessment.read", unit);
        Integer year = year(x.request().getParameter("year"));
        String family = blankToNull(x.request().getParameter("family"));
        if (year == null || family == null) {
            throw HttpProblem.of(400, "malformed-request", Message.of("records.official.round"),
                    List.of(FieldError.of(year == null ? "year" : "family", "records.csv.missing")));
        }
        var found = UnitsResource.call(() -> records.get().official(unit, year, family));
        if (found.isEmpty()) {
            throw HttpProblem.of(404, "no-official-score",
                    Message.of("problem.no-official-score.detail", unit, family, year), List.of());
        }
        out.send(x.response(), 200, g -> RecordViews.assessment(g, found.get(), true));
    }

    /** GET /assessments/{id} */
    public void assessment(Routes.Exchange x) throws IOException, HttpProblem {
        AssessmentRecord a = existing(records, x.path("id"));
        access.get().read(x.request(), "assessment.read", a.unitId());
        out.send(x.response(), 200, g -> RecordViews.assessment(g, a, null));
    }

    /** PUT /assessments/{id}: a draft's new answers (re-scored) and comment. */
    public void update(Routes.Exchange x) throws IOException, HttpProblem {
        AssessmentRecord before = existing(records, x.path("id"));
        Authenticator.Caller caller = access.get().enter(x.request(), "assessment.update", before.role(), before.unitId());
        RecordBodies.Entry entry = bodies.entry(x.body(RequestBody.JSON), before.unitId());
        AssessmentEntry scored = score(entry, before.unitId());
        AssessmentRecord changed = UnitsResource.call(() -> records.get().replaceDraft(before.id(), scored, UnitsResource.actor(x, caller)));
        out.send(x.response(), 200, g -> RecordViews.assessment(g, changed, null));
    }

    /** POST /assessments/{id}/submit */
    public void submit(Routes.Exchange x) throws IOException, HttpProblem {
        AssessmentRecord a = existing(records, x.path("id"));
        Authenticator.Caller caller = access.get().enter(x.request(), "assessment.submit", a.role(), a.unitId());
        AssessmentRecord moved = UnitsResource.call(() -> records.get().submit(a.id(), UnitsResource.actor(x, caller)));
        out.send(x.response(), 200, g -> RecordViews.assessment(g, moved, null));
    }

    /** POST /assessments/{id}/finalize */
    public void finalizeAssessment(Routes.Exchange x) throws IOException, HttpProblem {
        AssessmentRecord a = existing(records, x.path("id"));
        Authenticator.Caller caller = access.get().makeFinal(x.request(), "assessment.finalize", a.unitId());
        AssessmentRecord moved = UnitsResource.call(() -> records.get().makeFinal(a.id(), UnitsResource.actor(x, caller)));
        out.send(x.response(), 200, g -> RecordViews.assessment(g, moved, null));
    }

    /** The assessment a path segment names; 404 for one that is no id or no assessment's. */
    static AssessmentRecord existing(Needed<AssessmentRecords> records, String segment) throws HttpProblem {
        long id;
        try {
            id = Long.parseLong(segment);
        } catch (NumberFormatException e) {
            throw HttpProblem.notFound(Message.of("records.assessment.badId", segment));
        }
        return UnitsResource.call(() -> records.get().find(id).orElseThrow(() -> new RecordNotFoundException("assessment", segment)));
    }

    private AssessmentEntry score(RecordBodies.Entry e, String unit) throws IOException, HttpProblem {
        MethodologySummary methodology = scores.methodology(e.methodology(), e.family(), e.year());
        ScoreRecord score = scores.scored(methodology.id(), e.assessment());
        return new AssessmentEntry(unit, methodology.family(), e.year(), e.role(), bodies.input(e.assessment()), score, e.comment(),
                e.replaces());
    }

    /**
     * POST /assessments/{id}/rescore: its answers scored again by the rules serving now (the methodology
     * of its family for its year, and that methodology's active revision), as a new draft that names it;
     * the assessment itself keeps the score it was given. Who may enter it may re-score it.
     */
    public void rescore(Routes.Exchange x) throws IOException, HttpProblem {
        AssessmentRecord from = existing(records, x.path("id"));
        Authenticator.Caller caller = access.get().enter(x.request(), "assessment.rescore", from.role(), from.unitId());
        String methodologyId = scores.resolve(from.family(), from.year());
        ScoreRecord score = scores.scored(methodologyId, bodies.assessment(from.unitId(), from.input()));
        AssessmentRecord again = UnitsResource.call(() -> records.get().rescore(from.id(), score, maxDrafts, UnitsResource.actor(x, caller)));
        x.response().setHeader("Location", "/api/v1/assessments/" + again.id());
        out.send(x.response(), 201, g -> RecordViews.assessment(g, again, null));
    }

    static Integer year(String value) throws HttpProblem {
        if (value == null || value.isBlank()) return null;
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw HttpProblem.of(400, "malformed-request", Message.of("problem.malformed-request.detail.query"),
                    List.of(FieldError.of("year", "records.year.type", value)));
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
