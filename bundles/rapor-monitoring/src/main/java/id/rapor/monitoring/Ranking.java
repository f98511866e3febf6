package id.rapor.monitoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ranks by index, highest first, by competition ranking ("1224"): units with equal indices (as
 * printed) share a rank, and the next unit's rank counts everyone above it — as prizes for "the
 * three best" are given, two units tied for second leave no third.
 */
final class Ranking {
    private Ranking() {}

    /** {@code indices} by unit, in any order; the rank of each. */
    static Map<String, Integer> ranks(Map<String, BigDecimal> indices) {
        List<Map.Entry<String, BigDecimal>> order = new ArrayList<>(indices.entrySet());
        order.sort(Map.Entry.<String, BigDecimal>comparingByValue().reversed());
        Map<String, Integer> ranks = new HashMap<>();
        BigDecimal last = null;
        int rank = 0;
        for (int k = 0; k < order.size(); k++) {
            BigDecimal index = order.get(k).getValue();
            if (last == null || index.compareTo(last) != 0) rank = k + 1;
            ranks.put(order.get(k).getKey(), rank);
            last = index;
        }
        return ranks;
    }
}
