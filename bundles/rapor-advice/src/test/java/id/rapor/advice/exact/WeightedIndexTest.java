package id.rapor.advice.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.rapor.advice.Answers;
import id.rapor.advice.RealRules;
import id.rapor.api.model.Assessment;
import id.rapor.api.model.Methodology;
import id.rapor.api.model.ScoreResult;
import id.rapor.engine.standalone.StandaloneRuleBundle;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The index from the tables is the index the rules compute: for every methodology answered per
 * indicator, on random answer sets, equal to the real engine's (exactly where the engine's is
 * exact; to its 34 digits where PEKPPP 2017's 99.5 makes it non-terminating), and so is its rounding.
 */
class WeightedIndexTest {

    @ParameterizedTest
    @ValueSource(strings = {"pekppp-2017", "pekppp-2022", "ombudsman-2021", "ombudsman-2022"})
    void theTablesIndexIsTheRulesIndex(String id) throws Exception {
        StandaloneRuleBundle bundle = RealRules.bundle(id);
        Methodology m = bundle.methodology();
        WeightedIndex tables = new WeightedIndex(m);
        Random random = new Random(id.hashCode());
        for (int n = 0; n < 300; n++) {
            Map<String, BigDecimal> answers = Answers.random(m, random);
            ScoreResult rules = bundle.score(new Assessment("u", answers));
            Fraction exact = tables.index(answers);
            assertEquals(0, rules.index().compareTo(tables.rounded(exact)), id + " " + answers);
            BigDecimal gap = exact.subtract(Fraction.of(rules.unroundedIndex())).toBigDecimal().abs();
            assertTrue(gap.compareTo(new BigDecimal("1e-30")) < 0, id + ": " + gap);
            if (id.equals("pekppp-2022") || id.startsWith("ombudsman-2022")) assertEquals(0, gap.signum(), "exact: " + gap);
        }
    }
}
