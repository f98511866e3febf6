package id.rapor.api.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.rapor.api.model.Presentation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The two catalogs say the same things: every key in both, with the same placeholders. */
class MessageCatalogsTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^}]*}");

    @Test
    void everyKeyIsInBothLanguagesWithTheSamePlaceholders() {
        ResourceBundle id = Language.load("id");
        ResourceBundle en = Language.load("en");
        assertEquals(new TreeSet<>(en.keySet()), new TreeSet<>(id.keySet()), "keys of messages_en and messages_id");
        Map<String, String> differ = new TreeMap<>();
        for (String key : en.keySet()) {
            if (!placeholders(en.getString(key)).equals(placeholders(id.getString(key)))) {
                differ.put(key, en.getString(key) + "  |  " + id.getString(key));
            }
        }
        assertEquals(Map.of(), differ, "placeholders differ");
        assertTrue(en.keySet().size() > 100, "the catalogs were read: " + en.keySet().size());
    }

    /** A key written twice keeps its last text silently (java.util.Properties): one of the two was a mistake. */
    @Test
    void noKeyIsWrittenTwice() throws Exception {
        for (String language : List.of("en", "id")) {
            String file = "messages_" + language + ".properties";
            List<String> keys = new java.util.ArrayList<>();
            try (var in = Language.class.getResourceAsStream(file);
                 var lines = new java.io.BufferedReader(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8))) {
                lines.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#") && l.contains("="))
                        .forEach(l -> keys.add(l.substring(0, l.indexOf('=')).strip()));
            }
            Set<String> seen = new TreeSet<>();
            Set<String> twice = new TreeSet<>();
            for (String k : keys) if (!seen.add(k)) twice.add(k);
            assertEquals(Set.of(), twice, file);
        }
    }

    @Test
    void placeholdersNameOnlyKindsOfNumbersAMethodologyCanPrint() {
        ResourceBundle en = Language.load("en");
        for (String key : en.keySet()) {
            for (String p : placeholders(en.getString(key))) {
                String[] parts = p.substring(1, p.length() - 1).split(",", 2);
                assertTrue(parts[0].matches("\\d"), key + ": " + p);
                if (parts.length > 1) assertTrue(Presentation.KINDS.contains(parts[1]), key + ": unknown kind in " + p);
            }
        }
    }

    @Test
    void indonesianWritesADecimalCommaAndPrintsNumbersAsTheMethodologyDoes() {
        Presentation p = new Presentation(Map.of(Presentation.ASPECT_SCORE, 2, Presentation.ASPECT_CONTRIBUTION, 2,
                Presentation.INDEX_UNROUNDED, 4));
        Message aspect = Message.of("explain.aspect", "Inovasi", new BigDecimal("2.8333333333"), new BigDecimal("12"),
                new BigDecimal("0.3399999999996"));
        assertEquals("Inovasi: rata-rata tertimbang jawabannya = 2,83; × 12% = 0,34", Language.INDONESIAN.text(aspect, p));
        assertEquals("Inovasi: weighted mean of its answers = 2.83; × 12% = 0.34", Language.ENGLISH.text(aspect, p));
        Message index = Message.of("explain.index", new BigDecimal("79.16666666666666666666666666666667"), 2, new BigDecimal("79.17"));
        assertEquals("Indeks = Σ kontribusi aspek = 79,1666…, dibulatkan ke 2 desimal (setengah ke atas): 79,17",
                Language.INDONESIAN.text(index, p));
        assertEquals("Index = Σ aspect contributions = 79.16666666666666666666666666666667, rounded half-up to 2 decimals: 79.17",
                Language.ENGLISH.text(index, Presentation.EXACT));
        // A rounded index and a band's edges keep the decimals they were written with.
        Message band = Message.of("explain.band", new BigDecimal("4.50"), new BigDecimal("4.01"), new BigDecimal("4.50"), "A-", "Sangat Baik");
        assertEquals("4,50 berada pada rentang 4,01–4,50: A- (Sangat Baik)", Language.INDONESIAN.text(band, p));
    }

    @Test
    void validationMessagesNestAndListValues() {
        Message expected = Message.of("answer.expected.options", List.of(BigDecimal.ZERO, BigDecimal.ONE, new BigDecimal("2")));
        assertEquals("Jawaban untuk indikator i07 tidak ada; seharusnya salah satu dari 0, 1, 2",
                Language.INDONESIAN.text(Message.of("answer.missing", "i07", expected)));
        assertEquals("missing answer to indicator i07; expected one of 0, 1, 2", Language.ENGLISH.text(Message.of("answer.missing", "i07", expected)));
        // Decimals in an Indonesian list are separated by semicolons: "0,5, 1" would read as three numbers.
        assertEquals("seharusnya salah satu dari 0,5; 1",
                Language.INDONESIAN.text(Message.of("answer.expected.options", List.of(new BigDecimal("0.5"), BigDecimal.ONE))));
    }

    @Test
    void aKeyNoCatalogHasIsSaidAsItIs() {
        assertEquals("Index = 2.97", Language.INDONESIAN.text(Message.of("Index = 2.97")));
        assertEquals("gap", Language.INDONESIAN.text(Message.literal("gap")));
    }

    @Test
    void acceptLanguageChoosesWithQValuesAndDefaultsToIndonesian() {
        assertEquals(Language.INDONESIAN, Language.negotiate(null));
        assertEquals(Language.INDONESIAN, Language.negotiate(""));
        assertEquals(Language.INDONESIAN, Language.negotiate("id"));
        assertEquals(Language.INDONESIAN, Language.negotiate("id-ID,id;q=0.9,en;q=0.8"));
        assertEquals(Language.ENGLISH, Language.negotiate("en"));
        assertEquals(Language.ENGLISH, Language.negotiate("en-GB"));
        assertEquals(Language.ENGLISH, Language.negotiate("id;q=0.5, en;q=0.9"));
        assertEquals(Language.ENGLISH, Language.negotiate("fr, en;q=0.5"));
        assertEquals(Language.INDONESIAN, Language.negotiate("fr"));
        assertEquals(Language.INDONESIAN, Language.negotiate("*"));
        assertEquals(Language.INDONESIAN, Language.negotiate(";;;q=x"));
    }

    private static Set<String> placeholders(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) found.add(m.group());
        return found;
    }
}
