package id.rapor.http.resource;

import id.rapor.api.text.Message;
import id.rapor.api.FieldError;
import id.rapor.api.records.Unit;
import id.rapor.api.records.UnitKind;
import id.rapor.http.json.HttpProblem;
import id.rapor.http.json.RecordProblems;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A unit list as offices keep it in a spreadsheet: a header {@code id,name,kind,parent[,active]}
 * (in any order; {@code id} may be left empty to make it from the name), comma- or
 * semicolon-separated (the Indonesian locale of spreadsheet programs saves with semicolons),
 * read with Apache Commons CSV. Every wrong row is reported with its row and column; none is
 * imported then.
 */
public final class UnitsCsv {
    static final int MAX_ERRORS = 100;
    /** How far the header line is looked at to choose the separator; a longer header is no unit list. */
    static final int HEADER_MAX_CHARS = 8192;

    List<Unit> read(InputStream body) throws IOException, HttpProblem {
        BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        String header = header(in);
        char delimiter = header.indexOf(';') >= 0 && header.indexOf(',') < 0 ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get();
        List<Unit> units = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        try (CSVParser csv = CSVParser.parse(in, format)) {
            List<String> columns = csv.getHeaderNames().stream().map(h -> h.replace("\uFEFF", "").toLowerCase(Locale.ROOT)).toList();
            for (String needed : List.of("name", "kind")) {
                if (!columns.contains(needed)) errors.add(FieldError.of("header", "records.csv.noColumn", needed));
            }
            if (!errors.isEmpty()) throw RecordProblems.invalid("invalid-unit", Message.of("problem.invalid-unit.detail.header"), errors);
            for (CSVRecord r : csv) {
                int row = (int) r.getRecordNumber() + 1; // the header is row 1, as a spreadsheet numbers it
                String name = cell(r, columns, "name");
                String kind = cell(r, columns, "kind");
                String id = cell(r, columns, "id");
                String parent = cell(r, columns, "parent");
                String active = cell(r, columns, "active");
                UnitKind k = kind == null ? null : UnitKind.of(kind.toLowerCase(Locale.ROOT)).orElse(null);
                if (name == null) errors.add(FieldError.of("row " + row + ", column name", "records.csv.missing"));
                if (k == null) {
                    errors.add(new FieldError("row " + row + ", column kind",
                            kind == null ? Message.of("records.csv.missing") : Message.of("records.unit.kindUnknown", kind)));
                }
                Boolean isActive = active == null ? Boolean.TRUE : switch (active.toLowerCase(Locale.ROOT)) {
                    case "true", "ya", "yes", "1", "aktif" -> Boolean.TRUE;
                    case "false", "tidak", "no", "0", "nonaktif" -> Boolean.FALSE;
                    default -> null;
                };
                if (isActive == null) errors.add(FieldError.of("row " + row + ", column active", "records.csv.notBoolean", active));
                if (errors.size() >= MAX_ERRORS) break;
                if (name != null && k != null && isActive != null) {
                    units.add(new Unit(id != null ? id : RecordBodies.slug(name), name, k, parent, isActive));
                }
            }
        } catch (UncheckedIOException e) {
            // The body itself failed (too large, too slow): that refusal, not "not CSV".
            throw e.getCause();
        } catch (IllegalStateException e) {
            // Commons CSV's word for a malformed line (an unclosed quote), with where it is.
            throw HttpProblem.malformed("$", Message.of("records.csv.unreadable", e.getMessage()));
        }
        if (!errors.isEmpty()) throw RecordProblems.invalid("invalid-unit", Message.of("problem.invalid-unit.detail.rows"), errors);
        if (units.isEmpty()) throw RecordProblems.invalid("invalid-unit", Message.of("problem.invalid-unit.detail.none"),
                List.of(FieldError.of("row 2", "records.csv.noUnits")));
        return units;
    }

    /** The first line, read within the mark's limit so that {@code reset} is always possible. */
    private static String header(BufferedReader in) throws IOException, HttpProblem {
        in.mark(HEADER_MAX_CHARS + 1);
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n' && c != '\r'; c = in.read()) {
            if (line.length() == HEADER_MAX_CHARS) {
                throw HttpProblem.malformed("header", Message.of("records.csv.headerTooLong", String.valueOf(HEADER_MAX_CHARS)));
            }
            line.append((char) c);
        }
        in.reset();
        if (line.toString().isBlank()) throw HttpProblem.malformed("$", Message.of("records.csv.empty"));
        return line.toString();
    }

    private static String cell(CSVRecord r, List<String> columns, String name) {
        int i = columns.indexOf(name);
        if (i < 0 || i >= r.size()) return null;
        String v = r.get(i);
        return v == null || v.isBlank() ? null : v.trim();
    }
}
