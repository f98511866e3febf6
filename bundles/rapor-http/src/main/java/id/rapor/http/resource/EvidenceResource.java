package id.rapor.http.resource;

import id.rapor.api.text.Message;
import id.rapor.api.FieldError;
import id.rapor.api.MethodologyUnavailableException;
import id.rapor.api.ScoringService;
import id.rapor.api.UnknownMethodologyException;
import id.rapor.api.records.AssessmentRecord;
import id.rapor.api.records.AssessmentRecords;
import id.rapor.api.records.AssessmentState;
import id.rapor.api.records.Evidence;
import id.rapor.api.records.EvidenceLimits;
import id.rapor.api.records.EvidenceStore;
import id.rapor.api.records.RecordConflictException;
import id.rapor.api.records.RecordException;
import id.rapor.api.records.RecordNotFoundException;
import id.rapor.http.api.LimitedInputStream;
import id.rapor.http.api.RequestBody;
import id.rapor.http.api.Routes;
import id.rapor.http.auth.Authenticator;
import id.rapor.http.json.HttpProblem;
import id.rapor.http.json.JsonResponses;
import id.rapor.http.json.Problems;
import id.rapor.http.json.RecordProblems;
import id.rapor.http.json.RecordViews;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.List;

/**
 * The documents an assessment carries for its indicators. A file is sent as the raw request
 * body (any Content-Type but multipart: the type is read from the content, whatever the header
 * says), or as the one file part of a multipart/form-data body ({@link EvidencePart}), and
 * streamed to disk under evidence.max.bytes, not body.max.bytes: it never sits in the heap. Who may change the assessment may attach to it, and only to a draft; who may read it
 * may list and download. A download is always an attachment of the type detected when it was
 * stored, never sniffed ({@code X-Content-Type-Options: nosniff}) nor run as a page.
 */
public final class EvidenceResource {
    private final Needed<AssessmentRecords> records;
    private final Needed<EvidenceStore> store;
    private final Needed<RecordsAccess> access;
    private final ScoringService scoring;
    private final EvidenceLimits limits;
    private final JsonResponses out;

    public EvidenceResource(Needed<AssessmentRecords> records, Needed<EvidenceStore> store, Needed<RecordsAccess> access,
            ScoringService scoring, EvidenceLimits limits, JsonResponses out) {
        this.records = records;
        this.store = store;
        this.access = access;
        this.scoring = scoring;
        this.limits = limits;
        this.out = out;
    }

    /** PUT /assessments/{id}/evidence/{indicator}?name=…: attaches the body, or replaces the file of that name. */
    public void attach(Routes.Exchange x) throws IOException, HttpProblem {
        AssessmentRecord a = AssessmentsResource.existing(records, x.path("id"));
        Authenticator.Caller caller = access.get().enter(x.request(), "evidence.attach", a.role(), a.unitId());
        // Refused before a byte of the file is read.
        if (a.state() != AssessmentState.DRAFT) {
            throw RecordProblems.refused(new RecordConflictException("not-a-draft", "state",
                    Message.of("records.evidence.notDraft", a.id(), a.state().wire())));
        }
        String indicator = x.path("indicator");
        checkIndicator(a, indicator);
        String type = RequestBody.mediaType(x.request());
        boolean multipart = type.equals("multipart/form-data");
        if (type.startsWith("multipart/") && !multipart) {
            throw HttpProblem.of(415, "unsupported-media-type", Message.of("problem.unsupported-media-type.detail.evidence"),
                    List.of(FieldError.of("Content-Type", "records.evidence.multipart", type)));
        }
        long length = x.request().getContentLengthLong();
        if (length > limits.maxBytes() + (multipart ? EvidencePart.FRAMING : 0)) throw tooLarge();
        String name = x.request().getParameter("name");
        Evidence stored;
        try (InputStream body = x.stream()) {
            InputStream file = body;
            if (multipart) {
                // The framing around the file is bounded too: a preamble or a part after the file is never read without end.
                EvidencePart.File part = EvidencePart.of(x.request().getContentType(), length,
                        new LimitedInputStream(body, limits.maxBytes() + EvidencePart.FRAMING));
                file = part.content();
                if (name == null) name = part.fileName();
            }
            stored = store.get().attach(a.id(), indicator, name, file, limits, UnitsResource.actor(x, caller));
        } catch (RecordException e) {
            throw RecordProblems.refused(e);
        } catch (EvidencePart.NotOnePart e) {
            throw e.problem();
        } catch (LimitedInputStream.TooLarge e) {
            throw tooLarge();
        }
        x.response().setHeader("Location", RecordViews.evidenceHref(stored));
        out.send(x.response(), 201, g -> RecordViews.evidence(g, stored));
    }

