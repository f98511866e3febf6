package id.rapor.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Request bodies for the tests, built from the README's example (the published 2.97 → C case). */
final class Assessments {
    private Assessments() {}

    /** docs/examples/pekppp-2022-assessment.json, the body the README's curl sends. */
    static ObjectNode example() throws IOException {
        Path file = Path.of(System.getProperty("rapor.examples", "../docs/examples"), "pekppp-2022-assessment.json");
        return (ObjectNode) RaporDistribution.JSON.readTree(Files.readString(file));
    }

    /** The README's comparison: docs/examples/pekppp-2017-assessment.json under PEKPPP 2017, the example under 2022. */
    static ObjectNode comparison() throws IOException {
        Path file = Path.of(System.getProperty("rapor.examples", "../docs/examples"), "pekppp-2017-assessment.json");
        ObjectNode body = RaporDistribution.JSON.createObjectNode();
        body.putObject("before").put("methodology", "pekppp-2017").set("answers", RaporDistribution.JSON.readTree(Files.readString(file)).get("answers"));
        body.putObject("after").put("methodology", "pekppp-2022").set("answers", example().get("answers"));
        return body;
    }

    static String exampleWith(String indicator, Object value) throws IOException {
        ObjectNode body = example();
        ObjectNode answers = (ObjectNode) body.get("answers");
        if (value == null) answers.remove(indicator);
        else answers.set(indicator, RaporDistribution.JSON.valueToTree(value));
        return body.toString();
    }
}
