package id.rapor.cli;

import id.rapor.client.RaporClient;
import id.rapor.client.RaporException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * bin/rapor-cli: Rapor from a shell or a batch job.
 * <pre>
 *   rapor-cli [--url URL] [--json] methodologies
 *   rapor-cli [--url URL] [--json] questionnaire ID
 *   rapor-cli [--url URL] [--json] score ID|FAMILY:YEAR ASSESSMENT.json
 *   rapor-cli [--url URL] [--json] batch ID|FAMILY:YEAR UNITS.csv [--region NAME] [--at-or-below BAND]
 *   rapor-cli [--url URL] [--json] deployments
 * </pre>
 * Exit 0 on success, 1 when Rapor refuses or cannot be reached, 2 for a wrong command line or file.
 */
public final class RaporCli {
    static final String USAGE = """
            usage: rapor-cli [--url URL] [--json] COMMAND
              methodologies                               list the methodologies
              questionnaire ID                            aspects, indicators, answers and bands of one
              score ID|FAMILY:YEAR ASSESSMENT.json        score one unit ({"unit":…,"answers":{…}} or respondents)
              batch ID|FAMILY:YEAR UNITS.csv [--region NAME] [--at-or-below BAND]
                                                          score a region: CSV header unit,<indicator id>,…; a row per unit
              deployments                                 every rule bundle, its state and errors
            --url defaults to $RAPOR_URL or http://127.0.0.1:8080""";

    private RaporCli() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv("RAPOR_URL")));
    }

    /** Runs one command; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err, String defaultUrl) {
        Arguments a;
        try {
            a = Arguments.parse(args, defaultUrl);
        } catch (IllegalArgumentException e) {
            err.println("rapor-cli: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        RaporClient client = RaporClient.builder().baseUrl(a.url()).build();
        Output print = new Output(out, a.json());
        try {
            switch (a.command()) {
                case "methodologies" -> print.methodologies(client.methodologies());
                case "questionnaire" -> print.questionnaire(client.methodology(a.operand(0)));
                case "score" -> {
                    Target t = Target.of(a.operand(0));
                    var assessment = Files.assessment(a.operand(1));
                    print.score(t.byYear() ? client.score(t.family(), t.year(), assessment) : client.score(t.id(), assessment));
                }
                case "batch" -> {
                    Target t = Target.of(a.operand(0));
                    var units = Files.units(a.operand(1));
                    String region = a.option("region", a.operand(1));
                    String band = a.option("at-or-below", null);
                    print.region(t.byYear() ? client.scoreRegion(t.family(), t.year(), region, units, band)
                            : client.scoreRegion(t.id(), region, units, band));
                }
                case "deployments" -> print.deployments(client.deployments());
                default -> throw new IllegalArgumentException("unknown command '" + a.command() + "'");
            }
            return 0;
        } catch (RaporException e) {
            err.println("rapor-cli: " + e.getMessage());
            return 1;
        } catch (NoSuchFileException e) {
            err.println("rapor-cli: no such file: " + e.getFile());
            return 2;
        } catch (IOException | IllegalArgumentException e) {
            err.println("rapor-cli: " + e.getMessage());
            return 2;
        }
    }

    /** The methodology a command names: an id, or family:year. */
    record Target(String id, String family, int year) {
        static Target of(String s) {
            int colon = s.indexOf(':');
            if (colon < 0) return new Target(s, null, 0);
            try {
                return new Target(null, s.substring(0, colon), Integer.parseInt(s.substring(colon + 1)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + s + "' is neither a methodology id nor family:year (e.g. ombudsman:2023)");
            }
        }

        boolean byYear() { return family != null; }
    }

    /** The command line, split into options and operands. */
    record Arguments(String url, boolean json, String command, List<String> operands, Map<String, String> options) {
        static Arguments parse(String[] args, String defaultUrl) {
            String url = defaultUrl == null || defaultUrl.isBlank() ? "http://127.0.0.1:8080" : defaultUrl;
            boolean json = false;
            List<String> rest = new ArrayList<>();
            Map<String, String> options = new java.util.HashMap<>();
            for (int k = 0; k < args.length; k++) {
                switch (args[k]) {
                    case "--url" -> url = value(args, ++k, "--url");
                    case "--json" -> json = true;
                    case "--region" -> options.put("region", value(args, ++k, "--region"));
                    case "--at-or-below" -> options.put("at-or-below", value(args, ++k, "--at-or-below"));
                    default -> {
                        if (args[k].startsWith("--")) throw new IllegalArgumentException("unknown option " + args[k]);
                        rest.add(args[k]);
                    }
                }
            }
            if (rest.isEmpty()) throw new IllegalArgumentException("no command");
            String command = rest.remove(0);
            int needed = switch (command) {
                case "methodologies", "deployments" -> 0;
                case "questionnaire" -> 1;
                case "score", "batch" -> 2;
                default -> throw new IllegalArgumentException("unknown command '" + command + "'");
            };
            if (rest.size() != needed) throw new IllegalArgumentException(command + " takes " + needed + " argument(s), got " + rest.size());
            return new Arguments(url, json, command, rest, options);
        }

        private static String value(String[] args, int k, String option) {
            if (k >= args.length) throw new IllegalArgumentException(option + " needs a value");
            return args[k];
        }

        String operand(int k) { return operands.get(k); }

        String option(String name, String fallback) { return options.getOrDefault(name, fallback); }
    }
}
