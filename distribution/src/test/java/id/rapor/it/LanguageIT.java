package id.rapor.it;

import static id.rapor.it.RaporDistribution.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Answers in the reader's language (Indonesian unless Accept-Language prefers English, with the
 * same field names), numbers as the regulation prints them (exact ones only when asked), and
 * the information-only aspect's answer.
 */
class LanguageIT extends StartedDistribution {
    private static final String SCORE = "/api/v1/methodologies/pekppp-2022/score";

    private static HttpResponse<String> post(String path, String body, String language) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(rapor.url(path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (language != null) b.header("Accept-Language", language);
        return rapor.send(b);
    }

    private static String lastLine(JsonNode score) {
        JsonNode lines = score.get("explanation");
        return lines.get(lines.size() - 1).asText();
    }

    @Test
    void explanationsAreIndonesianByDefaultAndEnglishWhenAsked() throws Exception {
        String example = Assessments.example().toString();
        for (String indonesian : new String[] {null, "id", "id-ID,id;q=0.9,en;q=0.8", "fr", "*"}) {
            HttpResponse<String> r = post(SCORE, example, indonesian);
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("id", r.headers().firstValue("Content-Language").orElse(null), "Accept-Language: " + indonesian);
            JsonNode s = json(r);
            assertEquals("2,97 berada pada rentang 2,51–3,00: C (Cukup)", lastLine(s), "Accept-Language: " + indonesian);
            assertEquals("Kebijakan Pelayanan: rata-rata tertimbang jawabannya = 3; × 24% = 0,72", s.at("/explanation/0").asText());
            assertEquals("Indeks = Σ kontribusi aspek = 2,97, dibulatkan ke 2 desimal (setengah ke atas): 2,97",
                    s.at("/explanation/7").asText());
            assertEquals(2.97, s.get("index").asDouble(), "JSON numbers stay JSON numbers");
        }
        for (String english : new String[] {"en", "en-GB", "id;q=0.5, en;q=0.9", "fr, en;q=0.5"}) {
            HttpResponse<String> r = post(SCORE, example, english);
            assertEquals("en", r.headers().firstValue("Content-Language").orElse(null), "Accept-Language: " + english);
            JsonNode s = json(r);
            assertEquals("2.97 lies in 2.51–3.00: C (Cukup)", lastLine(s), "Accept-Language: " + english);
            assertEquals("Kebijakan Pelayanan: weighted mean of its answers = 3; × 24% = 0.72", s.at("/explanation/0").asText());
        }
    }

    @Test
    void aRefusalIsInTheReadersLanguageWithTheSameFieldNames() throws Exception {
        String missing = Assessments.exampleWith("i07", null);
        JsonNode id = RaporDistribution.JSON.readTree(post(SCORE, missing, "id").body());
        assertEquals(422, id.get("status").asInt(), id.toString());
        assertEquals("urn:rapor:problem:invalid-assessment", id.get("type").asText());
        assertEquals("Penilaian tidak sah", id.get("title").asText());
        assertEquals("Jawaban tidak sesuai dengan kuesioner metodologi; tidak ada yang dinilai.", id.get("detail").asText());
        assertEquals("answers.i07", id.at("/errors/0/field").asText());
        assertEquals("Jawaban untuk indikator i07 tidak ada; seharusnya salah satu dari 0, 1, 2, 3, 4, 5", id.at("/errors/0/message").asText());

        HttpResponse<String> r = post(SCORE, missing, "en");
        assertEquals("en", r.headers().firstValue("Content-Language").orElse(null));
        JsonNode en = RaporDistribution.JSON.readTree(r.body());
        assertEquals("Invalid assessment", en.get("title").asText());
        assertEquals("The answers do not fit the methodology's questionnaire; nothing was scored.", en.get("detail").asText());
        assertEquals("answers.i07", en.at("/errors/0/field").asText());
        assertEquals("missing answer to indicator i07; expected one of 0, 1, 2, 3, 4, 5", en.at("/errors/0/message").asText());
        List<String> fields = new ArrayList<>();
        en.fieldNames().forEachRemaining(fields::add);
        List<String> idFields = new ArrayList<>();
        id.fieldNames().forEachRemaining(idFields::add);
        assertEquals(fields, idFields);
    }

    @Test
    void aRefusalOfTheHttpServerIsInTheReadersLanguageWhereItReadTheHeaders() throws Exception {
        // Refused while the API read its parameters: the headers were read, and are followed.
        String query = "/api/v1/methodologies?family=%zz&year=2023";
        var en = RawHttp.exchange(rapor.port, "127.0.0.1", RawHttp.request("GET", query, null, "Accept-Language: en"));
        assertEquals(400, en.status(), en.body());
        assertEquals("en", en.header("Content-Language"));
        assertEquals("Malformed request", RaporDistribution.JSON.readTree(en.body()).get("title").asText(), en.body());
        var id = RawHttp.exchange(rapor.port, "127.0.0.1", RawHttp.request("GET", query, null, "Accept-Language: id"));
        assertEquals("id", id.header("Content-Language"));
        assertEquals("Permintaan tidak sah", RaporDistribution.JSON.readTree(id.body()).get("title").asText(), id.body());
        // Refused before its headers were parsed (an ambiguous path): in the default language, Indonesian.
        var early = RawHttp.exchange(rapor.port, "127.0.0.1", RawHttp.request("GET", "/api/v1/%2e%2e/x", null, "Accept-Language: en"));
        assertEquals(400, early.status(), early.body());
        assertEquals("id", early.header("Content-Language"));
        assertEquals("Permintaan tidak sah", RaporDistribution.JSON.readTree(early.body()).get("title").asText(), early.body());
    }

    @Test
    void theInformationOnlyAspectReportsItsAnswerAndWeighsNothing() throws Exception {
        JsonNode s = json(post(SCORE, Assessments.example().toString(), null));
        JsonNode antrian = s.at("/aspects/6");
        assertEquals("antrian", antrian.get("id").asText());
        assertTrue(antrian.get("informationOnly").asBoolean(), antrian.toString());
        assertEquals(2, antrian.get("score").asInt(), "the README example answers i31 with 2: " + antrian);
        assertEquals(0, antrian.get("contribution").asInt());
        assertFalse(s.at("/aspects/0").has("informationOnly"), "only where the aspect weighs 0%");
        assertEquals("Sistem Antrian (informasi): hanya sebagai informasi, jawabannya 2; berbobot 0% dari indeks", s.at("/explanation/6").asText());
    }

    @Test
    void aSurveyPrintsItsNumbersAsTheRegulationDoesAndExactOnesOnlyWhenAsked() throws Exception {
        ObjectNode survey = RaporDistribution.JSON.createObjectNode();
        survey.put("unit", "Puskesmas Contoh");
        var respondents = survey.putArray("respondents");
        int[][] answers = {{4, 4, 3, 3, 3, 3, 2, 2, 4}, {3, 3, 3, 3, 2, 2, 2, 2, 3}, {4, 3, 3, 3, 2, 2, 2, 2, 3}};
        for (int[] a : answers) {
            ObjectNode one = respondents.addObject();
            for (int k = 0; k < a.length; k++) one.put("u" + (k + 1), a[k]);
        }
        String path = "/api/v1/methodologies/skm-2017/score";
        HttpResponse<String> printed = post(path, survey.toString(), "en");
        assertEquals(200, printed.statusCode(), printed.body());
        // IKM = 25 × 75 / 27 = 69.444…: the answer shows 69.44, its parts with the decimals the bundle declares.
        assertTrue(printed.body().matches("(?s).*\"index\":69\\.44[,}].*"), printed.body());
        assertFalse(printed.body().matches("(?s).*\\d\\.\\d{5,}.*"), "no number with more than 4 decimals: " + printed.body());
        JsonNode s = json(printed);
        assertEquals("69.44", s.at("/aspects/0/contribution").asText());
        assertEquals("2.778", s.at("/aspects/0/score").asText());
        assertEquals("3.67", s.at("/indicators/0/answer").asText());
        assertEquals("10.19", s.at("/indicators/0/contribution").asText());
        assertFalse(s.has("exact"));
        assertEquals("NRR per element = mean of 3 respondents' answers; weighted NRR = 2.778 (element weight 1/9); × 25 = IKM 69.44",
                s.at("/explanation/0").asText());
        assertEquals("Index = Σ aspect contributions = 69.4444…, rounded half-up to 2 decimals: 69.44", s.at("/explanation/1").asText());

        JsonNode exact = json(post(path + "?exact=true", survey.toString(), "en"));
        assertEquals("69.44", exact.get("index").asText());
        assertTrue(exact.at("/exact/index").asText().startsWith("69.444444444"), exact.toString());
        assertTrue(exact.at("/aspects/0/exact/contribution").asText().startsWith("69.444444444"), exact.toString());
        assertTrue(exact.at("/indicators/0/exact/answer").asText().startsWith("3.66666666"), exact.toString());
        assertEquals("69.44", exact.at("/aspects/0/contribution").asText(), "the printed numbers stay");

        JsonNode wrong = RaporDistribution.JSON.readTree(post(path + "?exact=yes", survey.toString(), "en").body());
        assertEquals(400, wrong.get("status").asInt(), wrong.toString());
        assertEquals("exact", wrong.at("/errors/0/field").asText());
        assertEquals("expected true or false, got 'yes'", wrong.at("/errors/0/message").asText());
    }
}
