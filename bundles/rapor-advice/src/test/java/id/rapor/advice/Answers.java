package id.rapor.advice;

import id.rapor.api.model.Methodology;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** Answer sets for the tests. */
public final class Answers {
    private Answers() {}

    /**
     * A PEKPPP 2022 unit whose IPP is exactly 2.97 (C), like Banjarnegara's 2024 self-assessment
     * (the published figure; its answers were not published, so these were found with the real tables).
     */
    public static final int[] BANJARNEGARA_2_97 = {4, 3, 4, 3, 4, 3, 2, 2, 3, 4, 3, 3, 2, 3, 4, 4, 2, 4, 4, 4, 2, 1, 2, 4, 4, 2, 3, 4, 2, 2, 3};

    public static Map<String, BigDecimal> pekppp2022(int[] levels) {
        Map<String, BigDecimal> a = new LinkedHashMap<>();
        for (int k = 0; k < levels.length; k++) a.put(String.format("i%02d", k + 1), BigDecimal.valueOf(levels[k]));
        return a;
    }

    /** Any allowed answer to every indicator: an option, or a number of the range with its decimals. */
    public static Map<String, BigDecimal> random(Methodology m, Random random) {
        Map<String, BigDecimal> a = new LinkedHashMap<>();
        m.getIndicators().values().forEach(i -> {
            if (i.getRange() != null) {
                int cents = random.nextInt(i.getRange().max().intValue() * 100 + 1);
                a.put(i.getId(), BigDecimal.valueOf(cents, 2));
            } else {
                a.put(i.getId(), i.getOptions().get(random.nextInt(i.getOptions().size())).value());
            }
        });
        return a;
    }
}
