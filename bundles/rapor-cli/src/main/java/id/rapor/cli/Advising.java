package id.rapor.cli;

import id.rapor.client.Types;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the plan and compare commands send: their options and operands read into the API's requests. */
final class Advising {
    private Advising() {}

    /** {@code --costs i14=0.5,i16=10}: the cost of one level step, by indicator. */
    static Map<String, BigDecimal> costs(String option) {
        if (option == null) return null;
        Map<String, BigDecimal> costs = new LinkedHashMap<>();
        for (String pair : option.split(",")) {
            int eq = pair.indexOf('=');
            try {
                if (eq <= 0) throw new NumberFormatException();
                costs.put(pair.substring(0, eq).trim(), new BigDecimal(pair.substring(eq + 1).trim().replace(',', '.')));
            } catch (NumberFormatException e) {
                throw new UsageException("--costs takes INDICATOR=COST pairs separated by commas, such as i14=0.5,i16=10; not '" + pair + "'");
            }
        }
        return costs;
    }

    /** {@code --fixed i01,i16}: indicators that cannot change. */
    static List<String> fixed(String option) {
        if (option == null) return null;
        List<String> ids = new ArrayList<>();
        for (String id : option.split(",")) if (!id.isBlank()) ids.add(id.trim());
        return ids;
    }

    static Types.PlanRequest plan(Path assessment, String target, String costs, String fixed) {
        Types.Assessment a = AssessmentFile.read(assessment);
        return new Types.PlanRequest(a.unit(), a.answers(), target, costs(costs), fixed(fixed));
    }

    /** {@code ID} or {@code ID@N}: a methodology, or a revision of it. */
    record Rules(String methodology, Integer revision) {
        static Rules parse(String s) {
            int at = s.indexOf('@');
            if (at < 0) return new Rules(s, null);
            return new Rules(s.substring(0, at), Revising.number(s.substring(at + 1)));
        }
    }

    /** One side of a comparison: rules and a file of answers ({@code =}: the same answers as before). */
    static Types.CompareSide side(String rules, String file) {
        Rules r = Rules.parse(rules);
        Map<String, BigDecimal> answers = file.equals("=") ? null : AssessmentFile.read(Path.of(file)).answers();
        return new Types.CompareSide(r.methodology(), r.revision(), answers, null);
    }
}
