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

    <T> void answer(Call<T> call, BiConsumer<Tables, T> table) {
        if (json) out.println(client.json(call));
        else table.accept(tables, client.send(call));
    }
}
