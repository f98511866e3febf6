package id.rapor.cli;

import id.rapor.client.RaporClient;
import id.rapor.client.RaporException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * bin/rapor-cli: Rapor from a shell or a batch job, on {@link RaporClient}. Run without
 * arguments for the usage. Exit 0 when done, 1 when Rapor refuses or cannot be reached, 2 for
 * a wrong command line or file.
 */
public final class RaporCli {
    static final int DONE = 0;
    static final int REFUSED = 1;
    static final int WRONG_INPUT = 2;

    private RaporCli() {}

    public static void main(String[] args) {
        // UTF-8 whatever the locale: titles hold dashes, and --json output must be UTF-8.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /** Runs one command line, with --url defaulting to $RAPOR_URL; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, System.getenv("RAPOR_URL"));
    }

    static int run(String[] args, PrintStream out, PrintStream err, String environmentUrl) {
        if (args.length == 1 && List.of("-h", "--help", "help").contains(args[0])) {
            out.println(Command.usage());
            return DONE;
        }
        try {
            Arguments a = Arguments.parse(args, environmentUrl);
            RaporClient client = RaporClient.builder().baseUrl(a.url()).build();
            a.command().run(a, new Printer(client, out, a.json()));
            return DONE;
        } catch (UsageException e) {
            err.println("rapor-cli: " + e.getMessage());
            err.println(Command.usage());
            return WRONG_INPUT;
        } catch (InputException e) {
            err.println("rapor-cli: " + e.getMessage());
            return WRONG_INPUT;
        } catch (RaporException e) {
            err.println("rapor-cli: " + e.getMessage());
            return REFUSED;
        } catch (IllegalArgumentException e) {
            // A --url the client cannot use, or a file path the platform refuses.
            err.println("rapor-cli: " + e.getMessage());
            return WRONG_INPUT;
        }
    }
}
