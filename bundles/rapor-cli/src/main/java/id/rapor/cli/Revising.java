package id.rapor.cli;

import id.rapor.client.Call;
import id.rapor.client.RaporClient;
import id.rapor.client.Types;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Policy staff's commands that do more than one call: {@code tables} writes the files serving
 * now into a folder, {@code propose} sends those of a folder that differ from them, {@code impact}
 * reads its units like {@code batch}.
 */
final class Revising {
    /** Where the tables live in a rule bundle; a folder holds them without this prefix. */
    private static final String TABLES = "methodology/";

    private Revising() {}

    static int number(String s) {
        try {
            int n = Integer.parseInt(s);
            if (n >= 0) return n;
        } catch (NumberFormatException e) {
            // said below
        }
        throw new UsageException("'" + s + "' is not a revision number (0, 1, 2, …)");
    }

    /** The files serving the methodology now: the active revision's, else the rule bundles' (revision 0). */
    static Types.Revision serving(RaporClient client, String methodology) {
        int active = client.revisions(methodology).stream().filter(r -> r.state().equals("ACTIVE"))
                .mapToInt(Types.Revision::revision).findFirst().orElse(0);
        return client.revision(methodology, active);
    }

    static void tables(String methodology, Path folder, Printer print) {
        try {
            if (Files.exists(folder) && (!Files.isDirectory(folder) || hasFiles(folder))) {
                throw new InputException(folder + " is not an empty folder; tables are written into a new one, so no edit is overwritten");
            }
            Types.Revision serving = serving(print.client(), methodology);
            Files.createDirectories(folder);
            int written = 0;
            for (var f : serving.files().entrySet()) {
                if (!f.getKey().startsWith(TABLES)) continue; // rule text is the operators' (docs/security.md)
                Path file = folder.resolve(f.getKey().substring(TABLES.length()));
                Files.createDirectories(file.getParent());
                Files.writeString(file, f.getValue(), StandardCharsets.UTF_8);
                written++;
            }
            print.line(written + " tables of " + methodology + " " + serving.version() + " (" + (serving.revision() == 0 ? "the rule bundles"
                    : "revision " + serving.revision()) + ") written to " + folder + "; edit them, then: rapor-cli propose " + methodology
                    + " " + folder + " --comment \"why\"");
        } catch (IOException e) {
            throw new InputException(folder + ": cannot write: " + e.getMessage());
        }
    }

    static void propose(String methodology, Path folder, String comment, Printer print) {
        Map<String, String> files = FolderFiles.read(folder);
        Types.Revision serving = serving(print.client(), methodology);
        Map<String, String> changed = new TreeMap<>();
        files.forEach((path, text) -> {
            if (!text.equals(serving.files().get(path))) changed.put(path, text);
        });
        if (changed.isEmpty()) {
            throw new InputException("nothing to propose: every file in " + folder + " is what serves " + methodology + " now (" + serving.version() + ")");
        }
        Types.Revision r = print.answer(Call.propose(methodology, new Types.RevisionProposal(comment, changed)), Tables::proposed);
        if (r.state().equals("REJECTED")) throw NotDone.revisionRejected(methodology, r.revision());
    }

    static void impact(String methodology, int number, Path csv, Printer print) {
        CsvFile file = CsvFile.read(csv);
        UnitsFile units = UnitsCsv.parse(file, print.client().methodology(methodology));
        print.answer(Call.impact(methodology, number, units.units()), (t, impact) -> t.impact(number, impact, units));
    }

    private static boolean hasFiles(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.findAny().isPresent();
        }
    }
}
