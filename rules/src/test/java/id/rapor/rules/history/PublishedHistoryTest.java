package id.rapor.rules.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import id.rapor.api.model.Assessment;
import id.rapor.api.model.ScoreResult;
import id.rapor.rules.testkit.RuleBundleUnderTest;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The example data of docs/examples/history/ (the published figures that {@code rapor-cli
 * load-examples} stores) scored by the rule bundles as built: each assessment's constructed
 * answers must give exactly the published index, and the published band, label or zone. A change
 * of a weight, band or rounding that stops reproducing a published figure fails here, by name.
 */
class PublishedHistoryTest {
    private static final JsonNode HISTORY = read();

    @TestFactory
    Stream<DynamicTest> everyPublishedFigureIsReproducedByTheRulesThatShip() {
        return StreamSupport.stream(HISTORY.get("assessments").spliterator(), false).map(a -> {
            JsonNode published = a.get("published");
            String name = a.get("unit").asText() + " " + a.get("family").asText() + " " + a.get("year").asInt() + " "
                    + a.get("role").asText() + ": " + published.get("index").decimalValue();
            return DynamicTest.dynamicTest(name, () -> {
                RuleBundleUnderTest bundle = RuleBundleUnderTest.load(a.get("methodology").asText());
                assertEquals(a.get("family").asText(), bundle.methodology().getFamily(), name);
                assertTrue(bundle.methodology().getYears().contains(a.get("year").asInt()), name + ": the methodology of that year");
                ScoreResult r = bundle.bundle().score(new Assessment("contoh", answers(a.get("answers"))));
                assertEquals(published.get("index").decimalValue().toPlainString(), r.index().toPlainString(), name);
                // Exactly, not only once rounded: the answers were constructed to give the figure itself.
                assertEquals(0, r.unroundedIndex().compareTo(published.get("index").decimalValue()), name + ": unrounded " + r.unroundedIndex());
                if (published.has("band")) assertEquals(published.get("band").asText(), r.band().getCode(), name);
                if (published.has("label")) assertEquals(published.get("label").asText(), r.band().getLabel(), name);
                if (published.has("zone")) assertEquals(published.get("zone").asText(), r.band().getZone(), name);
            });
        });
    }

    @Test
    void everyAssessmentSaysItIsExampleDataWithItsFigureAndSource() {
        for (JsonNode a : HISTORY.get("assessments")) {
            String comment = a.get("comment").asText();
            String figure = a.get("published").get("index").decimalValue().toPlainString().replace('.', ',');
            assertTrue(comment.startsWith("DATA CONTOH"), comment);
            assertTrue(comment.contains(figure), figure + " in " + comment);
            assertTrue(comment.contains("Sumber: ") && comment.contains("methodologies.md"), comment);
            assertTrue(comment.contains("disusun agar aturan Rapor menghasilkan indeks itu persis"), comment);
            assertTrue(a.get("unit").asText().startsWith("contoh-"), "under the example region: " + a.get("unit"));
        }
        for (JsonNode u : HISTORY.get("units")) {
            boolean root = u.get("parent").isNull();
            assertEquals(root, u.get("id").asText().equals("contoh"), "one root, 'contoh': " + u);
            assertTrue(root || u.get("parent").asText().startsWith("contoh"), u.toString());
            assertTrue(u.get("name").asText().contains("contoh"), u.toString());
        }
        assertFalse(HISTORY.get("notLoaded").isEmpty(), "what was left out, and why");
    }

    private static Map<String, BigDecimal> answers(JsonNode node) {
        Map<String, BigDecimal> answers = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> answers.put(e.getKey(), e.getValue().decimalValue()));
        return answers;
    }

    private static JsonNode read() {
        try {
            return JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build()
                    .readTree(Path.of(System.getProperty("rapor.examples.history")).toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
