package id.rapor.engine.serve;

import id.rapor.api.metrics.Meters;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import id.rapor.api.InvalidAssessmentException;
import id.rapor.api.MethodologyUnavailableException;
import id.rapor.api.ScoringService;
import id.rapor.api.UnknownMethodologyException;
import id.rapor.api.UnknownYearException;
import id.rapor.api.model.Assessment;
import id.rapor.api.model.Deployment;
import id.rapor.api.model.Methodology;
import id.rapor.api.model.MethodologySummary;
import id.rapor.api.model.RegionResult;
import id.rapor.api.model.ScoreResult;
import id.rapor.engine.compile.CompileQueue;
import id.rapor.engine.score.CompiledMethodology;
import id.rapor.engine.score.RegionScorer;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The scoring service: looks up the version serving a methodology and lets it score. What
 * serves is the registry's business, fed by the rule bundle extender and the revisions.
 */
@Component(service = ScoringService.class)
public final class DroolsScoringService implements ScoringService {
    private final MethodologyRegistry registry;
    private final CompileQueue compileQueue;
    /** Units scored, counted for GET /metrics (bundle rapor-metrics), when it is there. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Meters meters;

    @Activate
    public DroolsScoringService(@Reference MethodologyRegistry registry, @Reference CompileQueue compileQueue) {
        this.registry = registry;
        this.compileQueue = compileQueue;
    }

    @Override
    public List<MethodologySummary> methodologies() {
        return registry.summaries();
    }

    @Override
    public Methodology methodology(String id) throws UnknownMethodologyException, MethodologyUnavailableException {
        return served(id).methodology();
    }

    @Override
    public ScoreResult score(String methodologyId, Assessment assessment)
            throws UnknownMethodologyException, MethodologyUnavailableException, InvalidAssessmentException {
        CompiledMethodology compiled = served(methodologyId);
        ScoreResult result = compiled.score(assessment);
        scored(compiled, 1);
        return result;
    }

    @Override
    public String resolve(String family, int year) throws UnknownYearException {
        CompiledMethodology c = registry.resolve(family, year);
        if (c == null) throw new UnknownYearException(family, year, registry.yearsOf(family));
        return c.methodology().getId();
    }

    @Override
    public RegionResult scoreRegion(String methodologyId, String region, List<Assessment> units, String atOrBelow)
            throws UnknownMethodologyException, MethodologyUnavailableException, InvalidAssessmentException {
        CompiledMethodology compiled = served(methodologyId);
        RegionResult result = RegionScorer.score(compiled, region, units, atOrBelow);
        scored(compiled, units.size());
        return result;
    }

    @Override
    public List<Deployment> deployments() {
        return registry.deployments();
    }

    @Override
    public int pendingRuleBundles() {
        return compileQueue.pending();
    }

    private void scored(CompiledMethodology compiled, int units) {
        Meters m = meters;
        if (m != null) m.scored(compiled.methodology().getId(), compiled.methodology().getVersion(), units);
    }

    private CompiledMethodology served(String id) throws UnknownMethodologyException, MethodologyUnavailableException {
        CompiledMethodology compiled = registry.served(id);
        if (compiled != null) return compiled;
        // Still compiling (at startup, or just deployed): put it first in line and say when to come back.
        if (compileQueue.hurry(id)) throw MethodologyUnavailableException.compiling(id);
        if (registry.knows(id)) throw new MethodologyUnavailableException(id, registry.errorsOf(id));
        throw new UnknownMethodologyException(id, registry.knownIds());
    }
}
