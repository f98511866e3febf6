package id.rapor.http.resource;

import id.rapor.http.auth.Guard;
import id.rapor.http.json.Audience;
import id.rapor.http.json.HttpProblem;
import id.rapor.http.json.JsonResponses;
import id.rapor.http.json.JsonViews;
import id.rapor.http.json.Problems;
import id.rapor.http.api.RequestBody;
import id.rapor.http.api.Routes;

import id.rapor.api.FieldError;
import id.rapor.api.InvalidAssessmentException;
import id.rapor.api.MethodologyUnavailableException;
import id.rapor.api.RuleRevisions;
import id.rapor.api.ScoringService;
import id.rapor.api.UnknownMethodologyException;
import id.rapor.api.UnknownRevisionException;
import id.rapor.api.UnknownYearException;
import id.rapor.api.model.Assessment;
import id.rapor.api.model.RegionResult;
import id.rapor.api.model.RevisionState;
import id.rapor.api.model.UnitOutcome;
import id.rapor.api.text.Message;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The evaluators' and integrators' side of the API: methodologies, their questionnaires, and
 * scoring one unit or a region, by id or by family and year.
 */
public final class ScoringResource {
    private final ScoringService scoring;
    private final RuleRevisions revisions;
    private final AssessmentReader assessments;
    private final JsonResponses out;
    private final Guard guard;
    private final boolean scoringProtected;
    private final BatchSlots batches;

    public ScoringResource(ScoringService scoring, RuleRevisions revisions, AssessmentReader assessments, JsonResponses out, Guard guard,
                    boolean scoringProtected, BatchSlots batches) {
        this.scoring = scoring;
        this.revisions = revisions;
        this.assessments = assessments;
        this.out = out;
        this.guard = guard;
        this.scoringProtected = scoringProtected;
        this.batches = batches;
    }

    /** POST /methodologies/{id}/score */
    public void score(Routes.Exchange x) throws IOException, HttpProblem {
        String id = x.path("id");
        mayScore(x.request(), id);
        score(x, id);
    }

    /** POST /score?family=…&year=… */
    public void scoreByYear(Routes.Exchange x) throws IOException, HttpProblem {
        mayScore(x.request(), null);
        score(x, resolve(x.request()));
    }

    /** POST /methodologies/{id}/score/batch */
    public void batch(Routes.Exchange x) throws IOException, HttpProblem {
        String id = x.path("id");
        mayScore(x.request(), id);
        region(x, id);
    }

    /** POST /score/batch?family=…&year=… */
    public void batchByYear(Routes.Exchange x) throws IOException, HttpProblem {
        mayScore(x.request(), null);
        region(x, resolve(x.request()));
    }

    /** Where scoring is protected, only evaluators score. */
    void mayScore(HttpServletRequest request, String id) throws HttpProblem {
        if (scoringProtected) guard.require(request, "evaluator", "score", id, null);
    }

    /** GET /methodologies[?family=…[&year=…]] */
    public void list(Routes.Exchange x) throws IOException, HttpProblem {
        list(x.request(), x.response());
    }

    /** GET /methodologies/{id}: the questionnaire. */
    public void methodology(Routes.Exchange x) throws IOException, HttpProblem {
        methodology(x.response(), x.path("id"));
    }

    private void list(HttpServletRequest request, HttpServletResponse response) throws IOException, HttpProblem {
        var all = scoring.methodologies();
        String family = request.getParameter("family");
        // ?family=… alone lists that family's methodologies; with &year=… it resolves to one.
        String resolved = request.getParameter("year") == null ? null : resolve(request);
        var chosen = all.stream()
                .filter(m -> resolved != null ? m.id().equals(resolved) : family == null || family.equals(m.family()))
                .toList();
        out.send(response, 200, g -> JsonViews.summaries(g, chosen));
    }

