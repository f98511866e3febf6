package id.rapor.http.resource;

import id.rapor.api.InvalidAssessmentException;
import id.rapor.api.MethodologyUnavailableException;
import id.rapor.api.ScoringService;
import id.rapor.api.UnknownMethodologyException;
import id.rapor.api.UnknownRevisionException;
import id.rapor.api.UnknownYearException;
import id.rapor.api.advice.AdviceRefusedException;
import id.rapor.api.advice.Comparison;
import id.rapor.api.advice.ImprovementPlanner;
import id.rapor.api.advice.MethodologyComparison;
import id.rapor.api.advice.Plan;
import id.rapor.api.advice.Rules;
import id.rapor.api.model.Assessment;
import id.rapor.api.records.AssessmentRecord;
import id.rapor.api.records.AssessmentRecords;
import id.rapor.http.api.RequestBody;
import id.rapor.http.api.Routes;
import id.rapor.http.json.AdviceProblems;
import id.rapor.http.json.AdviceViews;
import id.rapor.http.json.Audience;
import id.rapor.http.json.HttpProblem;
import id.rapor.http.json.JsonResponses;
import id.rapor.http.json.Problems;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/**
 * Advice beside a score: what to improve to reach a band (for answers sent, or a stored
 * assessment), and why an index moved between two sets of rules. Sent answers follow the scoring
 * endpoints' access (open, or evaluators where scoring is protected; a pinned revision as there);
 * a stored assessment is read with the access of reading it ({@link RecordsAccess}).
 */
public final class AdviceResource {
    private final Needed<ImprovementPlanner> planner;
    private final Needed<MethodologyComparison> comparison;
    private final ScoringService scoring;
    private final ScoringResource scoringAccess;
    private final Needed<AssessmentRecords> records;
    private final Needed<RecordsAccess> access;
    private final AdviceBodies bodies;
    private final RecordBodies recordBodies;
    private final JsonResponses out;

    public AdviceResource(Needed<ImprovementPlanner> planner, Needed<MethodologyComparison> comparison, ScoringService scoring, ScoringResource scoringAccess,
                          Needed<AssessmentRecords> records, Needed<RecordsAccess> access, RecordBodies recordBodies,
                          com.fasterxml.jackson.core.JsonFactory json, JsonResponses out) {
        this.planner = planner;
        this.comparison = comparison;
        this.scoring = scoring;
        this.scoringAccess = scoringAccess;
        this.records = records;
        this.access = access;
        this.bodies = new AdviceBodies(json);
        this.recordBodies = recordBodies;
        this.out = out;
    }

    /** POST /methodologies/{id}/plan[?revision=n] */
    public void plan(Routes.Exchange x) throws IOException, HttpProblem {
        String id = x.path("id");
        scoringAccess.mayScore(x.request(), id);
        AdviceBodies.PlanBody body = bodies.plan(x.body(RequestBody.JSON));
        Integer revision = revision(x, id);
        plan(x, new Rules.Answers(new Rules(id, revision), body.unit(), body.answers()), body.target(), body.costs(), body.fixed());
    }

    /** GET /assessments/{id}/plan[?target=B]: the stored answers, by the rules that scored them. */
    public void planStored(Routes.Exchange x) throws IOException, HttpProblem {
        AssessmentRecord a = AssessmentsResource.existing(records, x.path("id"));
        access.get().read(x.request(), "assessment.plan", a.unitId());
        plan(x, stored(a), x.request().getParameter("target"), Map.of(), Set.of());
    }

    private void plan(Routes.Exchange x, Rules.Answers answers, String target, Map<String, BigDecimal> costs, Set<String> fixed)
            throws IOException, HttpProblem {
        Audience audience = Audience.of(x.request());
        String id = answers.rules().methodologyId();
        try {
            Plan plan = planner.get().plan(answers, target, costs, fixed);
            out.send(x.response(), 200, g -> AdviceViews.plan(g, plan, audience));
        } catch (UnknownRevisionException | UnknownMethodologyException | MethodologyUnavailableException | InvalidAssessmentException e) {
            throw ScoringRefusals.problem(id, e);
        } catch (AdviceRefusedException e) {
            throw AdviceProblems.refused(e);
        }
    }

    /**
     * POST /compare: {@code before} is rules and answers, or a stored assessment (its answers, by the
     * rules that scored it); {@code after} is rules (default, for a stored assessment: those serving
     * its family and year now) and answers (default: the same answers, where the questionnaire is the same).
     */
    public void compare(Routes.Exchange x) throws IOException, HttpProblem {
        AdviceBodies.CompareBody body = bodies.compare(x.body(RequestBody.JSON));
        Audience audience = Audience.of(x.request());
        Rules.Answers before;
        Rules afterRules;
        if (body.before().assessment() != null) {
            AssessmentRecord a = AssessmentsResource.existing(records, String.valueOf(body.before().assessment()));
            access.get().read(x.request(), "assessment.compare", a.unitId());
            before = stored(a);
            String now = body.after().methodology();
            if (now == null) {
                try {
                    now = scoring.resolve(a.family(), a.year());
                } catch (UnknownYearException e) {
                    throw Problems.unknownYear(a.family(), a.year(), e);
                }
            }
            afterRules = new Rules(now, body.after().revision());
        } else {
            before = new Rules.Answers(new Rules(body.before().methodology(), body.before().revision()), body.unit(), body.before().answers());
            afterRules = new Rules(body.after().methodology(), body.after().revision());
        }
        String failing = afterRules.methodologyId();
        try {
            // Answers sent are scored as the scoring endpoints score them; a stored assessment's, with the
            // access of reading it (its own rules scored it already). A pinned later revision, as for scoring.
            if (body.before().assessment() == null) {
                failing = before.rules().methodologyId();
                scoringAccess.mayScore(x.request(), failing);
                if (before.rules().revision() != null) scoringAccess.mayScoreWith(x.request(), failing, before.rules().revision());
                failing = afterRules.methodologyId();
                scoringAccess.mayScore(x.request(), failing);
            }
            if (afterRules.revision() != null) scoringAccess.mayScoreWith(x.request(), afterRules.methodologyId(), afterRules.revision());
            Map<String, BigDecimal> later = body.after().answers() == null ? Map.of() : body.after().answers();
            Comparison c = comparison.get().compare(before, new Rules.Answers(afterRules, before.unit(), later));
            out.send(x.response(), 200, g -> AdviceViews.comparison(g, c, audience));
        } catch (UnknownRevisionException | UnknownMethodologyException | MethodologyUnavailableException | InvalidAssessmentException e) {
            throw ScoringRefusals.problem(failing, e);
        } catch (AdviceRefusedException e) {
            throw AdviceProblems.refused(e);
        }
    }

    /** A stored assessment's answers and the rules that scored them (its methodology and revision). */
    private Rules.Answers stored(AssessmentRecord a) throws IOException, HttpProblem {
        Assessment input = recordBodies.assessment(a.unitId(), a.input());
        Map<String, BigDecimal> answers = input.answers() == null ? Map.of() : input.answers();
        return new Rules.Answers(new Rules(a.score().methodologyId(), a.score().revision()), a.unitId(), answers);
    }

    private Integer revision(Routes.Exchange x, String id) throws HttpProblem {
        String pinned = x.request().getParameter("revision");
        if (pinned == null) return null;
        int n = RevisionsResource.number(pinned);
        try {
            scoringAccess.mayScoreWith(x.request(), id, n);
        } catch (UnknownMethodologyException e) {
            throw Problems.unknownMethodology(e);
        }
        return n;
    }
}
