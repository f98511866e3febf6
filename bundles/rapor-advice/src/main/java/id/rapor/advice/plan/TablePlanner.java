package id.rapor.advice.plan;

import id.rapor.advice.RulesAt;
import id.rapor.advice.exact.Fraction;
import id.rapor.advice.exact.WeightedIndex;
import id.rapor.api.FieldError;
import id.rapor.api.InvalidAssessmentException;
import id.rapor.api.MethodologyUnavailableException;
import id.rapor.api.RuleRevisions;
import id.rapor.api.ScoringService;
import id.rapor.api.UnknownMethodologyException;
import id.rapor.api.UnknownRevisionException;
import id.rapor.api.advice.AdviceRefusedException;
import id.rapor.api.advice.AdviceRefusedException.Reason;
import id.rapor.api.advice.ImprovementPlanner;
import id.rapor.api.advice.Plan;
import id.rapor.api.advice.Rules;
import id.rapor.api.model.Band;
import id.rapor.api.model.Indicator;
import id.rapor.api.model.Methodology;
import id.rapor.api.model.ScoreResult;
import id.rapor.api.text.Message;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Plans from the methodology's own tables ({@link WeightedIndex}, options, bands) with an exact
 * search ({@link CheapestRaise}), and checks both ends against the rules: the unit's index now and
 * the index the plan promises are the rules' own scores, or no plan is given.
 */
@Component(service = ImprovementPlanner.class)
public final class TablePlanner implements ImprovementPlanner {
    private final RulesAt rules;

    @Activate
    public TablePlanner(@Reference ScoringService scoring, @Reference RuleRevisions revisions) {
        this(RulesAt.of(scoring, revisions));
    }

    public TablePlanner(RulesAt rules) {
        this.rules = rules;
    }

    @Override
    public Plan plan(Rules.Answers in, String targetBand, Map<String, BigDecimal> costs, Set<String> fixed)
            throws UnknownMethodologyException, MethodologyUnavailableException, UnknownRevisionException,
            InvalidAssessmentException, AdviceRefusedException {
        Methodology m = rules.methodology(in.rules());
        if (!WeightedIndex.answersDriven(m)) {
            throw new AdviceRefusedException(Reason.NOT_APPLICABLE, Message.of("advice.plan.survey", m.getId()), List.of());
        }
        checkCosts(m, costs, fixed);
        ScoreResult now = rules.score(in.rules(), in.unit(), in.answers());
        WeightedIndex weights = new WeightedIndex(m);
        Fraction exact = weights.index(in.answers());
        sameAsRules(m, weights.rounded(exact), now);
        Band target = target(m, now, targetBand);

        int decimals = m.getScale().getDecimals();
        Fraction need = Fraction.of(target.getMin()).subtract(Fraction.halfUnit(decimals)).subtract(exact);
        List<Item> items = new ArrayList<>();
        List<Indicator> raised = new ArrayList<>();
        boolean points = false;
        for (Indicator indicator : m.getIndicators().values()) {
            Fraction worth = weights.worth(indicator.getId());
            BigDecimal from = in.answers().get(indicator.getId());
            if (worth.signum() == 0 || from == null || fixed.contains(indicator.getId())) continue;
            List<Choice> choices = Levels.above(indicator, from, costs.getOrDefault(indicator.getId(), BigDecimal.ONE), worth);
            if (choices.isEmpty()) continue;
            points |= indicator.getRange() != null;
            items.add(new Item(indicator.getId(), from, choices));
            raised.add(indicator);
        }
        CheapestRaise.Result found = CheapestRaise.solve(items, need);

        Map<String, BigDecimal> planned = new HashMap<>(in.answers());
        List<Plan.PlanStep> steps = new ArrayList<>();
        for (int k = 0; k < items.size(); k++) {
            Choice c = found.chosen()[k];
            if (c == null) continue;
            Indicator indicator = raised.get(k);
            planned.put(indicator.getId(), c.to());
            steps.add(new Plan.PlanStep(indicator.getId(), indicator.getCode(), indicator.getName(), indicator.getAspectId(),
                    items.get(k).from(), c.to(), c.levels(), c.cost(), c.gain().toBigDecimal(), c.descriptor()));
        }
        ScoreResult after = rules.score(in.rules(), in.unit(), planned);
        sameAsRules(m, weights.rounded(exact.add(found.gain())), after);

        List<Message> method = new ArrayList<>();
        method.add(Message.of(costs.isEmpty() ? "advice.plan.method.steps" : "advice.plan.method.costs"));
        if (points) method.add(Message.of("advice.plan.method.points"));
        method.add(Message.of("advice.plan.method.ties"));
        Message reason = found.reaches() ? null
                : Message.of(fixed.isEmpty() ? "advice.plan.unreachable" : "advice.plan.unreachable.fixed", target.getCode(),
                        target.getMin(), after.index(), fixed.stream().sorted().collect(Collectors.joining(", ")));
        return new Plan(m.getId(), now.methodologyVersion(), in.unit(), now.index(), now.band(), target, found.reaches(),
                found.cost(), after.index(), after.band(), steps, method, reason, m.getPresentation());
    }

