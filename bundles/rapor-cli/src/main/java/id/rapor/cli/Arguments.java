package id.rapor.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The command line: global options (--url, --json), the command, its operands and the batch
 * options (--region, --at-or-below). Options may come before or after the command, as
 * {@code --url X} or {@code --url=X}.
 */
record Arguments(String url, boolean json, Command command, List<String> operands, String region, String atOrBelow) {
    static final String DEFAULT_URL = "http://127.0.0.1:8080";

    /** {@code environmentUrl} is $RAPOR_URL (or null); --url wins over it. */
    static Arguments parse(String[] args, String environmentUrl) {
        String url = environmentUrl == null || environmentUrl.isBlank() ? DEFAULT_URL : environmentUrl;
        boolean json = false;
        String region = null;
        String atOrBelow = null;
        List<String> words = new ArrayList<>();
        for (int k = 0; k < args.length; k++) {
            String arg = args[k];
            if (!arg.startsWith("--")) {
                words.add(arg);
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            switch (name) {
                case "--json" -> {
                    if (eq >= 0) throw new UsageException("--json takes no value");
                    json = true;
                }
                case "--url", "--region", "--at-or-below" -> {
                    String value = eq >= 0 ? arg.substring(eq + 1) : ++k < args.length ? args[k] : null;
                    if (value == null || value.isBlank()) throw new UsageException(name + " needs a value");
                    if (name.equals("--url")) url = value;
                    else if (name.equals("--region")) region = value;
                    else atOrBelow = value;
                }
                default -> throw new UsageException("unknown option " + name);
            }
        }
        if (words.isEmpty()) throw new UsageException("no command");
        Command command = Command.named(words.remove(0));
        if (words.size() != command.operands()) {
            throw new UsageException("usage: rapor-cli " + command.synopsis() + " (got " + words.size() + " argument(s))");
        }
        if ((region != null || atOrBelow != null) && command != Command.BATCH) {
            throw new UsageException("--region and --at-or-below belong to batch, not " + command.word());
        }
        return new Arguments(url, json, command, List.copyOf(words), region, atOrBelow);
    }

    String operand(int k) {
        return operands.get(k);
    }
}
