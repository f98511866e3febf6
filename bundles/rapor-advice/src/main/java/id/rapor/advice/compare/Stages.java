package id.rapor.advice.compare;

import id.rapor.advice.exact.Fraction;
import id.rapor.advice.exact.WeightedIndex;
import id.rapor.api.advice.Comparison;
import id.rapor.api.text.Message;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The difference of two indices split into parts by changing one thing at a time, in this order
 * (such splits depend on the order; this one is fixed):
 * <ol>
 *   <li>{@code weights}: the earlier answers, weighed as the later rules weigh the indicators they became;</li>
 *   <li>{@code answers}: the later answers in their place;</li>
 *   <li>{@code removed}: the earlier indicators that became none of the later ones taken out;</li>
 *   <li>{@code added}: the later indicators that none of the earlier ones became put in.</li>
 * </ol>
 * Each stage is an index in its own right, computed exactly and rounded as the methodology rounds
 * its index, so the first is the earlier published index, the last the later one, and the parts
 * (one rounded stage minus the one before) add up to the published difference exactly. An
 * indicator merged from k earlier ones gives each 1/k of its weight (its answer standing for their
 * mean); one split into k later ones passes 1/k of its weight to each.
 */
final class Stages {
    private Stages() {}

    static List<Comparison.Part> split(WeightedIndex before, Map<String, BigDecimal> a1, WeightedIndex after, Map<String, BigDecimal> a2,
                                       Matching matching, int decimals) {
        Fraction s0 = before.index(a1);
        Fraction s1 = s0, s2;
        List<String> reweighed = new ArrayList<>();
        List<String> answered = new ArrayList<>();
        Fraction oldShare = Fraction.ZERO, newShareOldAnswers = Fraction.ZERO, newShareNewAnswers = Fraction.ZERO;
        for (Matching.Pair p : matching.pairs()) {
            Fraction w1 = before.worth(p.before()).divide(count(matching.outOf(p.before())));
            Fraction w2 = after.worth(p.after()).divide(count(matching.into(p.after())));
            Fraction x1 = answer(a1, p.before());
            Fraction x2 = answer(a2, p.after());
            oldShare = oldShare.add(w1.multiply(x1));
            newShareOldAnswers = newShareOldAnswers.add(w2.multiply(x1));
            newShareNewAnswers = newShareNewAnswers.add(w2.multiply(x2));
            String name = p.before().equals(p.after()) ? p.before() : p.before() + "→" + p.after();
            if (w1.compareTo(w2) != 0) reweighed.add(name);
            if (x1.compareTo(x2) != 0 && w2.signum() != 0) answered.add(name);
        }
        s1 = s0.subtract(oldShare).add(newShareOldAnswers);
        s2 = s1.subtract(newShareOldAnswers).add(newShareNewAnswers);
        Fraction s3 = s2;
        for (String id : matching.removed()) s3 = s3.subtract(before.worth(id).multiply(answer(a1, id)));
        Fraction s4 = s3;
        for (String id : matching.added()) s4 = s4.add(after.worth(id).multiply(answer(a2, id)));
        if (s4.compareTo(after.index(a2)) != 0) throw new IllegalStateException("stages do not end at the later index");

        BigDecimal r0 = s0.round(decimals), r1 = s1.round(decimals), r2 = s2.round(decimals), r3 = s3.round(decimals), r4 = s4.round(decimals);
        return List.of(
                part("weights", r0, r1, reweighed),
                part("answers", r1, r2, answered),
                part("removed", r2, r3, List.copyOf(matching.removed())),
                part("added", r3, r4, List.copyOf(matching.added())));
    }

    private static Comparison.Part part(String kind, BigDecimal from, BigDecimal to, List<String> indicators) {
        BigDecimal change = to.subtract(from);
        return new Comparison.Part(kind, from, to, change, List.copyOf(indicators),
                Message.of("advice.compare.part." + kind, from, to, change, indicators.size()));
    }

    private static Fraction answer(Map<String, BigDecimal> answers, String id) {
        BigDecimal a = answers.get(id);
        return a == null ? Fraction.ZERO : Fraction.of(a);
    }

    private static Fraction count(long n) {
        return Fraction.of(BigInteger.valueOf(n), BigInteger.ONE);
    }
}
