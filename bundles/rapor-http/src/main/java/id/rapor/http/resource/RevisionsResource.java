package id.rapor.http.resource;

import id.rapor.api.text.Message;
import id.rapor.http.auth.Authenticator;
import id.rapor.http.auth.Guard;
import id.rapor.http.json.Audience;
import id.rapor.http.json.HttpProblem;
import id.rapor.http.json.JsonResponses;
import id.rapor.http.api.LimitedInputStream;
import id.rapor.http.json.Problems;
import id.rapor.http.api.RequestBody;
import id.rapor.http.json.RevisionViews;
import id.rapor.http.api.Routes;
import id.rapor.exchange.sheet.Sheet;
import id.rapor.exchange.sheet.SheetFormat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import id.rapor.api.FieldError;
import id.rapor.api.MethodologyUnavailableException;
import id.rapor.api.RuleRevisions;
import id.rapor.api.UnknownMethodologyException;
import id.rapor.api.UnknownRevisionException;
import id.rapor.api.SameRevisionException;
import id.rapor.api.model.Assessment;
import id.rapor.api.model.GoldenChange;
import id.rapor.api.model.Revision;
import id.rapor.api.model.RevisionState;
import id.rapor.api.model.UnitOutcome;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;

/**
 * Policy staff's side of the API: a methodology's revisions, proposing one (changed files as
 * JSON, or a whole rule bundle jar), previewing its impact, comparing two, activating one.
 * Every call needs the role policy; every change and refusal is audited.
 */
public final class RevisionsResource {
    private final JsonFactory json;
    private final RuleRevisions revisions;
    private final AssessmentReader assessments;
    private final JsonResponses out;
    private final Guard guard;
    private final BatchSlots batches;
    private final TableEdits tables;
    private final long maxWorkbookBytes;

    /** A rule bundle jar may be sent as what it is, or as the zip it also is. */
    private static final String[] JAR = {"application/java-archive", "application/zip"};

    /** An edited workbook of tables comes as what it is. */
    private static final String XLSX = SheetFormat.XLSX.mediaType();

    /**
     * @param tables           the tables of a proposal sent as a workbook or as rows
     * @param maxWorkbookBytes the largest workbook a proposal takes (import.max.bytes, as a round's sheet)
     */
    public RevisionsResource(JsonFactory json, RuleRevisions revisions, AssessmentReader assessments, JsonResponses out, Guard guard,
            BatchSlots batches, TablesResource tables, long maxWorkbookBytes) {
        this.tables = tables.edits();
        this.maxWorkbookBytes = maxWorkbookBytes;
        this.json = json;
        this.revisions = revisions;
        this.assessments = assessments;
        this.out = out;
        this.guard = guard;
        this.batches = batches;
    }

    // /methodologies/{id}/revisions…: policy staff only, every change (and every refused change) audited.

    /** GET /methodologies/{id}/revisions */
    public void list(Routes.Exchange x) throws IOException, HttpProblem {
        String id = x.path("id");
        guard.require(x.request(), "policy", "revision.read", id, null);
        try {
            var list = revisions.revisions(id);
            out.send(x.response(), 200, g -> RevisionViews.list(g, list));
        } catch (UnknownMethodologyException e) {
            throw refused(id, e);
        }
    }

    /** GET /methodologies/{id}/revisions/{n}: with its files. */
    public void revision(Routes.Exchange x) throws IOException, HttpProblem {
        String id = x.path("id");
        int number = number(x.path("n"));
        guard.require(x.request(), "policy", "revision.read", id, number);
        try {
            var r = revisions.revision(id, number);
            out.send(x.response(), 200, g -> RevisionViews.revision(g, r, true));
        } catch (UnknownMethodologyException | UnknownRevisionException e) {
            throw refused(id, e);
        }
    }

