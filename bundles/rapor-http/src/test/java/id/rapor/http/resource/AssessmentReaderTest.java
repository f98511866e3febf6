package id.rapor.http.resource;

import id.rapor.http.json.HttpProblem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import id.rapor.api.FieldError;
import id.rapor.api.model.Assessment;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

public class AssessmentReaderTest {
    private final AssessmentReader reader = new AssessmentReader(
            JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    private Assessment read(String json) throws Exception {
        return reader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private HttpProblem problem(String json) {
        return assertThrows(HttpProblem.class, () -> read(json));
    }

    @Test
    void readsUnitAndAnswersExactly() throws Exception {
        Assessment a = read("{\"unit\":\"Dinas A\",\"answers\":{\"i01\":3,\"i02\":4.50}}");
        assertEquals("Dinas A", a.unit());
        assertEquals(new BigDecimal("3"), a.answers().get("i01"));
        assertEquals(new BigDecimal("4.50"), a.answers().get("i02"));
    }

    @Test
    void reportsEveryWrongTypeWithItsField() {
        HttpProblem p = problem("{\"unit\":\"x\",\"answers\":{\"i01\":\"3\",\"i02\":null,\"i03\":[1],\"i04\":true}}");
        assertEquals(400, p.status());
        assertEquals(List.of(
                new FieldError("answers.i01", "expected a number, got a string"),
                new FieldError("answers.i02", "expected a number, got null"),
                new FieldError("answers.i03", "expected a number, got an array"),
                new FieldError("answers.i04", "expected a number, got a boolean")), p.errors());
    }

    @Test
    void malformedJsonSaysWhere() {
        HttpProblem p = problem("{\"unit\":\"x\",\n\"answers\":{\"i01\":3,,}}");
        assertEquals(400, p.status());
        assertEquals("answers.i01", p.errors().get(0).field());
        assertEquals(true, p.errors().get(0).message().startsWith("malformed JSON at line 2"), p.errors().toString());
        assertEquals(false, p.errors().get(0).message().contains("Source"), p.errors().toString());
    }

    @Test
    void aZeroWithAMillionDecimalsIsReadAsItsPlainValue() throws Exception {
        Assessment a = read("{\"unit\":\"x\",\"answers\":{\"i01\":0E-1000000,\"i02\":1E+999999999,\"i03\":3.50}}");
        assertEquals(0, a.answers().get("i01").scale(), "no million-digit scale left to pay for");
        assertEquals(0, a.answers().get("i01").signum());
        assertEquals(-999999999, a.answers().get("i02").scale(), "no answer at all: validation refuses it (422)");
        assertEquals("3.50", a.answers().get("i03").toPlainString(), "ordinary numbers keep their decimals");
    }

    /** The review's heap attack: a megabyte of 110,000 invented keys became 110,000 errors in a 10 MB answer. */
    @Test
    void moreAnswersThanAnyQuestionnaireHasAre413NamingTheObject() {
        StringBuilder keys = new StringBuilder("{\"unit\":\"x\",\"answers\":{");
        for (int k = 0; k < 110_000; k++) keys.append(k == 0 ? "" : ",").append('"').append(k).append("\":1");
        HttpProblem p = problem(keys.append("}}").toString());
        assertEquals(413, p.status());
        assertEquals("urn:rapor:problem:too-many-answers", p.type());
        assertEquals(List.of("answers"), p.errors().stream().map(FieldError::field).toList());
        StringBuilder respondent = new StringBuilder("{\"unit\":\"x\",\"respondents\":[{\"u1\":4},{");
        for (int k = 0; k <= AssessmentReader.MAX_ANSWERS; k++) respondent.append(k == 0 ? "" : ",").append("\"u").append(k).append("\":1");
        assertEquals(List.of("respondents[1]"), problem(respondent.append("}]}").toString()).errors().stream().map(FieldError::field).toList());
    }

    @Test
    void duplicateKeysAreRefused() {
        assertEquals(400, problem("{\"unit\":\"x\",\"answers\":{\"i01\":3,\"i01\":4}}").status());
    }

    @Test
    void missingFieldsAre422() {
        HttpProblem p = problem("{}");
        assertEquals(422, p.status());
        assertEquals(List.of("unit", "answers"), p.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void anExponentBeyondWhatADecimalHoldsIs422NamingTheAnswer() {
        for (String number : List.of("1E2147483648", "1E-2147483649", "0.0E-2147483647", "-9E+99999999999")) {
            HttpProblem p = problem("{\"unit\":\"x\",\"answers\":{\"i01\":3,\"i02\":" + number + "}}");
            assertEquals(422, p.status(), number);
            assertEquals(List.of(new FieldError("answers.i02", number + " is not an allowed answer: its exponent is out of range")),
                    p.errors(), number);
        }
    }

    @Test
    void inARegionSuchANumberIsThatUnitsOwnError() throws Exception {
        var region = reader.readRegion(new ByteArrayInputStream(("{\"region\":\"R\",\"units\":["
                + "{\"unit\":\"a\",\"answers\":{\"i01\":1E2147483648}},{\"unit\":\"b\",\"answers\":{\"i01\":3}}]}")
                .getBytes(StandardCharsets.UTF_8)));
        assertEquals("units[0].answers.i01", region.units().get(0).errors().get(0).field());
        assertEquals(List.of(), region.units().get(1).errors());
    }

    @Test
    void aBatchOverTheUnitLimitIs413NamingUnits() throws Exception {
        AssessmentReader three = new AssessmentReader(new JsonFactory(), 3);
        String unit = "{\"unit\":\"u\",\"answers\":{\"i01\":1}}";
        assertEquals(3, three.readRegion(new ByteArrayInputStream(("{\"region\":\"R\",\"units\":[" + String.join(",", List.of(unit, unit, unit))
                + "]}").getBytes(StandardCharsets.UTF_8))).units().size());
        // Refused when the fourth begins: the rest of a huge body is never parsed.
        HttpProblem p = assertThrows(HttpProblem.class, () -> three.readRegion(new ByteArrayInputStream(("{\"region\":\"R\",\"units\":["
                + String.join(",", List.of(unit, unit, unit, unit)) + ",this is never read").getBytes(StandardCharsets.UTF_8))));
        assertEquals(413, p.status());
        assertEquals("urn:rapor:problem:too-many-units", p.type());
        assertEquals(List.of(new FieldError("units", "more than 3 units")), p.errors());
        assertEquals(413, assertThrows(HttpProblem.class, () -> three.readUnits(new ByteArrayInputStream(("{\"units\":["
                + String.join(",", List.of(unit, unit, unit, unit)) + "]}").getBytes(StandardCharsets.UTF_8)))).status(),
                "the impact preview's units too");
    }
}
