package id.rapor.engine.score;

import id.rapor.engine.source.RuleSource;
import id.rapor.engine.source.RuleSourceSnapshot;

import id.rapor.api.InvalidAssessmentException;
import id.rapor.api.fact.AnswerSheet;
import id.rapor.api.fact.AspectScore;
import id.rapor.api.fact.BandDecision;
import id.rapor.api.fact.IndexScore;
import id.rapor.api.fact.IndicatorScore;
import id.rapor.api.fact.Reason;
import id.rapor.api.model.Aspect;
import id.rapor.api.model.AspectResult;
import id.rapor.api.model.Assessment;
import id.rapor.api.model.IndicatorResult;
import id.rapor.api.model.Methodology;
import id.rapor.api.model.ScoreResult;
import id.rapor.api.text.Message;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * One checked and compiled version of a methodology: its model, its KieBase and a pool of
 * sessions. Immutable once built, so swapping the active version is one reference write and
 * a request that already holds this object finishes on it.
 */
public final class CompiledMethodology {
    /** Sessions are reset and reused; creating one per request costs more than scoring. */
    private static final int INITIAL_SESSIONS = 4;

    private final Methodology methodology;
    private final KieBase kieBase;
    private final KieSessionsPool sessions;
    private final AnswerValidator validator;
    private final ClassLoader loader;
    private final Map<String, Integer> aspectOrder = new HashMap<>();
    private final Map<String, Integer> indicatorOrder = new HashMap<>();

    private final RuleSource source;
    private final ScoreBudget budget;

    public CompiledMethodology(Methodology methodology, KieBase kieBase, ClassLoader loader, RuleSource source, ScoreBudget budget) {
        this.methodology = methodology;
        this.source = source;
        this.budget = budget;
        this.kieBase = kieBase;
        this.loader = loader;
        this.sessions = kieBase.newKieSessionsPool(INITIAL_SESSIONS);
        this.validator = new AnswerValidator(methodology);
        for (Aspect a : methodology.getAspects()) aspectOrder.put(a.getId(), aspectOrder.size());
        for (String id : methodology.getIndicators().keySet()) indicatorOrder.put(id, indicatorOrder.size());
    }

    public Methodology methodology() { return methodology; }

    KieBase kieBase() { return kieBase; }

    /** The files this version was compiled from, as a revision's starting point. */
    public RuleSourceSnapshot files() { return RuleSourceSnapshot.of(source); }

    public ScoreResult score(Assessment assessment) throws InvalidAssessmentException {
        AnswerSheet answers = validator.validate(assessment);
        Facts facts = new Facts();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        KieSession session = sessions.newKieSession();
        boolean clean = false;
        try {
            // Two facts: the rules read aspects, bands and scale from the methodology.
            session.insert(methodology);
            session.insert(answers);
            budget.fire(session);
            for (Object o : session.getObjects()) facts.collect(o);
            clean = true;
        } catch (RuleOutcomeException e) {
            throw e;
        } catch (OutOfMemoryError e) {
            throw e;
        } catch (RuntimeException | Error e) {
            // Whatever the rules threw (an Error too: a stack overflow, a failed static initialiser) is the rule
            // bundle's defect, reported as such, never a broken connection or an HTML page.
            throw RuleOutcomeException.failed(e);
        } finally {
            // A session the rules left half-way (stopped, thrown out of) is discarded, not pooled.
            if (clean) session.dispose(); else session.destroy();
            thread.setContextClassLoader(previous);
        }
        return facts.toResult(assessment.unit());
    }

    /** Gathers what the rules concluded and puts it in questionnaire order. */
    private final class Facts {
        private final IndicatorResult[] indicators = new IndicatorResult[indicatorOrder.size()];
        private final AspectResult[] aspects = new AspectResult[aspectOrder.size()];
        private final List<Reason> reasons = new ArrayList<>();
        private IndexScore index;
        private BandDecision band;
        private int indicatorCount;


        void collect(Object o) {
            if (o instanceof AspectScore s) {
                aspects[aspectOrder.get(s.getAspect().getId())] = new AspectResult(s.getAspect(), s.getScore(), s.getContribution());
                for (IndicatorScore i : s.getIndicators()) {
                    indicators[indicatorOrder.get(i.getIndicator().getId())] =
                            new IndicatorResult(i.getIndicator(), i.getAnswer(), i.getContribution());
                    indicatorCount++;
                }
            } else if (o instanceof IndexScore s) {
                if (index != null) throw new RuleOutcomeException("the rules concluded more than one index");
                index = s;
            } else if (o instanceof BandDecision b) {
                if (band != null) throw new RuleOutcomeException("the rules placed the index in more than one band: "
                        + band.getBand().getCode() + " and " + b.getBand().getCode());
                band = b;
            } else if (o instanceof Reason r) {
                reasons.add(r);
            }
        }

        ScoreResult toResult(String unit) {
            if (index == null) throw new RuleOutcomeException("the rules concluded no index");
            if (band == null) throw new RuleOutcomeException("the rules found no band for index " + index.getValue().toPlainString());
            reasons.sort((a, b) -> Integer.compare(rank(a.getSubject()), rank(b.getSubject())));
            List<Message> explanation = new ArrayList<>(reasons.size());
            for (Reason r : reasons) explanation.add(r.getMessage());
            List<IndicatorResult> indicatorList = new ArrayList<>(indicatorCount);
            for (IndicatorResult r : indicators) if (r != null) indicatorList.add(r);
            return new ScoreResult(methodology.getId(), methodology.getVersion(), unit, index.getValue(), index.getUnrounded(),
                    band.getBand(), Arrays.stream(aspects).filter(a -> a != null).toList(), indicatorList, explanation,
                    methodology.getPresentation());
        }

        private int rank(String subject) {
            Integer aspect = aspectOrder.get(subject);
            if (aspect != null) return aspect;
            return switch (subject) {
                case "index" -> aspectOrder.size();
                case "band" -> aspectOrder.size() + 1;
                default -> aspectOrder.size() + 2;
            };
        }
    }
}