    /**
     * POST /methodologies/{id}/revisions: JSON (comment, and changed files or edited tables), an edited
     * workbook of tables (as GET …/tables?format=xlsx gives it; ?comment=) or a whole rule bundle jar.
     */
    public void propose(Routes.Exchange x) throws IOException, HttpProblem {
        HttpServletRequest request = x.request();
        String id = x.path("id");
        Authenticator.Caller caller = guard.require(request, "policy", "revision.propose", id, null);
        try {
            Proposal p = proposal(x, id);
            try {
                var r = revisions.propose(id, p.files(), caller.name(), p.comment());
                created(x, caller, "revision.propose", r, r.state() + ": " + p.comment());
            } catch (SameRevisionException same) {
                sameAs(x, caller, "revision.propose", same.existing(), p.comment());
            }
        } catch (UnknownMethodologyException | MethodologyUnavailableException e) {
            throw recorded(request, caller, "revision.propose", id, null, refused(id, e));
        }
    }

    /** The proposal as the body sends it; edited tables become the files they change from what serves. */
    private Proposal proposal(Routes.Exchange x, String id) throws IOException, HttpProblem, UnknownMethodologyException,
            MethodologyUnavailableException {
        HttpServletRequest request = x.request();
        if (RequestBody.mediaType(request).equals(XLSX)) {
            byte[] content;
            try (InputStream body = x.body(maxWorkbookBytes, XLSX)) {
                content = body.readAllBytes();
            }
            String comment = request.getParameter("comment");
            Map<String, String> files = tables.files(id, tables.workbook(content), TableEdits.Where.WORKBOOK);
            return new Proposal(comment == null || comment.isBlank() ? "Excel workbook" : comment, files, null);
        }
        var body = x.body(RequestBody.JSON, JAR[0], JAR[1], XLSX);
        if (!RequestBody.mediaType(request).equals(RequestBody.JSON)) return readJar(body, request.getParameter("comment"));
        Proposal p = readJson(body);
        if (p.tables() == null) return p;
        Map<String, String> files = new LinkedHashMap<>(tables.files(id, p.tables(), TableEdits.Where.JSON));
        files.putAll(p.files());
        return new Proposal(p.comment(), files, null);
    }

    /**
     * A new revision: 201 with where it is. Audited with its outcome, the same whichever way it
     * came (API or edit folder): 201 stored as a DRAFT, 422 stored but REJECTED by its checks.
     */
    private void created(Routes.Exchange x, Authenticator.Caller caller, String action, Revision r, String detail) throws IOException {
        guard.record(x.request(), caller.name(), action, r.methodologyId(), r.number(), r.state() == RevisionState.REJECTED ? 422 : 201, detail);
        x.response().setHeader("Location", location(r));
        out.send(x.response(), 201, g -> RevisionViews.revision(g, r, false));
    }

    /** A proposal identical to an existing revision: nothing is stored; 200 with that revision, sameAs naming it. */
    private void sameAs(Routes.Exchange x, Authenticator.Caller caller, String action, Revision existing, String comment) throws IOException {
        guard.record(x.request(), caller.name(), action, existing.methodologyId(), existing.number(), 200, "the same as revision "
                + existing.number() + " (" + existing.state() + "); nothing new stored: " + comment);
        x.response().setHeader("Location", location(existing));
        out.send(x.response(), 200, g -> RevisionViews.revision(g, existing, false, existing.number()));
    }

    private static String location(Revision r) {
        return "/api/v1/methodologies/" + r.methodologyId() + "/revisions/" + r.number();
    }

    /** POST /methodologies/{id}/revisions/{n}/approve: a second policy user approves it for activation. */
    public void approve(Routes.Exchange x) throws IOException, HttpProblem {
        HttpServletRequest request = x.request();
        String id = x.path("id");
        int number = number(x.path("n"));
        Authenticator.Caller caller = guard.require(request, "policy", "revision.approve", id, number);
        try {
            var r = revisions.approve(id, number, caller.name());
            guard.record(request, caller.name(), "revision.approve", id, number, 200, "approved by " + r.approvedBy() + " (proposed by "
                    + r.author() + ")");
            out.send(x.response(), 200, g -> RevisionViews.revision(g, r, false));
        } catch (UnknownMethodologyException | UnknownRevisionException e) {
            throw recorded(request, caller, "revision.approve", id, number, refused(id, e));
        }
    }

