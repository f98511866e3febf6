package id.rapor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import id.rapor.generated.api.DefaultApi;
import id.rapor.generated.invoker.ApiClient;
import id.rapor.generated.model.Assessment;
import id.rapor.generated.model.AssessmentByAnswers;
import id.rapor.generated.model.AssessmentByRespondents;
import id.rapor.generated.model.Health;
import id.rapor.generated.model.MethodologySummary;
import id.rapor.generated.model.Region;
import id.rapor.generated.model.RegionRequest;
import id.rapor.generated.model.Score;
import id.rapor.generated.model.UnitError;
import id.rapor.generated.model.UnitScore;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A client generated from openapi.json as an integrator generates it (openapi-generator 7, java,
 * library native; see the distribution's pom) calls the real server: the contract and the server
 * cannot drift apart without this failing. The client is generated from the very file the server
 * serves.
 */
class GeneratedClientIT extends StartedDistribution {
    static final Path CONTRACT = Path.of(System.getProperty("rapor.contract",
            "../bundles/rapor-http/src/main/resources/id/rapor/http/api/openapi.json"));

    /** The generated client's connection to {@code rapor}; an API made from it takes its settings as they are then. */
    static ApiClient client(RaporDistribution rapor) {
        return new ApiClient().setScheme("http").setHost("127.0.0.1").setPort(rapor.port).setBasePath("");
    }

    static DefaultApi api(RaporDistribution rapor) {
        return new DefaultApi(client(rapor));
    }

    /** The README's example (docs/examples/pekppp-2022-assessment.json) in the generated model: 2.97, band C. */
    static Assessment example() throws Exception {
        var body = Assessments.example();
        Map<String, BigDecimal> answers = RaporDistribution.JSON.convertValue(body.get("answers"), new TypeReference<LinkedHashMap<String, BigDecimal>>() {});
        return new Assessment(new AssessmentByAnswers().unit(body.get("unit").asText()).answers(answers));
    }

    /** One SKM respondent's answers to the nine elements. */
    private static Map<String, BigDecimal> respondent(int... values) {
        Map<String, BigDecimal> answers = new LinkedHashMap<>();
        for (int e = 0; e < values.length; e++) answers.put("u" + (e + 1), BigDecimal.valueOf(values[e]));
        return answers;
    }

    @Test
    void theServedContractIsTheFileTheClientIsGeneratedFrom() throws Exception {
        HttpResponse<String> served = rapor.get("/api/v1/openapi.json");
        assertEquals(200, served.statusCode());
        assertEquals(Files.readString(CONTRACT), served.body());
    }

    @Test
    void healthAndTheMethodologies() throws Exception {
        DefaultApi api = api(rapor);
        assertEquals(Health.StatusEnum.UP, api.health().getStatus());
        List<String> ids = api.methodologies(null, null).stream().map(MethodologySummary::getId).toList();
        assertTrue(ids.containsAll(List.of("pekppp-2022", "ombudsman-2022", "skm-2017")), ids.toString());
        assertEquals(List.of("pekppp-2022"), api.methodologies("pekppp", 2023).stream().map(MethodologySummary::getId).toList());
    }

    @Test
    void scoresByAnswersAndByRespondents() throws Exception {
        DefaultApi api = api(rapor);
        Score pekppp = api.score("pekppp-2022", example(), null, null);
        assertEquals("2.97", pekppp.getIndex().toPlainString());
        assertEquals("C", pekppp.getBand().getCode());

        Assessment survey = new Assessment(new AssessmentByRespondents().unit("Puskesmas").respondents(List.of(
                respondent(4, 4, 3, 3, 2, 2, 1, 1, 4), respondent(2, 4, 3, 1, 2, 4, 1, 3, 4))));
        Score skm = api.score("skm-2017", survey, null, null);
        assertEquals("66.67", skm.getIndex().toPlainString());
        assertEquals("C", skm.getBand().getCode());
        assertEquals("skm-2017", api.scoreByYear("skm", 2024, survey, null).getMethodology().getId());
    }

    @Test
    void aRegionsScoredAndRefusedUnitsAreToldApartByTheirOutcome() throws Exception {
        DefaultApi api = api(rapor);
        Assessment refused = new Assessment(new AssessmentByAnswers().unit("Dinas B").answers(Map.of("i01", new BigDecimal(9))));
        Region region = api.scoreRegion("pekppp-2022", new RegionRequest().region("Kab. Contoh").units(List.of(example(), refused)), null);
        assertEquals(2, region.getUnits().size());
        UnitScore scored = (UnitScore) region.getUnits().get(0).getActualInstance();
        assertEquals("2.97", scored.getIndex().toPlainString());
        UnitError error = (UnitError) region.getUnits().get(1).getActualInstance();
        assertEquals("Dinas B", error.getUnit());
        assertTrue(!error.getErrors().isEmpty());
    }
}
