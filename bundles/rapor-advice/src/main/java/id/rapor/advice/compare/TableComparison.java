package id.rapor.advice.compare;

import id.rapor.advice.RulesAt;
import id.rapor.advice.exact.WeightedIndex;
import id.rapor.api.FieldError;
import id.rapor.api.InvalidAssessmentException;
import id.rapor.api.MethodologyUnavailableException;
import id.rapor.api.RuleRevisions;
import id.rapor.api.ScoringService;
import id.rapor.api.UnknownMethodologyException;
import id.rapor.api.UnknownRevisionException;
import id.rapor.api.advice.AdviceRefusedException;
import id.rapor.api.advice.Comparison;
import id.rapor.api.advice.MethodologyComparison;
import id.rapor.api.advice.Rules;
import id.rapor.api.model.Band;
import id.rapor.api.model.Methodology;
import id.rapor.api.model.Scale;
import id.rapor.api.model.ScoreResult;
import id.rapor.api.text.Message;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Compares one unit under two sets of rules: both scored by the rules themselves, the difference
 * split by {@link Stages} over the tables (through the crosswalk where the methodologies differ),
 * and each index banded under both band schemes. Where the two share no inputs, or an index is not
 * made from the tables (a survey), the split is left out and the answer says why.
 */
@Component(service = MethodologyComparison.class)
public final class TableComparison implements MethodologyComparison {
    private final RulesAt rules;

    @Activate
    public TableComparison(@Reference ScoringService scoring, @Reference RuleRevisions revisions) {
        this(RulesAt.of(scoring, revisions));
    }

    public TableComparison(RulesAt rules) {
        this.rules = rules;
    }

    @Override
    public Comparison compare(Rules.Answers before, Rules.Answers after)
            throws UnknownMethodologyException, MethodologyUnavailableException, UnknownRevisionException,
            InvalidAssessmentException, AdviceRefusedException {
        Methodology mb = rules.methodology(before.rules());
        Methodology ma = rules.methodology(after.rules());
        Matching matching = Matching.of(mb, ma);
        if (matching == null && !mb.getFamily().equals(ma.getFamily())) {
            throw new AdviceRefusedException(AdviceRefusedException.Reason.NOT_COMPARABLE,
                    Message.of("advice.compare.families", mb.getId(), mb.getFamily(), ma.getId(), ma.getFamily()),
                    List.of(FieldError.of("after.methodology", "advice.compare.families.field", mb.getId(), ma.getId())));
        }
        // The same questionnaire: the later answers may be left out, meaning the same ones.
        Map<String, BigDecimal> laterAnswers = after.answers().isEmpty() && mb.getId().equals(ma.getId()) ? before.answers() : after.answers();
        ScoreResult sb = score("before", before.rules(), before.unit(), before.answers());
        ScoreResult sa = score("after", after.rules(), after.unit(), laterAnswers);

        List<Message> method = new ArrayList<>();
        List<Comparison.Part> parts = List.of();
        Message reason = decomposable(mb, ma, matching, sb, sa, before.answers(), laterAnswers);
        if (reason == null) {
            parts = Stages.split(new WeightedIndex(mb), before.answers(), new WeightedIndex(ma), laterAnswers, matching,
                    mb.getScale().getDecimals());
            method.add(Message.of("advice.compare.method.order"));
            method.add(Message.of("advice.compare.method.rounding", mb.getScale().getDecimals()));
            if (matching.carriedBy() != null) {
                long unsure = matching.crosswalk().stream().filter(e -> !e.confidence().equals("C")).count();
                method.add(Message.of("advice.compare.method.crosswalk", matching.carriedBy(), matching.crosswalk().size(), unsure));
            }
        }
        method.add(Message.of("advice.compare.method.bands"));
        BigDecimal difference = sa.index().subtract(sb.index());
        List<Comparison.BandUnder> bands = List.of(
                under("before", sb.index(), mb), under("before", sb.index(), ma),
                under("after", sa.index(), mb), under("after", sa.index(), ma));
        return new Comparison(side(sb, before.unit()), side(sa, after.unit() == null ? before.unit() : after.unit()), difference,
                reason == null, parts, bands,
                matching == null ? List.of() : matching.crosswalk(), matching == null ? null : matching.carriedBy(),
                method, reason, ma.getPresentation());
    }

    /** Null when the difference can be split exactly over the tables; else why not. */
    private static Message decomposable(Methodology mb, Methodology ma, Matching matching, ScoreResult sb, ScoreResult sa,
                                        Map<String, BigDecimal> a1, Map<String, BigDecimal> a2) {
        if (matching == null) return Message.of("advice.compare.noSharedInputs", mb.getId(), ma.getId());
        if (!WeightedIndex.answersDriven(mb) || !WeightedIndex.answersDriven(ma)) {
            return Message.of("advice.compare.survey", WeightedIndex.answersDriven(mb) ? ma.getId() : mb.getId());
        }
        if (!sameScale(mb.getScale(), ma.getScale())) return Message.of("advice.compare.scales", mb.getId(), ma.getId());
        String unknown = matching.unknownId(mb, ma);
        if (unknown != null) return Message.of("advice.compare.crosswalkUnknown", matching.carriedBy(), unknown);
        WeightedIndex wb = new WeightedIndex(mb);
        WeightedIndex wa = new WeightedIndex(ma);
        if (wb.rounded(wb.index(a1)).compareTo(sb.index()) != 0) {
            return Message.of("advice.rulesDiffer", mb.getId(), sb.index(), wb.rounded(wb.index(a1)));
        }
        if (wa.rounded(wa.index(a2)).compareTo(sa.index()) != 0) {
            return Message.of("advice.rulesDiffer", ma.getId(), sa.index(), wa.rounded(wa.index(a2)));
        }
        return null;
    }

    private static boolean sameScale(Scale a, Scale b) {
        return a.getMin().compareTo(b.getMin()) == 0 && a.getMax().compareTo(b.getMax()) == 0 && a.getDecimals() == b.getDecimals();
    }

    /** One side's score by its rules; what is wrong with its answers is named under that side ({@code after.answers.i05}). */
    private ScoreResult score(String side, Rules r, String unit, Map<String, BigDecimal> answers)
            throws UnknownMethodologyException, MethodologyUnavailableException, UnknownRevisionException, InvalidAssessmentException {
        try {
            return rules.score(r, unit, answers);
        } catch (InvalidAssessmentException e) {
            throw new InvalidAssessmentException(e.errors().stream().map(f -> new FieldError(side + "." + f.field(), f.text())).toList());
        }
    }

    private static Comparison.Side side(ScoreResult s, String unit) {
        return new Comparison.Side(s.methodologyId(), s.methodologyVersion(), unit, s.index(), s.unroundedIndex(), s.band());
    }

    /** The index banded under {@code scheme}'s bands (null where it falls in none of them: another scale). */
    private static Comparison.BandUnder under(String of, BigDecimal index, Methodology scheme) {
        Band band = scheme.getBands().stream().filter(b -> b.contains(index)).findFirst().orElse(null);
        return new Comparison.BandUnder(of, index, scheme.getId(), band);
    }
}