    /**
     * POST /methodologies/{id}/revisions/{n}/accept-golden: revision n was rejected only because its
     * tables moved golden cases' numbers; a new revision takes those numbers as the expected ones.
     */
    public void acceptGolden(Routes.Exchange x) throws IOException, HttpProblem {
        HttpServletRequest request = x.request();
        String id = x.path("id");
        int number = number(x.path("n"));
        Authenticator.Caller caller = guard.require(request, "policy", "revision.accept-golden", id, number);
        try {
            List<GoldenChange> accepted = revisions.revision(id, number).goldenChanges();
            String detail = "golden cases of revision " + number + " accepted, old → new: " + GoldenChange.describe(accepted);
            try {
                var r = revisions.acceptGoldenChanges(id, number, caller.name());
                created(x, caller, "revision.accept-golden", r, r.state() + ": " + detail);
            } catch (SameRevisionException same) {
                sameAs(x, caller, "revision.accept-golden", same.existing(), detail);
            }
        } catch (UnknownMethodologyException | UnknownRevisionException | MethodologyUnavailableException e) {
            throw recorded(request, caller, "revision.accept-golden", id, number, refused(id, e));
        }
    }

    /** POST /methodologies/{id}/revisions/{n}/activate (0: back to the rule bundles). */
    public void activate(Routes.Exchange x) throws IOException, HttpProblem {
        HttpServletRequest request = x.request();
        String id = x.path("id");
        int number = number(x.path("n"));
        Authenticator.Caller caller = guard.require(request, "policy", "revision.activate", id, number);
        try {
            var r = revisions.activate(id, number, caller.name());
            guard.record(request, caller.name(), "revision.activate", id, number, 200, "now serving " + r.version());
            out.send(x.response(), 200, g -> RevisionViews.revision(g, r, false));
        } catch (UnknownMethodologyException | UnknownRevisionException e) {
            throw recorded(request, caller, "revision.activate", id, number, refused(id, e));
        }
    }

    /** POST /methodologies/{id}/revisions/{n}/impact: units scored by what serves and by the revision. */
    public void impact(Routes.Exchange x) throws IOException, HttpProblem {
        String id = x.path("id");
        int number = number(x.path("n"));
        guard.require(x.request(), "policy", "revision.impact", id, number);
        AssessmentReader.Region units = assessments.readUnits(x.body(RequestBody.JSON));
        List<Assessment> valid = new ArrayList<>();
        List<UnitOutcome> unreadable = new ArrayList<>();
        for (AssessmentReader.UnitInput u : units.units()) {
            if (u.errors().isEmpty()) valid.add(u.assessment()); else unreadable.add(new UnitOutcome(u.name(), null, u.errors()));
        }
        try (BatchSlots.Slot slot = batches.take()) {
            var result = revisions.impact(id, number, valid);
            out.send(x.response(), 200, g -> RevisionViews.impact(g, result, unreadable, Audience.language(x.request())));
        } catch (UnknownMethodologyException | MethodologyUnavailableException | UnknownRevisionException e) {
            throw refused(id, e);
        }
    }

    /** GET /methodologies/{id}/revisions/{a}/diff/{b} (0 stands for the rule bundles). */
    public void diff(Routes.Exchange x) throws IOException, HttpProblem {
        String id = x.path("id");
        int from = number(x.path("a"));
        int to = number(x.path("b"));
        guard.require(x.request(), "policy", "revision.diff", id, from);
        try {
            var changes = revisions.diff(id, from, to);
            out.send(x.response(), 200, g -> RevisionViews.diff(g, from, to, changes));
        } catch (UnknownMethodologyException | UnknownRevisionException e) {
            throw refused(id, e);
        }
    }

