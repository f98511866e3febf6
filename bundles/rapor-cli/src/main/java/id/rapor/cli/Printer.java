package id.rapor.cli;

import id.rapor.client.Call;
import id.rapor.client.RaporClient;
import java.io.PrintStream;
import java.util.function.BiConsumer;

/** Sends a command's call and prints the answer: with --json the server's JSON as written, else a readable table. */
final class Printer {
    private final RaporClient client;
    private final PrintStream out;
    private final boolean json;
    private final Tables tables;

    Printer(RaporClient client, PrintStream out, boolean json) {
        this.client = client;
        this.out = out;
        this.json = json;
        this.tables = new Tables(out);
    }

    /** For commands that need more than the one call they print (a questionnaire, the files serving). */
    RaporClient client() {
        return client;
    }

    /** A line of the command's own, not an answer of the server's. */
    void line(String text) {
        out.println(text);
    }

    /** Prints the answer (the server's JSON with --json, else a table) and returns it, read. */
    <T> T answer(Call<T> call, BiConsumer<Tables, T> table) {
        if (json) {
            String body = client.json(call);
            out.println(body);
            return client.read(call, body);
        }
        T answer = client.send(call);
        table.accept(tables, answer);
        return answer;
    }
}