    /** Costs name indicators that carry weight and are zero or more; fixed indicators exist. */
    private static void checkCosts(Methodology m, Map<String, BigDecimal> costs, Set<String> fixed) throws AdviceRefusedException {
        List<FieldError> errors = new ArrayList<>();
        for (var e : costs.entrySet()) {
            if (m.indicator(e.getKey()) == null) {
                errors.add(FieldError.of("costs." + e.getKey(), "advice.unknownIndicator", e.getKey(), m.getId()));
            } else if (e.getValue().signum() < 0) {
                errors.add(FieldError.of("costs." + e.getKey(), "advice.cost.negative", e.getValue()));
            }
        }
        for (String id : fixed) {
            if (m.indicator(id) == null) errors.add(FieldError.of("fixed", "advice.unknownIndicator", id, m.getId()));
        }
        if (!errors.isEmpty()) {
            throw new AdviceRefusedException(Reason.INVALID_COSTS, Message.of("advice.plan.costs.invalid"), errors);
        }
    }

    /** The band asked for, or the one above the unit's; refused when unknown or already reached. */
    private static Band target(Methodology m, ScoreResult now, String code) throws AdviceRefusedException {
        List<Band> bands = new ArrayList<>(m.getBands());
        bands.sort(Comparator.comparing(Band::getMin));
        Band target;
        if (code == null || code.isBlank()) {
            target = bands.stream().filter(b -> b.getMin().compareTo(now.band().getMax()) > 0).findFirst().orElse(null);
            if (target == null) {
                throw new AdviceRefusedException(Reason.TARGET_REACHED,
                        Message.of("advice.plan.topBand", now.index(), now.band().getCode(), now.band().getLabel()), List.of());
            }
        } else {
            target = bands.stream().filter(b -> b.getCode().equals(code.trim())).findFirst().orElse(null);
            if (target == null) {
                String known = bands.stream().map(Band::getCode).collect(Collectors.joining(", "));
                throw new AdviceRefusedException(Reason.UNKNOWN_BAND, Message.of("advice.plan.unknownBand", code, m.getId(), known),
                        List.of(FieldError.of("target", "advice.plan.unknownBand", code, m.getId(), known)));
            }
        }
        if (now.index().compareTo(target.getMin()) >= 0) {
            throw new AdviceRefusedException(Reason.TARGET_REACHED, Message.of("advice.plan.reached", now.index(), now.band().getCode(),
                    target.getCode(), target.getMin()), List.of(FieldError.of("target", "advice.plan.reached.field", target.getCode())));
        }
        return target;
    }

    /** The tables' index must be the rules' own; where it is not, this bundle's rules compute otherwise and no plan is given. */
    static void sameAsRules(Methodology m, BigDecimal fromTables, ScoreResult byRules) throws AdviceRefusedException {
        if (fromTables.compareTo(byRules.index()) != 0) {
            throw new AdviceRefusedException(Reason.NOT_APPLICABLE,
                    Message.of("advice.rulesDiffer", m.getId(), byRules.index(), fromTables), List.of());
        }
    }
}