    /** A refused change is audited with why, then answered. */
    private HttpProblem recorded(HttpServletRequest request, Authenticator.Caller caller, String action, String id, Integer number, HttpProblem p) {
        guard.record(request, caller.name(), action, id, number, p.status(), p.detail());
        return p;
    }

    /** A proposal read from the request: comment, changed files, and edited tables (null: none), table name to its columns and rows. */
    record Proposal(String comment, Map<String, String> files, Map<String, Sheet> tables) {}

    Proposal readJson(InputStream body) throws IOException, HttpProblem {
        String comment = null;
        Map<String, String> files = null;
        Map<String, Sheet> edited = null;
        List<FieldError> errors = new ArrayList<>();
        try (JsonParser p = json.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw HttpProblem.malformed("$", Message.of("body.revision.object"));
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                if (field.equals("comment") && v == JsonToken.VALUE_STRING) {
                    comment = p.getText();
                } else if (field.equals("files") && v == JsonToken.START_OBJECT) {
                    files = new LinkedHashMap<>();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String path = p.currentName();
                        if (p.nextToken() == JsonToken.VALUE_STRING) files.put(path, p.getText());
                        else { errors.add(FieldError.of("files." + path, "revision.file.type")); p.skipChildren(); }
                    }
                } else if (field.equals("tables") && v == JsonToken.START_OBJECT) {
                    edited = readTables(p);
                } else {
                    errors.add(field.equals("tables") ? FieldError.of(field, "tables.field.type") : FieldError.of(field,
                            field.equals("comment") || field.equals("files") ? "revision.field.type" : "revision.field.unknown"));
                    p.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            // Malformed, or beyond the parser's limits (nesting, lengths): the client's fault, not a lost connection.
            throw HttpProblem.malformed("$", Message.of("body.json.malformed", "", e.getOriginalMessage()));
        }
        if (!errors.isEmpty()) throw HttpProblem.of(400, "malformed-request", Message.of("problem.malformed-request.detail.types"), errors);
        List<FieldError> missing = new ArrayList<>();
        if (comment == null || comment.isBlank()) missing.add(FieldError.of("comment", "revision.comment.missing"));
        if ((files == null || files.isEmpty()) && (edited == null || edited.isEmpty())) missing.add(FieldError.of("files", "revision.files.missing"));
        if (!missing.isEmpty()) throw Problems.invalidRevision(missing);
        return new Proposal(comment, files == null ? Map.of() : files, edited);
    }

