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

    /**
     * Runs one command line, with --url defaulting to $RAPOR_URL and, when $RAPOR_USER is set, its
     * credentials ($RAPOR_USER, $RAPOR_PASSWORD: never on the command line, where ps shows them);
     * returns the exit code.
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, System.getenv("RAPOR_URL"), System.getenv("RAPOR_USER"), System.getenv("RAPOR_PASSWORD"));
    }

    static int run(String[] args, PrintStream out, PrintStream err, String environmentUrl) {
        return run(args, out, err, environmentUrl, null, null);
    }

    static int run(String[] args, PrintStream out, PrintStream err, String environmentUrl, String user, String password) {
        if (args.length == 1 && List.of("-h", "--help", "help").contains(args[0])) {
            out.println(Command.usage());
            return DONE;
        }
        try {
            Arguments a = Arguments.parse(args, environmentUrl);
            RaporClient.Builder builder = RaporClient.builder().baseUrl(a.url());
            if (user != null && !user.isBlank()) {
                if (password == null) throw new UsageException("RAPOR_USER is set but RAPOR_PASSWORD is not");
                builder.credentials(user, password);
            }
            RaporClient client = builder.build();
            a.command().run(a, new Printer(client, out, a.json()));
            return DONE;
        } catch (UsageException e) {
            err.println("rapor-cli: " + e.getMessage());
            err.println(Command.usage());
            return WRONG_INPUT;
        } catch (InputException e) {
            err.println("rapor-cli: " + e.getMessage());
            return WRONG_INPUT;
        } catch (RaporException | NotDone e) {
            err.println("rapor-cli: " + e.getMessage());
            return REFUSED;
        } catch (IllegalArgumentException e) {
            // A --url the client cannot use, or a file path the platform refuses.
            err.println("rapor-cli: " + e.getMessage());
            return WRONG_INPUT;
        }
    }
}
