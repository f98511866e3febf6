package id.rapor.cli;

import id.rapor.client.Call;
import id.rapor.client.Types;
import java.nio.file.Path;

/** The commands: what each sends and how its answer is shown. */
enum Command {
    METHODOLOGIES(0, "methodologies", "list the methodologies, their families and years") {
        @Override
        void run(Arguments a, Printer print) {
            print.answer(Call.methodologies(), Tables::methodologies);
        }
    },
    QUESTIONNAIRE(1, "questionnaire ID", "a methodology's aspects, indicators and answers, bands and provenance") {
        @Override
        void run(Arguments a, Printer print) {
            print.answer(Call.methodology(a.operand(0)), Tables::questionnaire);
        }
    },
    SCORE(2, "score ID|FAMILY:YEAR ASSESSMENT.json", "score one unit: {\"unit\":…,\"answers\":{…}} or {\"unit\":…,\"respondents\":[…]}") {
        @Override
        void run(Arguments a, Printer print) {
            MethodologyChoice methodology = MethodologyChoice.parse(a.operand(0));
            print.answer(methodology.score(AssessmentFile.read(Path.of(a.operand(1)))), Tables::score);
        }
    },
    BATCH(2, "batch ID|FAMILY:YEAR UNITS.csv [--region NAME] [--at-or-below BAND]",
            "score a region's units: a CSV with header unit,<indicator id>,… and a row per unit") {
        @Override
        void run(Arguments a, Printer print) {
            MethodologyChoice methodology = MethodologyChoice.parse(a.operand(0));
            Path csv = Path.of(a.operand(1));
            String region = a.region() != null ? a.region() : regionNamedAfter(csv);
            Types.RegionScore scored = print.answer(methodology.scoreRegion(new Types.RegionAssessment(region, a.atOrBelow(),
                    UnitsCsv.read(csv))), Tables::region);
            long refused = scored.units().stream().filter(u -> !u.errors().isEmpty()).count();
            // A batch job must see that units were left out, even when the rest were scored.
            if (refused > 0) throw new UnitsRefused(refused, scored.units().size());
        }
    },
    DEPLOYMENTS(0, "deployments", "every rule bundle: its state, the version serving, its errors") {
        @Override
        void run(Arguments a, Printer print) {
            print.answer(Call.deployments(), Tables::deployments);
        }
    };

    private final int operands;
    private final String synopsis;
    private final String description;

    Command(int operands, String synopsis, String description) {
        this.operands = operands;
        this.synopsis = synopsis;
        this.description = description;
    }

    abstract void run(Arguments arguments, Printer print);

    int operands() { return operands; }

    String synopsis() { return synopsis; }

    /** The word that names the command on the command line. */
    String word() { return synopsis.split(" ", 2)[0]; }

    static Command named(String word) {
        for (Command c : values()) if (c.word().equals(word)) return c;
        throw new UsageException("unknown command '" + word + "'");
    }

    static String usage() {
        StringBuilder s = new StringBuilder("usage: rapor-cli [--url URL] [--json] COMMAND\n");
        for (Command c : values()) s.append("  ").append(c.synopsis).append("\n      ").append(c.description).append('\n');
        s.append("--url defaults to $RAPOR_URL, else ").append(Arguments.DEFAULT_URL).append("; --json prints the server's JSON as it is.\n");
        s.append("Where scoring needs a login, set $RAPOR_USER and $RAPOR_PASSWORD.\n");
        s.append("Exit 0 when done, 1 when Rapor refuses or cannot be reached, 2 for a wrong command line or file.");
        return s.toString();
    }

    /** Without --region, the region is named after the file: units-kab-contoh.csv is "units-kab-contoh". */
    private static String regionNamedAfter(Path csv) {
        String name = csv.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
