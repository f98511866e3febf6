package id.rapor.http.resource;

import id.rapor.api.FieldError;
import id.rapor.api.InvalidAssessmentException;
import id.rapor.api.model.Assessment;
import id.rapor.api.model.InputKind;
import id.rapor.api.model.Methodology;
import id.rapor.api.model.MethodologySummary;
import id.rapor.api.records.AssessmentEntry;
import id.rapor.api.records.AssessmentRecord;
import id.rapor.api.records.AssessmentRecords;
import id.rapor.api.records.AssessmentRole;
import id.rapor.api.records.ImportRefusedException;
import id.rapor.api.records.RecordException;
import id.rapor.api.records.RecordsUnavailableException;
import id.rapor.api.records.ScoreRecord;
import id.rapor.api.records.Unit;
import id.rapor.api.records.UnitRegistry;
import id.rapor.api.text.Message;
import id.rapor.exchange.round.RoundColumns;
import id.rapor.exchange.round.RoundExport;
import id.rapor.exchange.round.RoundImport;
import id.rapor.exchange.round.RoundRefusedException;
import id.rapor.exchange.round.RoundRow;
import id.rapor.exchange.sheet.SheetException;
import id.rapor.exchange.sheet.SheetFormat;
import id.rapor.exchange.sheet.SheetReader;
import id.rapor.exchange.sheet.SheetWriter;
import id.rapor.exchange.sheet.Sheet;
import id.rapor.http.api.RequestBody;
import id.rapor.http.api.Routes;
import id.rapor.http.auth.Authenticator;
import id.rapor.http.json.HttpProblem;
import id.rapor.http.json.JsonResponses;
import id.rapor.http.json.RecordProblems;
import java.io.IOException;
import java.math.BigDecimal;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A round's assessments as one sheet, CSV or Excel, both ways. A round is a region (the unit and
 * every unit below it) and a methodology (named, or the family's for the year). The export has a
 * row per unit and role (the latest assessment of each); the import enters each row as a new
 * draft, scored as a single assessment would be, all rows or none: any wrong cell and the answer
 * is 422 listing every one (the first {@value RoundImport#MAX_ERRORS}), any row the caller may not
 * enter and it is 403 (audited). Informational columns (name, state, assessment, index, band) are
 * ignored, so an exported sheet imports back.
 */
public final class RoundsResource {
    private final Needed<UnitRegistry> units;
    private final Needed<AssessmentRecords> records;
    private final Needed<RecordsAccess> access;
    private final StoredScores scores;
    private final RecordBodies bodies;
    private final SheetReader reader;
    private final long maxBytes;
    private final JsonResponses out;

    private final int maxDrafts;
    private final BatchSlots batches;

    /**
     * @param maxBytes  the largest sheet an import takes (import.max.bytes)
     * @param maxDrafts the drafts a unit may hold of a round and role (assessment.drafts.max), which an import respects too
     * @param batches   the slots batches share (batch.concurrent): an import takes one
     */
    public RoundsResource(Needed<UnitRegistry> units, Needed<AssessmentRecords> records, Needed<RecordsAccess> access, StoredScores scores,
            RecordBodies bodies, SheetReader reader, long maxBytes, int maxDrafts, BatchSlots batches, JsonResponses out) {
        this.maxDrafts = maxDrafts;
        this.batches = batches;
        this.units = units;
        this.records = records;
        this.access = access;
        this.scores = scores;
        this.bodies = bodies;
        this.reader = reader;
        this.maxBytes = maxBytes;
        this.out = out;
    }

    /** A round as the query names it. */
    private record Round(String region, int year, Methodology methodology) {
        String family() { return methodology.getFamily(); }
    }

    /** GET /rounds/export?region=…&year=…&family=…|methodology=…[&format=csv|xlsx] */
    public void export(Routes.Exchange x) throws IOException, HttpProblem {
        String region = required(x, "region");
        access.get().read(x.request(), "round.export", region);
        Round round = round(x, region);
        SheetFormat format = format(x);
        List<Unit> subtree = UnitsResource.call(() -> units.get().subtree(region));
        List<AssessmentRecord> latest = UnitsResource.call(() -> records.get().latestOfRound(round.family(), round.year(),
                subtree.stream().map(Unit::id).toList()));
        Map<String, List<RoundExport.Entry>> byUnit = new HashMap<>();
        for (AssessmentRecord a : latest) {
            Assessment entered = bodies.assessment(a.unitId(), a.input());
            byUnit.computeIfAbsent(a.unitId(), u -> new ArrayList<>()).add(new RoundExport.Entry(a,
                    entered.answers() == null ? Map.of() : entered.answers()));
        }
        List<List<Object>> rows = RoundExport.rows(round.methodology(), subtree, byUnit);
        String name = region + "-" + round.methodology().getId() + "-" + round.year();
        x.response().setStatus(200);
        x.response().setContentType(format.mediaType() + (format == SheetFormat.CSV ? ";charset=utf-8" : ""));
        x.response().setHeader("Content-Disposition", "attachment; filename=\"" + name + "." + format.extension() + "\"");
        SheetWriter.write(x.response().getOutputStream(), format, name, RoundColumns.header(round.methodology()), rows);
    }

    /** POST /rounds/import?region=…&year=…&family=…|methodology=…, the sheet as the body (text/csv or xlsx). */
    public void importRound(Routes.Exchange x) throws IOException, HttpProblem {
        String region = required(x, "region");
        Authenticator.Caller caller = access.get().read(x.request(), "round.import", region);
        Round round = round(x, region);
        // An import holds its sheet, its rows and one transaction's work in the heap (about 40 MiB for 10,000 PEKPPP
        // rows): it takes a batch slot before its body is read, so imports at once cannot exhaust the heap. The body's
        // deadline (body.deadline.ms) bounds how long a slow sender holds the slot.
        try (BatchSlots.Slot slot = batches.take()) {
            importTaken(x, caller, region, round);
        }
    }

    private void importTaken(Routes.Exchange x, Authenticator.Caller caller, String region, Round round) throws IOException, HttpProblem {
        byte[] content;
        try (InputStream body = x.body(maxBytes, SheetFormat.CSV.mediaType(), SheetFormat.XLSX.mediaType())) {
            content = body.readAllBytes();
        }
        SheetFormat format = SheetFormat.of(RequestBody.mediaType(x.request())).orElseThrow();
        List<Unit> subtree = UnitsResource.call(() -> units.get().subtree(region));
        List<RoundRow> rows;
        try {
            Sheet sheet = reader.read(content, format);
            content = null; // the rows are read: the file's bytes may go
            rows = new RoundImport(round.methodology(), region, subtree).read(sheet);
        } catch (SheetException e) {
            throw unreadable(e);
        } catch (RoundRefusedException e) {
            throw refused(e.errors(), e.more());
        }
        // Every row's role for its unit, as a single entry would need it: one refusal refuses the file.
        Set<String> checked = new LinkedHashSet<>();
        RecordsAccess rowAccess = access.get(); // one for the sheet: it reads each unit's parents once
        for (RoundRow r : rows) {
            if (checked.add(r.role().wire() + "\n" + r.unitId())) rowAccess.enter(x.request(), "round.import", r.role(), r.unitId());
        }
        List<Long> ids;
        List<Scored> scored = new ArrayList<>(rows.size());
        try {
            ids = records.get().importAll(rows.size(), k -> entry(round, rows.get(k), scored), maxDrafts,
                    UnitsResource.actor(x, caller));
        } catch (ImportRefusedException e) {
            RoundRow r = rows.get(e.row() - 1);
            throw refused(List.of(new FieldError("row " + r.row() + ", column " + e.field(),
                    Message.of("exchange.cell", r.row(), e.field(), e.said()))), 0);
        } catch (RecordException e) {
            throw RecordProblems.refused(e);
        } catch (RecordsUnavailableException e) {
            throw RecordProblems.unavailable(e);
        } catch (Stopped e) {
            throw e.problem;
        }
        out.send(x.response(), 200, g -> {
            g.writeStartObject();
            g.writeNumberField("imported", ids.size());
            g.writeStringField("region", region);
            g.writeStringField("methodology", round.methodology().getId());
            g.writeNumberField("year", round.year());
            g.writeArrayFieldStart("assessments");
            for (int k = 0; k < ids.size(); k++) {
                g.writeStartObject();
                g.writeNumberField("id", ids.get(k));
                g.writeNumberField("row", rows.get(k).row());
                g.writeStringField("unit", rows.get(k).unitId());
                g.writeStringField("role", rows.get(k).role().wire());
                g.writeNumberField("index", scored.get(k).index());
                g.writeStringField("band", scored.get(k).band());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** A refusal met while the records ask for the next entry: it ends the import (nothing stored) and is answered. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient HttpProblem problem;

        Stopped(HttpProblem problem) {
            super(problem.getMessage(), null, false, false);
            this.problem = problem;
        }
    }

    /**
     * What the answer says of a row: its index and band. Only these are kept until the answer, not the score
     * documents (5 KB each), so the heap a sheet takes does not grow with its scores.
     */
    private record Scored(BigDecimal index, String band) {}

    /** Row {@code r} scored by the rules serving now, as the records ask for it; its index and band are kept for the answer. */
    private AssessmentEntry entry(Round round, RoundRow r, List<Scored> scored) {
        Assessment a = new Assessment(r.unitId(), r.answers());
        try {
            ScoreRecord score = scores.score(round.methodology().getId(), a);
            scored.add(new Scored(score.index(), score.bandCode()));
            return new AssessmentEntry(r.unitId(), round.family(), round.year(), r.role(), bodies.input(a), score, r.comment(), null);
        } catch (InvalidAssessmentException e) {
            // The sheet was read against the questionnaire; what the rules still refuse is said for its row.
            throw new Stopped(refused(e.errors().stream().map(f -> new FieldError("row " + r.row(),
                    Message.of("exchange.row", r.row(), f.text()))).toList(), 0));
        } catch (HttpProblem e) {
            throw new Stopped(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Round round(Routes.Exchange x, String region) throws HttpProblem {
        Integer year = AssessmentsResource.year(x.request().getParameter("year"));
        String family = AssessmentsResource.blankToNull(x.request().getParameter("family"));
        String methodology = AssessmentsResource.blankToNull(x.request().getParameter("methodology"));
        if (year == null) throw missing("year");
        if (family == null && methodology == null) throw missing("family");
        MethodologySummary named = scores.methodology(methodology, family, year);
        Methodology m = scores.questionnaire(named.id());
        if (m.getInput() == InputKind.RESPONDENTS) {
            throw RecordProblems.invalid("invalid-round", Message.of("problem.invalid-round.detail.respondents", m.getId()),
                    List.of(FieldError.of("methodology", "records.unknown")));
        }
        return new Round(region, year, m);
    }

    /** The format asked for: {@code format=csv|xlsx}, else the Accept header's, else CSV. */
    private static SheetFormat format(Routes.Exchange x) throws HttpProblem {
        String asked = x.request().getParameter("format");
        if (asked != null && !asked.isBlank()) {
            return SheetFormat.of(asked).orElseThrow(() -> HttpProblem.of(400, "malformed-request",
                    Message.of("problem.malformed-request.detail.query"), List.of(FieldError.of("format", "exchange.format.unknown", asked))));
        }
        String accept = x.request().getHeader("Accept");
        return accept != null && accept.contains(SheetFormat.XLSX.mediaType()) ? SheetFormat.XLSX : SheetFormat.CSV;
    }

    private static String required(Routes.Exchange x, String name) throws HttpProblem {
        String value = AssessmentsResource.blankToNull(x.request().getParameter(name));
        if (value == null) throw missing(name);
        return value;
    }

    private static HttpProblem missing(String name) {
        return HttpProblem.of(400, "malformed-request", Message.of("problem.malformed-request.detail.query"),
                List.of(FieldError.of(name, "records.csv.missing")));
    }

    private static HttpProblem refused(List<FieldError> errors, int more) {
        Message detail = more == 0 ? Message.of("problem.invalid-round.detail", errors.size())
                : Message.of("problem.invalid-round.detail.more", errors.size() + more, errors.size());
        return RecordProblems.invalid("invalid-round", detail, errors);
    }

    /** A file that is no sheet: 422; one beyond the import's limits (rows, unpacked size): 413. */
    private static HttpProblem unreadable(SheetException e) {
        Message said = Message.of("exchange.sheet." + e.reason(), e.args().toArray());
        boolean tooLarge = e.reason().equals("too-many-rows") || e.reason().equals("unpacked-too-large");
        return HttpProblem.of(tooLarge ? 413 : 422, tooLarge ? "body-too-large" : "invalid-round",
                Message.of("problem.invalid-round.detail.sheet", said), List.of(new FieldError("file", said)));
    }
}
