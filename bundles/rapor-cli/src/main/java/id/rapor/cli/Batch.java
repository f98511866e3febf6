package id.rapor.cli;

import id.rapor.client.Types;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * {@code batch}: a region's units from a CSV file, read against the methodology's questionnaire
 * (which says whether rows are units or respondents, and each indicator's printed code), scored
 * in one request, printed as a table, the server's JSON or CSV.
 */
final class Batch {
    private Batch() {}

    static void run(Arguments a, Printer print) {
        MethodologyChoice methodology = MethodologyChoice.parse(a.operand(0));
        Path csv = Path.of(a.operand(1));
        CsvFile file = CsvFile.read(csv); // a wrong file is reported before Rapor is asked anything
        Types.Questionnaire q = methodology.questionnaire(print.client());
        UnitsFile units = UnitsCsv.parse(file, q);
        String band = a.atOrBelow() == null ? null : bandCode(q, a.atOrBelow());
        String region = a.region() != null ? a.region() : regionNamedAfter(csv);
        Types.RegionScore scored = print.answer(methodology.scoreRegion(new Types.RegionAssessment(region, band, units.units())),
                (t, r) -> {
                    if (a.flag("--csv")) t.regionCsv(r, units);
                    else t.region(r, units);
                });
        long refused = scored.units().stream().filter(u -> !u.errors().isEmpty()).count();
        // A batch job must see that units were left out, even when the rest were scored.
        if (refused > 0) throw NotDone.unitsRefused(refused, scored.units().size());
    }

    /** A band named in any case (c, kuning), as the methodology's code (C, Kuning). */
    static String bandCode(Types.Questionnaire q, String named) {
        for (var b : q.bands()) if (b.code().equalsIgnoreCase(named.strip())) return b.code();
        throw new InputException("--at-or-below " + named + ": " + q.id() + " has no such band; its bands are "
                + q.bands().stream().map(Types.Band::code).collect(Collectors.joining(", ")));
    }

    /** Without --region, the region is named after the file: units-kab-contoh.csv is "units-kab-contoh". */
    private static String regionNamedAfter(Path csv) {
        String name = csv.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
