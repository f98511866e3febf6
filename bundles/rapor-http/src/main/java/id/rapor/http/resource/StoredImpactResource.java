package id.rapor.http.resource;

import id.rapor.api.MethodologyUnavailableException;
import id.rapor.api.RuleRevisions;
import id.rapor.api.UnknownMethodologyException;
import id.rapor.api.UnknownRevisionException;
import id.rapor.api.model.Assessment;
import id.rapor.api.model.Impact;
import id.rapor.api.records.AssessmentRecord;
import id.rapor.api.records.AssessmentRecords;
import id.rapor.api.records.OfficialAssessment;
import id.rapor.api.records.RoundScore;
import id.rapor.api.records.Unit;
import id.rapor.api.records.UnitRegistry;
import id.rapor.http.api.Routes;
import id.rapor.http.auth.Guard;
import id.rapor.http.json.Audience;
import id.rapor.http.json.HttpProblem;
import id.rapor.http.json.JsonResponses;
import id.rapor.http.json.RevisionViews;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GET /methodologies/{id}/revisions/{n}/impact?year=&amp;region=: what activating revision n would do
 * to the assessments Rapor holds — each unit's official (final) assessment of a round the
 * methodology scored, its answers scored again by what serves now and by the revision; the units
 * whose index or band would change. Nothing is stored: stored scores keep the rules that gave them
 * until an assessment is re-scored (POST /assessments/{id}/rescore). Policy staff only.
 */
public final class StoredImpactResource {
    private final RuleRevisions revisions;
    private final StoredScores scores;
    private final Needed<UnitRegistry> units;
    private final Needed<AssessmentRecords> records;
    private final RecordBodies bodies;
    private final Guard guard;
    private final JsonResponses out;
    private final BatchSlots batches;

    public StoredImpactResource(RuleRevisions revisions, StoredScores scores, Needed<UnitRegistry> units, Needed<AssessmentRecords> records,
            RecordBodies bodies, Guard guard, JsonResponses out, BatchSlots batches) {
        this.revisions = revisions;
        this.scores = scores;
        this.units = units;
        this.records = records;
        this.bodies = bodies;
        this.guard = guard;
        this.out = out;
        this.batches = batches;
    }

    /** A stored official assessment, as the impact lists it. */
    public record Stored(AssessmentRecord record, String unitName) {}

    public void impact(Routes.Exchange x) throws IOException, HttpProblem {
        String id = x.path("id");
        int number = RevisionsResource.number(x.path("n"));
        guard.require(x.request(), "policy", "revision.impact", id, number);
        Integer year = AssessmentsResource.year(x.request().getParameter("year"));
        String region = AssessmentsResource.blankToNull(x.request().getParameter("region"));
        String family = scores.questionnaire(id).getFamily();
        List<String> regions = region != null ? List.of(region) : UnitsResource.call(() -> units.get().roots()).stream().map(Unit::id).toList();
        // The official assessment of each unit and round that this methodology scored.
        Map<String, RoundScore> official = new LinkedHashMap<>();
        for (String r : regions) {
            for (RoundScore s : UnitsResource.call(() -> records.get().scoresBelow(r, family, year == null ? List.of() : List.of(year), true))) {
                if (!s.methodologyId().equals(id)) continue;
                official.merge(s.unitId() + "/" + s.year(), s, (a, b) -> OfficialAssessment.compare(a.role(), a.id(), b.role(), b.id()) >= 0 ? a : b);
            }
        }
        Map<String, Stored> stored = new LinkedHashMap<>();
        List<Assessment> inputs = new ArrayList<>();
        for (RoundScore s : official.values()) {
            AssessmentRecord a = UnitsResource.call(() -> records.get().find(s.id())).orElse(null);
            if (a == null) continue; // gone since it was listed
            Assessment entered = bodies.assessment(a.unitId(), a.input());
            String key = String.valueOf(a.id()); // a unit may have several rounds: the assessment names the line
            inputs.add(new Assessment(key, entered.answers(), entered.respondents()));
            stored.put(key, new Stored(a, UnitsResource.call(() -> units.get().find(a.unitId())).map(Unit::name).orElse(a.unitId())));
        }
        try (BatchSlots.Slot slot = batches.take()) {
            Impact result = revisions.impact(id, number, inputs);
            out.send(x.response(), 200, g -> RevisionViews.storedImpact(g, number, year, region, result, stored, Audience.language(x.request())));
        } catch (UnknownMethodologyException | MethodologyUnavailableException | UnknownRevisionException e) {
            throw RevisionsResource.refused(id, e);
        }
    }
}
