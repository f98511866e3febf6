package id.rapor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.rapor.client.Types;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssessmentFileTest {
    @TempDir
    Path dir;

    private Types.Assessment read(String json) throws Exception {
        return AssessmentFile.read(Files.writeString(dir.resolve("a.json"), json));
    }

    private String refusal(String json) throws Exception {
        Path file = Files.writeString(dir.resolve("a.json"), json);
        return assertThrows(InputException.class, () -> AssessmentFile.read(file)).getMessage().replace(file.toString(), "a.json");
    }

    @Test
    void aUnitsAnswersExactlyAsWritten() throws Exception {
        Types.Assessment a = read("{\"unit\": \"Dinas A\", \"answers\": {\"i01\": 3, \"i02\": 4.50, \"i03\": 0.1}}");
        assertEquals("Dinas A", a.unit());
        assertEquals(List.of("i01", "i02", "i03"), List.copyOf(a.answers().keySet()));
        assertEquals("4.50", a.answers().get("i02").toPlainString());
        assertEquals(new BigDecimal("0.1"), a.answers().get("i03"));
        assertNull(a.respondents());
    }

    @Test
    void aSurveysRespondents() throws Exception {
        Types.Assessment a = read("{\"unit\": \"Puskesmas\", \"respondents\": [{\"u1\": 4}, {\"u1\": 3}]}");
        assertEquals(List.of(Map.of("u1", new BigDecimal("4")), Map.of("u1", new BigDecimal("3"))), a.respondents());
        assertNull(a.answers());
    }

    @Test
    void mistakesAreCaughtBeforeSending() throws Exception {
        assertEquals("a.json: unknown field 'anwsers'; expected unit and answers (or respondents)",
                refusal("{\"unit\": \"Dinas A\", \"anwsers\": {}}"));
        assertEquals("a.json: answers.i01 must be a number, not \"3\"", refusal("{\"unit\": \"Dinas A\", \"answers\": {\"i01\": \"3\"}}"));
        assertEquals("a.json: respondents[1].u1 must be a number, not null",
                refusal("{\"unit\": \"P\", \"respondents\": [{\"u1\": 4}, {\"u1\": null}]}"));
        assertEquals("a.json: has neither \"answers\" nor \"respondents\"", refusal("{\"unit\": \"Dinas A\"}"));
        assertEquals("a.json: \"unit\" must be the name of the unit assessed", refusal("{\"answers\": {}}"));
        assertTrue(refusal("{\"unit\": ").startsWith("a.json is not JSON"));
        assertTrue(refusal("[1]").startsWith("a.json: expected a JSON object"));
    }
}
