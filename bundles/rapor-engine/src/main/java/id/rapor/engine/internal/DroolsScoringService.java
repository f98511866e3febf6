package id.rapor.engine.internal;

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
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/** The scoring service: looks up the served version of a methodology and lets it score. */
@Component(service = ScoringService.class, immediate = true)
public final class DroolsScoringService implements ScoringService {
    private final MethodologyRegistry registry = new MethodologyRegistry();
    private RuleBundleExtender extender;

    @Activate
    void activate(BundleContext context) {
        extender = new RuleBundleExtender(context, new RuleBundleCompiler(getClass().getClassLoader()), registry);
        extender.open();
    }

    @Deactivate
    void deactivate() {
        extender.close();
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
        return served(methodologyId).score(assessment);
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
        return RegionScorer.score(served(methodologyId), region, units, atOrBelow);
    }

    @Override
    public List<Deployment> deployments() {
        return registry.deployments();
    }

    @Override
    public int pendingRuleBundles() {
        return registry.pending();
    }

    private CompiledMethodology served(String id) throws UnknownMethodologyException, MethodologyUnavailableException {
        CompiledMethodology compiled = registry.served(id);
        if (compiled != null) return compiled;
        if (registry.knows(id)) throw new MethodologyUnavailableException(id, registry.errorsOf(id));
        throw new UnknownMethodologyException(id, registry.knownIds());
    }
}
