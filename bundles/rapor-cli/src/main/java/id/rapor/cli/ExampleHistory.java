package id.rapor.cli;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import id.rapor.client.RaporClient;
import id.rapor.client.RaporException;
import id.rapor.client.Types;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The published history (examples/history/published-history.json, from docs/examples/history/)
 * loaded into the records as example data, through the API as any admin would enter it, so it
 * works on either database: its units, then each assessment entered, submitted and made final.
 * Before an assessment is entered it is scored, and refused unless the rules serving give the
 * published index, band, label and zone. What is there already — a unit of the id, an
 * assessment of the unit, round and role with the same answers and comment — is not entered
 * again; a draft or submitted one left by an interrupted run is taken on to final. A second run
 * adds nothing and says so.
 */
final class ExampleHistory {
    /** Where bin/rapor-cli's distribution ships the file. */
    static final String SHIPPED = "examples/history/published-history.json";

    record UnitEntry(String id, String name, String kind, String parent) {}

    record Published(BigDecimal index, String band, String label, String zone) {}

    record Entry(String unit, String family, Integer year, String methodology, String role, Published published, String comment,
                 Map<String, BigDecimal> answers) {
        String round() {
            return unit + " " + family + " " + year + " " + role;
        }
    }

    record History(List<UnitEntry> units, List<Entry> assessments) {}

    private final History history;
    private final Path file;

    private ExampleHistory(History history, Path file) {
        this.history = history;
        this.file = file;
    }

    /** The file named, or the one the distribution ships (bin/rapor-cli sets rapor.home). */
    static Path file(String option) {
        if (option != null) return Path.of(option);
        String home = System.getProperty("rapor.home");
        if (home == null) throw new UsageException("load-examples needs --file FILE outside the distribution (" + SHIPPED + " there)");
        return Path.of(home).resolve(SHIPPED);
    }

    static ExampleHistory read(Path file) {
        History h;
        try {
            h = new Gson().fromJson(Files.readString(file, StandardCharsets.UTF_8), History.class);
        } catch (NoSuchFileException e) {
            throw new InputException("no such file: " + file);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage());
        } catch (JsonParseException e) {
            throw new InputException(file + " is not the example data's JSON: " + e.getMessage());
        }
        if (h == null || h.units() == null || h.assessments() == null) throw new InputException(file + ": needs \"units\" and \"assessments\"");
        for (UnitEntry u : h.units()) {
            if (u.id() == null || u.name() == null || u.kind() == null) throw new InputException(file + ": a unit needs id, name and kind: " + u);
        }
        for (Entry a : h.assessments()) {
            if (a.unit() == null || a.family() == null || a.year() == null || a.methodology() == null || a.role() == null
                    || a.published() == null || a.published().index() == null || a.answers() == null || a.comment() == null) {
                throw new InputException(file + ": an assessment needs unit, family, year, methodology, role, published.index, comment"
                        + " and answers: " + a);
            }
        }
        return new ExampleHistory(h, file);
    }

    /** Loads what is not there yet; prints a line per unit and assessment, and what was added. */
    void load(RaporClient rapor, Printer print) {
        int unitsAdded = 0;
        int entered = 0;
        int finalized = 0;
        for (UnitEntry u : history.units()) {
            if (exists(rapor, u.id())) {
                print.line("unit " + u.id() + ": there already");
            } else {
                rapor.createUnit(Types.UnitRequest.of(u.id(), u.name(), u.kind(), u.parent()));
                print.line("unit " + u.id() + ": added (" + u.name() + ")");
                unitsAdded++;
            }
        }
        for (Entry a : history.assessments()) {
            Optional<Types.AssessmentRecord> there = loaded(rapor, a);
            Types.AssessmentRecord r;
            if (there.isPresent()) {
                r = there.get();
            } else {
                check(a, rapor.score(a.methodology(), Types.Assessment.of(a.unit(), a.answers())));
                r = rapor.enter(a.unit(), new Types.AssessmentRequest(a.year(), a.family(), a.methodology(), a.role(), a.answers(), null,
                        a.comment(), null));
                entered++;
            }
            boolean wasFinal = r.state().equals("final");
            if (r.state().equals("draft")) r = rapor.submit(r.id());
            if (r.state().equals("submitted")) r = rapor.finalizeAssessment(r.id());
            if (!wasFinal) finalized++;
            print.line("assessment " + r.id() + " " + a.round() + ": " + r.index().toPlainString() + " " + r.band().code()
                    + (there.isPresent() && wasFinal ? ", there already" : there.isPresent() ? ", made final" : ", added, final"));
        }
        if (unitsAdded == 0 && entered == 0 && finalized == 0) {
            print.line("Nothing added: the example data of " + file + " is loaded already (" + history.units().size() + " units, "
                    + history.assessments().size() + " final assessments under region contoh).");
        } else {
            print.line("Example data loaded: " + unitsAdded + " unit(s) and " + entered + " assessment(s) added, " + finalized
                    + " made final, under region contoh (\"Data contoh\"). Not real assessments: each comment says so.");
        }
    }

    private static boolean exists(RaporClient rapor, String unitId) {
        try {
            rapor.unit(unitId);
            return true;
        } catch (RaporException e) {
            if (e.status() == 404) return false;
            throw e;
        }
    }

    /** The assessment this entry made on an earlier run, if any: the most advanced one. */
    private static Optional<Types.AssessmentRecord> loaded(RaporClient rapor, Entry a) {
        return rapor.assessments(a.unit(), a.year(), a.family()).stream()
                .filter(r -> r.role().equals(a.role()) && Objects.equals(r.comment(), a.comment()) && r.input() != null
                        && sameAnswers(r.input().answers(), a.answers()))
                .max(Comparator.comparingInt(r -> List.of("draft", "submitted", "final").indexOf(r.state())));
    }

    private static boolean sameAnswers(Map<String, BigDecimal> stored, Map<String, BigDecimal> example) {
        if (stored == null || stored.size() != example.size()) return false;
        return example.entrySet().stream().allMatch(e -> stored.get(e.getKey()) != null && stored.get(e.getKey()).compareTo(e.getValue()) == 0);
    }

    /** Refuses an entry the rules serving do not score as published: they are not those the example was made with. */
    private static void check(Entry a, Types.Score s) {
        Published p = a.published();
        boolean same = s.index().compareTo(p.index()) == 0
                && (p.band() == null || p.band().equals(s.band().code()))
                && (p.label() == null || p.label().equals(s.band().label()))
                && (p.zone() == null || p.zone().equals(s.band().zone()));
        if (!same) throw NotDone.notReproduced(a.round(), p.index() + " " + describe(p.band(), p.label(), p.zone()),
                s.methodology().id() + " " + s.methodology().version(), s.index() + " " + describe(s.band().code(), s.band().label(), s.band().zone()));
    }

    private static String describe(String band, String label, String zone) {
        return "(" + String.join(", ", java.util.stream.Stream.of(band, label, zone).filter(Objects::nonNull).toList()) + ")";
    }
}
