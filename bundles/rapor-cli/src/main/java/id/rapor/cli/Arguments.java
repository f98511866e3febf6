package id.rapor.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line: global options (--url, --json), the command, its operands and its own
 * options (batch: --region, --at-or-below, --csv; propose: --comment; audit: --methodology; units: --region;
 * assessments: --year, --family; records-audit: --unit, --assessment; monitoring: --region, --year, --family, --methodology, --at-or-below;
 * history: --family; load-examples: --file; plan: --target, --costs, --fixed; compare-assessment: --methodology).
 * Options may come before or after the command, as {@code --url X} or {@code --url=X}.
 */
record Arguments(String url, boolean json, Command command, List<String> operands, Map<String, String> options) {
    static final String DEFAULT_URL = "http://127.0.0.1:8080";
    private static final Set<String> VALUED = Set.of("--url", "--region", "--at-or-below", "--comment", "--methodology", "--year", "--family",
            "--unit", "--assessment", "--file", "--target", "--costs", "--fixed", "--out", "--format", "--language");
    private static final Set<String> FLAGS = Set.of("--json", "--csv");

    /** {@code environmentUrl} is $RAPOR_URL (or null); --url wins over it. */
    static Arguments parse(String[] args, String environmentUrl) {
        String url = environmentUrl == null || environmentUrl.isBlank() ? DEFAULT_URL : environmentUrl;
        Map<String, String> options = new LinkedHashMap<>();
        List<String> words = new ArrayList<>();
        for (int k = 0; k < args.length; k++) {
            String arg = args[k];
            if (!arg.startsWith("--")) {
                words.add(arg);
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            if (FLAGS.contains(name)) {
                if (eq >= 0) throw new UsageException(name + " takes no value");
                options.put(name, "");
            } else if (VALUED.contains(name)) {
                String value = eq >= 0 ? arg.substring(eq + 1) : ++k < args.length ? args[k] : null;
                if (value == null || value.isBlank()) throw new UsageException(name + " needs a value");
                options.put(name, value);
            } else {
                throw new UsageException("unknown option " + name);
            }
        }
        if (words.isEmpty()) throw new UsageException("no command");
        Command command = Command.named(words.remove(0));
        if (words.size() != command.operands()) {
            throw new UsageException("usage: rapor-cli " + command.synopsis() + " (got " + words.size() + " argument(s))");
        }
        if (options.containsKey("--url")) url = options.remove("--url");
        boolean json = options.remove("--json") != null;
        for (String name : options.keySet()) {
            if (!command.options().contains(name)) {
                throw new UsageException(name + " belongs to " + Command.takingOption(name) + ", not " + command.word());
            }
        }
        if (json && options.containsKey("--csv")) throw new UsageException("--json or --csv, not both");
        for (String name : command.requiredOptions()) {
            if (!options.containsKey(name)) throw new UsageException("usage: rapor-cli " + command.synopsis() + " (" + name + " is missing)");
        }
        return new Arguments(url, json, command, List.copyOf(words), Map.copyOf(options));
    }

    String operand(int k) {
        return operands.get(k);
    }

    /** The value of a command's option, or null when not given. */
    String option(String name) {
        return options.get(name);
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    String region() {
        return option("--region");
    }

    String atOrBelow() {
        return option("--at-or-below");
    }
}