    /** The methodology id that ?family=…&year=… name. */
    String resolve(HttpServletRequest request) throws HttpProblem {
        String family = request.getParameter("family");
        String year = request.getParameter("year");
        if (family == null || family.isBlank() || year == null) {
            throw HttpProblem.of(400, "malformed-request", Message.of("problem.malformed-request.detail.familyAndYear"),
                    List.of(FieldError.of(family == null || family.isBlank() ? "family" : "year", "query.familyAndYear")));
        }
        int y;
        try {
            y = Integer.parseInt(year.trim());
        } catch (NumberFormatException e) {
            throw HttpProblem.of(400, "malformed-request", Message.of("problem.malformed-request.detail.year"),
                    List.of(FieldError.of("year", "query.year", year)));
        }
        try {
            return scoring.resolve(family, y);
        } catch (UnknownYearException e) {
            throw Problems.unknownYear(family, y, e);
        }
    }

    private void methodology(HttpServletResponse response, String id) throws IOException, HttpProblem {
        try {
            var m = scoring.methodology(id);
            out.send(response, 200, g -> JsonViews.methodology(g, m));
        } catch (UnknownMethodologyException e) {
            throw Problems.unknownMethodology(e);
        } catch (MethodologyUnavailableException e) {
            throw Problems.unavailable(id, e);
        }
    }

    private void score(Routes.Exchange x, String id) throws IOException, HttpProblem {
        HttpServletRequest request = x.request();
        HttpServletResponse response = x.response();
        // The body first: the parameters are read only once it is in (as ?revision= always was).
        Assessment assessment = assessments.read(x.body(RequestBody.JSON));
        Audience audience = Audience.of(request);
        String pinned = request.getParameter("revision");
        try {
            if (pinned != null) mayScoreWith(request, id, RevisionsResource.number(pinned));
            var result = pinned == null ? scoring.score(id, assessment) : revisions.score(id, RevisionsResource.number(pinned), assessment);
            out.send(response, 200, g -> JsonViews.score(g, result, audience));
        } catch (UnknownRevisionException | UnknownMethodologyException | MethodologyUnavailableException | InvalidAssessmentException e) {
            throw ScoringRefusals.problem(id, e);
        }
    }

    /**
     * Only the active revision scores for anyone scoring is open to. A draft is not yet the rules
     * anyone is scored by: only policy staff may try it. A superseded one (or one that does not
     * exist) needs a login of any role; a rejected one never scores, but who may not even ask is
     * not told so.
     */
    void mayScoreWith(HttpServletRequest request, String id, int number) throws HttpProblem, UnknownMethodologyException {
        RevisionState state;
        try {
            state = revisions.revision(id, number).state();
        } catch (UnknownRevisionException e) {
            state = null;
        }
        if (state == RevisionState.DRAFT) guard.require(request, "policy", "score.draft", id, number);
        else if (state != RevisionState.ACTIVE) guard.require(request, null, "score.revision", id, number);
    }

    private void region(Routes.Exchange x, String id) throws IOException, HttpProblem {
        HttpServletRequest request = x.request();
        HttpServletResponse response = x.response();
        AssessmentReader.Region region = assessments.readRegion(x.body(RequestBody.JSON));
        Audience audience = Audience.of(request);
        List<Assessment> valid = new ArrayList<>();
        for (AssessmentReader.UnitInput u : region.units()) if (u.errors().isEmpty()) valid.add(u.assessment());
        // The slot is taken once the body is in, so a client that sends slowly holds no slot; it is held
        // until the answer is written, as long as the results it holds are in the heap.
        try (BatchSlots.Slot slot = batches.take()) {
            RegionResult result = scoring.scoreRegion(id, region.region(), valid, region.atOrBelow());
            // Units that could not even be read keep their place in the answer, with their errors; every
            // unit's errors name the field by its path in the request (units[3].answers.i05).
            List<UnitOutcome> all = new ArrayList<>(region.units().size());
            var scored = result.units().iterator();
            for (AssessmentReader.UnitInput u : region.units()) {
                if (!u.errors().isEmpty()) {
                    all.add(new UnitOutcome(u.name(), null, u.errors()));
                    continue;
                }
                UnitOutcome o = scored.next();
                String prefix = "units[" + all.size() + "].";
                all.add(o.errors().isEmpty() ? o : new UnitOutcome(o.unit(), null,
                        o.errors().stream().map(e -> new FieldError(prefix + e.field(), e.text())).toList()));
            }
            out.send(response, 200, g -> JsonViews.region(g, result, all, audience));
        } catch (UnknownMethodologyException | MethodologyUnavailableException | InvalidAssessmentException e) {
            throw ScoringRefusals.problem(id, e);
        }
    }
}
