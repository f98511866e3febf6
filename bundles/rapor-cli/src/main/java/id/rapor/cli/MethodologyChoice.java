package id.rapor.cli;

import id.rapor.client.Call;
import id.rapor.client.RaporClient;
import id.rapor.client.Types;

/** The methodology a command names: an id (pekppp-2022), or a family and an assessment year (pekppp:2024). */
record MethodologyChoice(String id, String family, int year) {

    static MethodologyChoice parse(String s) {
        int colon = s.indexOf(':');
        if (colon < 0) {
            if (s.isBlank()) throw new UsageException("no methodology named; give an id (pekppp-2022) or family:year (pekppp:2024)");
            return new MethodologyChoice(s, null, 0);
        }
        String family = s.substring(0, colon);
        try {
            int year = Integer.parseInt(s.substring(colon + 1));
            if (family.isBlank()) throw new NumberFormatException();
            return new MethodologyChoice(null, family, year);
        } catch (NumberFormatException e) {
            throw new UsageException("'" + s + "' is neither a methodology id nor family:year (e.g. ombudsman:2023)");
        }
    }

    private boolean byYear() {
        return family != null;
    }

    /** The questionnaire of the methodology chosen: of the one that applies to the year, when chosen by year. */
    Types.Questionnaire questionnaire(RaporClient client) {
        return client.methodology(byYear() ? client.resolve(family, year).id() : id);
    }

    Call<Types.Score> score(Types.Assessment assessment) {
        return byYear() ? Call.score(family, year, assessment) : Call.score(id, assessment);
    }

    Call<Types.RegionScore> scoreRegion(Types.RegionAssessment region) {
        return byYear() ? Call.scoreRegion(family, year, region) : Call.scoreRegion(id, region);
    }
}
