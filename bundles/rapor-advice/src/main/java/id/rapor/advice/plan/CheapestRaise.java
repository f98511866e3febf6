package id.rapor.advice.plan;

import id.rapor.advice.exact.Fraction;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The exact optimum of a multiple-choice knapsack: for each item pick at most one choice so that
 * the gains add up to at least {@code need}, at the least total cost. Ties are broken in this
 * documented order, so the same question always gets the same plan:
 * <ol>
 *   <li>the least total cost;</li>
 *   <li>then the greatest total gain (the most margin above the band's edge for the same effort);</li>
 *   <li>then, comparing the plans' levels indicator by indicator in questionnaire order, the one that
 *       raises the first indicator where they differ more (earlier indicators first).</li>
 * </ol>
 * Method: dynamic programming over items, keeping only the Pareto frontier of (cost, gain) — a
 * partial plan that costs no less and gains no more than another (one strictly) can never finish
 * better, and among partial plans with equal cost and gain the order above is decided by their
 * prefix. Gains are integers over one common denominator, so every comparison is exact. The
 * frontier has at most one entry per distinct total cost (151 for 30 indicators of six levels at
 * unit cost), and nothing costlier than a plan already found is kept.
 */
public final class CheapestRaise {

    /** What was found: the choice per item (null: left as it is), its cost and gain; {@code reaches} false when nothing does. */
    public record Result(boolean reaches, Choice[] chosen, BigDecimal cost, Fraction gain) {}

    private record Entry(BigDecimal cost, BigInteger gain, Entry parent, int item, int choice) {
        /** The levels of this partial plan, item by item (0: unchanged). */
        int[] levels(List<Item> items, int count) {
            int[] levels = new int[count];
            for (Entry e = this; e != null && e.item >= 0; e = e.parent) {
                levels[e.item] = e.choice < 0 ? 0 : items.get(e.item).choices().get(e.choice).levels();
            }
            return levels;
        }
    }

    private CheapestRaise() {}

    /**
     * The cheapest choices whose gains reach {@code need}; when none do, the plan of the greatest
     * reachable gain (cheapest of those), with {@code reaches} false.
     */
    public static Result solve(List<Item> items, Fraction need) {
        BigInteger denominator = BigInteger.ONE;
        for (Item item : items) for (Choice c : item.choices()) denominator = lcm(denominator, c.gain().denominator());
        BigInteger[][] gains = new BigInteger[items.size()][];
        for (int k = 0; k < items.size(); k++) {
            List<Choice> cs = items.get(k).choices();
            gains[k] = new BigInteger[cs.size()];
            for (int c = 0; c < cs.size(); c++) {
                Fraction g = cs.get(c).gain();
                gains[k][c] = g.numerator().multiply(denominator.divide(g.denominator()));
            }
        }
        // gain >= need  <=>  gain * D >= ceil(need * D), gains being integers over D.
        BigInteger wanted = need.multiply(Fraction.of(denominator, BigInteger.ONE)).ceiling();

        List<Entry> frontier = List.of(new Entry(BigDecimal.ZERO, BigInteger.ZERO, null, -1, -1));
        BigDecimal bound = null; // the least cost of a plan already reaching the need
        for (int k = 0; k < items.size(); k++) {
            List<Choice> cs = items.get(k).choices();
            List<Entry> candidates = new ArrayList<>(frontier.size() * (cs.size() + 1));
            for (Entry e : frontier) {
                candidates.add(new Entry(e.cost, e.gain, e, k, -1));
                for (int c = 0; c < cs.size(); c++) {
                    BigDecimal cost = e.cost.add(cs.get(c).cost());
                    if (bound != null && cost.compareTo(bound) > 0) continue;
                    candidates.add(new Entry(cost, e.gain.add(gains[k][c]), e, k, c));
                }
            }
            frontier = pareto(candidates, items, k + 1);
            for (Entry e : frontier) {
                if (e.gain.compareTo(wanted) >= 0 && (bound == null || e.cost.compareTo(bound) < 0)) bound = e.cost;
            }
        }
        Entry best = null;
        for (Entry e : frontier) {
            if (e.gain.compareTo(wanted) >= 0) {
                best = e; // the frontier is ordered by cost: the first that reaches is the cheapest
                break;
            }
        }
        boolean reaches = best != null;
        if (!reaches) best = frontier.get(frontier.size() - 1); // the greatest gain, at its least cost
        Choice[] chosen = new Choice[items.size()];
        for (Entry e = best; e != null && e.item >= 0; e = e.parent) {
            if (e.choice >= 0) chosen[e.item] = items.get(e.item).choices().get(e.choice);
        }
        return new Result(reaches, chosen, best.cost, Fraction.of(best.gain, denominator));
    }

    /** Cost ascending with gain strictly rising; of equal cost and gain, the one the tie order prefers. */
    private static List<Entry> pareto(List<Entry> candidates, List<Item> items, int count) {
        Comparator<Entry> order = Comparator.comparing(Entry::cost).thenComparing(Entry::gain, Comparator.reverseOrder());
        candidates.sort(order);
        List<Entry> kept = new ArrayList<>();
        for (int n = 0; n < candidates.size(); ) {
            // A run of equal cost and gain: keep the preferred one.
            Entry pick = candidates.get(n);
            int m = n + 1;
            while (m < candidates.size() && order.compare(candidates.get(m), pick) == 0) {
                if (earlierRaisedMore(candidates.get(m), pick, items, count)) pick = candidates.get(m);
                m++;
            }
            n = m;
            // Only the greatest gain of a cost is first in its cost; it is kept if it beats every cheaper one.
            if (kept.isEmpty() || (pick.gain.compareTo(kept.get(kept.size() - 1).gain) > 0
                    && pick.cost.compareTo(kept.get(kept.size() - 1).cost) > 0)) {
                kept.add(pick);
            }
        }
        return kept;
    }

    /** Whether {@code a} raises the first indicator where the two differ more than {@code b} does. */
    private static boolean earlierRaisedMore(Entry a, Entry b, List<Item> items, int count) {
        return Arrays.compare(a.levels(items, count), b.levels(items, count)) > 0;
    }

    private static BigInteger lcm(BigInteger a, BigInteger b) {
        return a.divide(a.gcd(b)).multiply(b);
    }
}