    /** GET /assessments/{id}/evidence */
    public void list(Routes.Exchange x) throws IOException, HttpProblem {
        AssessmentRecord a = AssessmentsResource.existing(records, x.path("id"));
        access.get().read(x.request(), "evidence.read", a.unitId());
        List<Evidence> list = UnitsResource.call(() -> store.get().list(a.id()));
        out.send(x.response(), 200, g -> RecordViews.evidenceList(g, list));
    }

    /** GET /assessments/{id}/evidence/{indicator}/{name}: the file as stored, an attachment of its detected type. */
    public void download(Routes.Exchange x) throws IOException, HttpProblem {
        AssessmentRecord a = AssessmentsResource.existing(records, x.path("id"));
        access.get().read(x.request(), "evidence.read", a.unitId());
        Evidence e = found(a, x);
        InputStream content;
        try {
            content = store.get().open(e);
        } catch (NoSuchFileException gone) {
            // A row without its file is ours to fix, never the client's connection failing.
            throw new IllegalStateException("evidence " + e.sha256() + " of assessment " + a.id() + " is missing on disk", gone);
        }
        try (content) {
            HttpServletResponse response = x.response();
            response.setStatus(200);
            response.setContentType(e.mediaType());
            response.setContentLengthLong(e.size());
            response.setHeader("Content-Disposition", disposition(e.name()));
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
            response.setHeader("ETag", "\"" + e.sha256() + "\"");
            response.setHeader("Cache-Control", "private, no-cache");
            if (x.request().getMethod().equals("HEAD")) return;
            try (OutputStream body = response.getOutputStream()) {
                content.transferTo(body);
            }
        }
    }

    /** DELETE /assessments/{id}/evidence/{indicator}/{name}: a draft's file detached. */
    public void remove(Routes.Exchange x) throws IOException, HttpProblem {
        AssessmentRecord a = AssessmentsResource.existing(records, x.path("id"));
        Authenticator.Caller caller = access.get().enter(x.request(), "evidence.remove", a.role(), a.unitId());
        UnitsResource.call(() -> {
            store.get().remove(a.id(), x.path("indicator"), x.path("name"), UnitsResource.actor(x, caller));
            return null;
        });
        x.response().setStatus(204);
    }

    private Evidence found(AssessmentRecord a, Routes.Exchange x) throws HttpProblem {
        String indicator = x.path("indicator");
        String name = x.path("name");
        return UnitsResource.call(() -> store.get().find(a.id(), indicator, name)
                .orElseThrow(() -> new RecordNotFoundException("evidence", indicator + "/" + name)));
    }

    /** An indicator of the questionnaire that scored the assessment, or 422 naming it. */
    private void checkIndicator(AssessmentRecord a, String indicator) throws HttpProblem {
        String methodology = a.score().methodologyId();
        try {
            if (scoring.methodology(methodology).indicator(indicator) == null) {
                throw RecordProblems.invalid("unknown-indicator",
                        Message.of("problem.unknown-indicator.detail", indicator, methodology, a.id()),
                        List.of(FieldError.of("indicator", "records.evidence.indicatorUnknown", indicator, methodology)));
            }
        } catch (UnknownMethodologyException ex) {
            throw Problems.unknownMethodology(ex);
        } catch (MethodologyUnavailableException ex) {
            throw Problems.unavailable(methodology, ex);
        }
    }

    private HttpProblem tooLarge() {
        return RecordProblems.refused(new RecordConflictException("evidence-too-large", "file",
                Message.of("records.evidence.tooLarge", limits.maxBytes())));
    }

    /** An attachment, with its name for every browser: ASCII in filename, all of it in filename* (RFC 6266). */
    static String disposition(String name) {
        StringBuilder ascii = new StringBuilder();
        name.chars().forEach(c -> ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%' ? (char) c : '_'));
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