    /** {@code "tables": {"bands": {"columns": ["code", …], "rows": [["A", …], …]}, …}}: each row numbered as a sheet's (the columns row 1). */
    private static Map<String, Sheet> readTables(JsonParser p) throws IOException, HttpProblem {
        Map<String, Sheet> tables = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            List<String> columns = null;
            List<Sheet.Row> rows = null;
            boolean ok = p.nextToken() == JsonToken.START_OBJECT;
            if (ok) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken v = p.nextToken();
                    if (field.equals("columns") && v == JsonToken.START_ARRAY) {
                        columns = strings(p);
                        ok &= columns != null;
                    } else if (field.equals("rows") && v == JsonToken.START_ARRAY) {
                        rows = new ArrayList<>();
                        for (JsonToken t; ok && (t = p.nextToken()) != JsonToken.END_ARRAY; ) {
                            List<String> cells = t == JsonToken.START_ARRAY ? strings(p) : null;
                            if (cells == null) { ok = false; p.skipChildren(); } else rows.add(new Sheet.Row(rows.size() + 2, cells));
                        }
                    } else {
                        ok = false;
                        p.skipChildren();
                    }
                    if (!ok) break;
                }
            }
            if (!ok || columns == null || rows == null) {
                // The parser is somewhere inside the table: read no further.
                throw HttpProblem.of(400, "malformed-request", Message.of("problem.malformed-request.detail.types"),
                        List.of(FieldError.of("tables." + name, "tables.field.type")));
            }
            tables.put(name, new Sheet(columns, rows));
        }
        return tables;
    }

    /** An array of strings (the parser on its START_ARRAY), or null (skipped to its end) if anything in it is not a string. */
    private static List<String> strings(JsonParser p) throws IOException {
        List<String> list = new ArrayList<>();
        boolean ok = true;
        for (JsonToken t; (t = p.nextToken()) != JsonToken.END_ARRAY; ) {
            if (t == JsonToken.VALUE_STRING) list.add(p.getText().trim());
            else { ok = false; p.skipChildren(); }
        }
        return ok ? list : null;
    }

    private static final long MAX_UNPACKED = 8L << 20;

    /** A whole rule bundle jar: its methodology/ and rules/ files are the proposal. */
    Proposal readJar(InputStream body, String comment) throws IOException, HttpProblem {
        Map<String, String> files = new LinkedHashMap<>();
        long unpacked = 0;
        try (JarInputStream jar = new JarInputStream(body)) {
            for (JarEntry e; (e = jar.getNextJarEntry()) != null; ) {
                if (!e.isDirectory() && (e.getName().startsWith("methodology/") || e.getName().startsWith("rules/"))) {
                    // The body limit counts compressed bytes: count what unpacks too, or a small jar fills the heap.
                    byte[] content = jar.readNBytes((int) (MAX_UNPACKED - unpacked) + 1);
                    unpacked += content.length;
                    if (unpacked > MAX_UNPACKED) {
                        throw HttpProblem.of(413, "body-too-large", Message.of("problem.body-too-large.detail.unpacked", MAX_UNPACKED), List.of());
                    }
                    files.put(e.getName(), new String(content, StandardCharsets.UTF_8));
                }
            }
        } catch (LimitedInputStream.TooLarge e) {
            throw e;
        } catch (java.util.zip.ZipException | java.io.EOFException | IllegalArgumentException e) {
            // A corrupt or truncated jar (EOF inside a compressed entry), or entry names that are not UTF-8.
            throw HttpProblem.malformed("$", Message.of("body.jar.unreadable", String.valueOf(e.getMessage())));
        }
        if (files.isEmpty()) throw HttpProblem.malformed("$", Message.of("body.jar.empty"));
        return new Proposal(comment == null || comment.isBlank() ? "rule bundle jar" : comment, files, null);
    }

    static HttpProblem refused(String id, Exception e) {
        if (e instanceof UnknownMethodologyException u) return Problems.unknownMethodology(u);
        if (e instanceof MethodologyUnavailableException m) return Problems.unavailable(id, m);
        if (e instanceof UnknownRevisionException r) {
            switch (r.reason()) {
                // The engine's words (for policy staff) under a title in the reader's language.
                case NOT_APPROVED -> { return HttpProblem.of(409, "approval-required", Message.literal(r.getMessage() + "."), List.of()); }
                case OWN_REVISION -> { return HttpProblem.of(403, "own-revision", Message.literal(r.getMessage() + "."), List.of()); }
                case GOLDEN_CASES_NOT_ACCEPTABLE -> {
                    return HttpProblem.of(409, "golden-cases-not-acceptable", Message.literal(r.getMessage() + "."), List.of());
                }
                default -> { }
            }
            boolean exists = r.exists();
            return HttpProblem.of(exists ? 409 : 404, exists ? "revision-not-usable" : "unknown-revision",
                    Message.literal(r.getMessage() + "."), List.of()); // the engine's words, for policy staff
        }
        throw new IllegalStateException(e);
    }

    static int number(String segment) throws HttpProblem {
        try {
            return Integer.parseInt(segment);
        } catch (NumberFormatException e) {
            throw HttpProblem.notFound(Message.of("problem.not-found.detail.revision", segment));
        }
    }
}
