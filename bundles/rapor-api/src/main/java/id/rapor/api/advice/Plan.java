package id.rapor.api.advice;

import id.rapor.api.model.Band;
import id.rapor.api.model.Presentation;
import id.rapor.api.text.Message;
import java.math.BigDecimal;
import java.util.List;

/**
 * The cheapest set of answer improvements that lifts a unit's index into {@code target} (or a
 * band above it), or, when none does ({@code reachable} false), why not. {@code cost} is the sum
 * of the steps' costs; {@code index}/{@code band} are the unit's now, {@code indexAfter}/{@code bandAfter}
 * with the plan carried out (the highest reachable when the target is out of reach), as the rules
 * score them. {@code method} says how steps were counted and ties broken; {@code reason} why the
 * target cannot be reached (null when it can).
 */
public record Plan(String methodologyId, String methodologyVersion, String unit,
                   BigDecimal index, Band band, Band target, boolean reachable,
                   BigDecimal cost, BigDecimal indexAfter, Band bandAfter, List<PlanStep> steps,
                   List<Message> method, Message reason, Presentation presentation) {

    /**
     * One indicator raised from its answer {@code from} to {@code to}, {@code levels} steps (levels
     * of its options, or whole points on a numeric scale) at {@code cost}; {@code gain} is what it
     * adds to the unrounded index (exact where it terminates) and {@code descriptor} the level the
     * unit must reach, as the options table describes it.
     */
    public record PlanStep(String indicator, String code, String name, String aspect,
                           BigDecimal from, BigDecimal to, int levels, BigDecimal cost, BigDecimal gain, String descriptor) {}
}
