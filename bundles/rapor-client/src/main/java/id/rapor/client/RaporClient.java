package id.rapor.client;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A client of Rapor's HTTP API v1. Immutable and thread-safe: build one and share it.
 * <pre>{@code
 * RaporClient rapor = RaporClient.builder().baseUrl("http://127.0.0.1:8080").build();
 * Types.Score s = rapor.score("pekppp-2022", "Dinas A", RaporClient.answers("i01", 3, "i02", 4));
 * }</pre>
 * Every refusal becomes a {@link RaporException} carrying the server's problem details; no
 * answer at all (refused connection, timeout) is a RaporException with status 0.
 */
public final class RaporClient {
    private static final String JSON = "application/json";

    private final URI base;
    private final HttpClient http;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final String authorization; // null: anonymous
    // Gson reads numbers into BigDecimal from their text (never through double) and is thread-safe.
    private final Gson gson = new GsonBuilder().disableHtmlEscaping().create();

    private RaporClient(Builder b) {
        String url = b.baseUrl.strip();
        this.base = URI.create(url.endsWith("/") ? url : url + "/");
        if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme())) {
            throw new IllegalArgumentException("base URL must be http:// or https://, got '" + b.baseUrl + "'");
        }
        this.connectTimeout = b.connectTimeout;
        this.requestTimeout = b.requestTimeout;
        this.authorization = b.user == null ? null : "Basic " + java.util.Base64.getEncoder()
                .encodeToString((b.user + ":" + b.password).getBytes(StandardCharsets.UTF_8));
        // HTTP/1.1: Rapor's Jetty would otherwise be asked to upgrade every plain-HTTP connection to h2c.
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Base URL (default http://127.0.0.1:8080), timeouts (connect 5 s, whole request 30 s) and,
     * where the server requires a login for scoring, the user's credentials.
     */
    public static final class Builder {
        private String baseUrl = "http://127.0.0.1:8080";
        private String user;
        private String password;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(30);

        private Builder() {}

        /** Where Rapor listens, e.g. http://127.0.0.1:8080 (the API lives under /api/v1 there). */
        public Builder baseUrl(String url) { this.baseUrl = Objects.requireNonNull(url, "baseUrl"); return this; }

        public Builder connectTimeout(Duration d) { this.connectTimeout = positive(d, "connectTimeout"); return this; }

        public Builder requestTimeout(Duration d) { this.requestTimeout = positive(d, "requestTimeout"); return this; }

        /**
         * Sends these credentials (HTTP Basic) with every call: needed to score when the server
         * sets {@code http.scoring.protected=true} (role evaluator). Use https:// beyond localhost.
         */
        public Builder credentials(String user, String password) {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
            if (user.isBlank() || user.indexOf(':') >= 0) throw new IllegalArgumentException("user must be a name without ':', got '" + user + "'");
            this.user = user;
            this.password = password;
            return this;
        }

        public RaporClient build() { return new RaporClient(this); }

        private static Duration positive(Duration d, String name) {
            if (d == null || d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be positive, got " + d);
            return d;
        }
    }

    /** The base URL this client talks to. */
    public URI baseUrl() {
        return base;
    }

    public Types.Health health() {
        return send(Call.health());
    }

    public List<Types.MethodologySummary> methodologies() {
        return send(Call.methodologies());
    }

    /** The methodologies of one family (pekppp, ombudsman, skm). */
    public List<Types.MethodologySummary> methodologies(String family) {
        return send(Call.methodologies(family));
    }

    /** The methodology of {@code family} that applies to assessments of {@code year}; 404 lists the years there are. */
    public Types.MethodologySummary resolve(String family, int year) {
        Call<List<Types.MethodologySummary>> call = Call.resolve(family, year);
        List<Types.MethodologySummary> one = send(call);
        if (one.size() != 1) {
            throw new RaporException(200, null, "Unexpected answer", call + " named " + one.size() + " methodologies, not one", List.of(), null, null, null);
        }
        return one.get(0);
    }

    /** The questionnaire of a methodology: aspects, indicators and their answers, bands, provenance. */
    public Types.Questionnaire methodology(String id) {
        return send(Call.methodology(id));
    }

    public Types.Score score(String methodologyId, Types.Assessment assessment) {
        return send(Call.score(methodologyId, assessment));
    }

    /** Scores one unit's answers (indicator id to number). */
    public Types.Score score(String methodologyId, String unit, Map<String, BigDecimal> answers) {
        return score(methodologyId, Types.Assessment.of(unit, answers));
    }

    /** Scores a survey (SKM): each respondent's answers. */
    public Types.Score scoreRespondents(String methodologyId, String unit, List<Map<String, BigDecimal>> respondents) {
        return score(methodologyId, Types.Assessment.ofRespondents(unit, respondents));
    }

    /** Scores with the methodology that applies to {@code year} of {@code family}. */
    public Types.Score score(String family, int year, Types.Assessment assessment) {
        return send(Call.score(family, year, assessment));
    }

    /**
     * Scores a region's units; each unit gets its score or its own errors. {@code atOrBelow} (a
     * band code, or null) asks for the units at or below that band.
     */
    public Types.RegionScore scoreRegion(String methodologyId, String region, List<Types.Assessment> units, String atOrBelow) {
        return send(Call.scoreRegion(methodologyId, new Types.RegionAssessment(region, atOrBelow, units)));
    }

    public Types.RegionScore scoreRegion(String family, int year, String region, List<Types.Assessment> units, String atOrBelow) {
        return send(Call.scoreRegion(family, year, new Types.RegionAssessment(region, atOrBelow, units)));
    }

    /** Every rule bundle: its methodology, version, state and errors. */
    public List<Types.Deployment> deployments() {
        return send(Call.deployments());
    }

    // Rule revisions and the audit trail: the credentials of a user with role policy.

    /** A methodology's revisions, oldest first, without their files. */
    public List<Types.Revision> revisions(String methodologyId) {
        return send(Call.revisions(methodologyId));
    }

    /** One revision with all its files; 0 stands for the rule bundles. */
    public Types.Revision revision(String methodologyId, int number) {
        return send(Call.revision(methodologyId, number));
    }

    /**
     * Proposes changed files (path such as {@code methodology/bands.csv} to text) with a comment saying why.
     * The answer's state is DRAFT (every check passed; activate it to serve it) or REJECTED with its errors.
     */
    public Types.Revision propose(String methodologyId, String comment, Map<String, String> files) {
        return send(Call.propose(methodologyId, new Types.RevisionProposal(comment, files)));
    }

    /** Serves revision {@code number} from now on (an earlier one: a rollback; 0: the rule bundles again). */
    public Types.Revision activate(String methodologyId, int number) {
        return send(Call.activate(methodologyId, number));
    }

    /** What revision {@code number} would change on these units' scores, before anyone is scored with it. */
    public Types.Impact impact(String methodologyId, int number, List<Types.Assessment> units) {
        return send(Call.impact(methodologyId, number, units));
    }

    /** What differs from revision {@code from} to revision {@code to}, table row by row and rule line by line (0: the rule bundles). */
    public Types.Diff diff(String methodologyId, int from, int to) {
        return send(Call.diff(methodologyId, from, to));
    }

    /** The audit trail's newest hundred entries, newest first: every change and refused attempt. */
    public List<Types.AuditEntry> audit() {
        return send(Call.audit());
    }

    /** The newest hundred entries about one methodology, newest first. */
    public List<Types.AuditEntry> audit(String methodology) {
        return send(Call.audit(methodology));
    }

    /**
     * A second policy user approves a revision for activation (where approval.required is set, a
     * revision is activated only once approved). Its author cannot: 403 own-revision.
     */
    public Types.Revision approveRevision(String methodologyId, int revision) {
        return send(Call.approveRevision(methodologyId, revision));
    }

    /**
     * For a revision rejected only because its tables moved golden cases' numbers: a new revision
     * with those numbers as the expected ones (the revision itself stays as it was). 409
     * golden-cases-not-acceptable if it failed for other reasons too.
     */
    public Types.Revision acceptGoldenChanges(String methodologyId, int revision) {
        return send(Call.acceptGoldenChanges(methodologyId, revision));
    }

    /** Sends a call and reads its answer into typed records. */
    // The evaluation records: see Call for each request.

    public List<Types.Unit> units(String region) { return send(Call.units(region)); }

    /** The users and their grants (role admin). */
    public Types.Users users() { return send(Call.users()); }

    public Types.User user(String name) { return send(Call.user(name)); }

    /**
     * Creates {@code name} with {@code roles} ({@code evaluator@kab-a}, {@code admin}, …) and
     * {@code password}, or changes their roles, and their password unless it is null (role admin).
     */
    public Types.User putUser(String name, List<String> roles, String password) {
        return send(Call.putUser(name, new Types.UserChange(roles, password)));
    }

    /** Removes a user (role admin): their sessions end, their credentials no longer work. */
    public void deleteUser(String name) { exchange(Call.deleteUser(name)); }

    public Types.Unit unit(String id) { return send(Call.unit(id)); }

    /** Every entry round the caller sees (see {@link #rounds(String, String, Integer, boolean)}). */
    public List<Types.EntryRound> rounds() { return send(Call.rounds(null, null, null, false)); }

    /** The entry rounds the caller sees, each filter null for any; {@code openOnly}: those open today. */
    public List<Types.EntryRound> rounds(String region, String family, Integer year, boolean openOnly) {
        return send(Call.rounds(region, family, year, openOnly));
    }

    public Types.EntryRound round(long id) { return send(Call.round(id)); }

    /**
     * Opens {@code region}'s round of {@code family} and {@code year}: self-assessments from {@code opensOn} to
     * {@code closesOn} (ISO dates, both inside). Role admin; 409 duplicate-round if it exists.
     */
    public Types.EntryRound createRound(String region, String family, int year, String opensOn, String closesOn) {
        return send(Call.createRound(new Types.EntryRoundRequest(region, family, year, opensOn, closesOn, null)));
    }

    /** A round's new period and whether it is closed; what is null is kept (role admin). */
    public Types.EntryRound updateRound(long id, String opensOn, String closesOn, Boolean closed) {
        return send(Call.updateRound(id, new Types.EntryRoundChange(opensOn, closesOn, closed)));
    }

    public Types.Unit createUnit(Types.UnitRequest unit) { return send(Call.createUnit(unit)); }

    public Types.Unit updateUnit(String id, Types.UnitRequest unit) { return send(Call.updateUnit(id, unit)); }

    public Types.UnitImport importUnits(String csv) { return send(Call.importUnits(csv)); }

    public Types.AssessmentRecord enter(String unitId, Types.AssessmentRequest assessment) { return send(Call.enter(unitId, assessment)); }

    public List<Types.AssessmentRecord> assessments(String unitId, Integer year, String family) {
        return send(Call.assessments(unitId, year, family));
    }

    public Types.AssessmentRecord official(String unitId, int year, String family) { return send(Call.official(unitId, year, family)); }

    public Types.AssessmentRecord assessment(long id) { return send(Call.assessment(id)); }

    /** The newest hundred changes to one assessment and its evidence, newest first (role admin). */
    public List<Types.RecordChange> assessmentAudit(long id) { return send(Call.recordAudit(null, id)); }

    /** The newest hundred changes to one unit's own row, newest first (role admin). */
    public List<Types.RecordChange> unitAudit(String unitId) { return send(Call.recordAudit(unitId, null)); }
    /** A region's round at a glance, from the stored official scores. */
    public Types.MonitoringView monitoring(Types.MonitoringQuery query) { return send(Call.monitoring(query)); }

    /** A region's round of {@code family} in {@code year}, with C as the band for guidance. */
    public Types.MonitoringView monitoring(String region, String family, int year) { return monitoring(Types.MonitoringQuery.of(region, family, year)); }

    /** Every round of a unit or region, oldest first. */
    public Types.History history(String unitId, String family) { return send(Call.history(unitId, family)); }

    public Types.AssessmentRecord changeDraft(long id, Types.AssessmentRequest assessment) { return send(Call.changeDraft(id, assessment)); }

    public Types.AssessmentRecord submit(long id) { return send(Call.submit(id)); }

    public Types.AssessmentRecord finalizeAssessment(long id) { return send(Call.finalizeAssessment(id)); }

    public Types.AssessmentRecord rescore(long id) { return send(Call.rescore(id)); }

    /** The cheapest answer improvements that reach {@code target} (null: the band above the unit's). */
    public Types.Plan plan(String methodologyId, Map<String, BigDecimal> answers, String target) {
        return send(Call.plan(methodologyId, Types.PlanRequest.of(answers, target)));
    }

    /** With costs per level step by indicator and indicators that cannot change. */
    public Types.Plan plan(String methodologyId, Types.PlanRequest request) { return send(Call.plan(methodologyId, request)); }

    /** The plan for a stored assessment, by the rules that scored it. */
    public Types.Plan plan(long assessmentId, String target) { return send(Call.plan(assessmentId, target)); }

    /** Why a unit's index moved between two methodologies or revisions (answers of {@code after} null: the same answers). */
    public Types.Comparison compare(Types.CompareSide before, Types.CompareSide after) {
        return send(Call.compare(new Types.CompareRequest(null, before, after)));
    }

    /** An assessment's evidence, by indicator then name. */
    public List<Types.Evidence> evidence(long assessmentId) { return send(Call.evidence(assessmentId)); }

    /** Attaches {@code file} (PDF, PNG, JPEG, an office document) to an indicator of a draft, under the file's name. */
    public Types.Evidence attachEvidence(long assessmentId, String indicator, Path file) {
        return send(Call.attachEvidence(assessmentId, indicator, file));
    }

    /** Detaches a draft's evidence file. */
    public void removeEvidence(long assessmentId, String indicator, String name) {
        exchange(Call.removeEvidence(assessmentId, indicator, name));
    }

    /**
     * Downloads an evidence file to {@code target} (replaced if there), checking its SHA-256 against the one the
     * server stored (its ETag): a file that does not match is not written. Returns {@code target}.
     */
    public Path downloadEvidence(long assessmentId, String indicator, String name, Path target) {
        return download(Call.evidenceFile(assessmentId, indicator, name), target, true);
    }

    /** Imports a round's sheet, CSV or Excel (by the file's extension .xlsx), for {@code region}: all rows or none. */
    public Types.RoundImport importRound(String region, String family, int year, Path sheet) {
        return send(Call.importRound(region, family, year, sheet));
    }

    /**
     * Exports a round's sheet for {@code region} to {@code target} (replaced if there): an Excel workbook when the
     * target's name ends in .xlsx, else CSV. Returns {@code target}.
     */
    public Path exportRound(String region, String family, int year, Path target) {
        String format = Call.sheetType(target).equals("text/csv") ? "csv" : "xlsx";
        return download(Call.exportRound(region, family, year, format), target, false);
    }

    /**
     * A unit's report card of a round ({@code family} pekppp, ombudsman, skm): a PDF ({@code format} "pdf") or an Excel
     * workbook ("xlsx"), in {@code language} ("en" for English; null or "id": Indonesian). Save the bytes as a file.
     */
    public byte[] unitReport(String unitId, String family, int year, String format, String language) {
        return bytes(Call.unitReport(unitId, family, year, format), language);
    }

    /** A region's report of a round, as {@link #unitReport}: the units' table, the bands as a chart, the lists. */
    public byte[] regionReport(String region, String family, int year, String format, String language) {
        return bytes(Call.regionReport(region, family, year, format), language);
    }

    /** A file's bytes, whole, in {@code language} (Accept-Language; null: the server's default). */
    private byte[] bytes(Call<Void> call, String language) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(call.path())).timeout(requestTimeout).GET();
        if (authorization != null) request.header("Authorization", authorization);
        if (language != null) request.header("Accept-Language", language);
        HttpRequest r = request.build();
        try {
            HttpResponse<byte[]> response = http.send(r, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() / 100 != 2) {
                throw Problems.refusal(gson, r.uri(), response.statusCode(), new String(response.body(), StandardCharsets.UTF_8),
                        response.headers().firstValue("X-Request-Id").orElse(null));
            }
            return response.body();
        } catch (IOException e) {
            throw Problems.unreachable(r.uri(), e, connectTimeout, requestTimeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Problems.unreachable(r.uri(), e, connectTimeout, requestTimeout);
        }
    }

    /** A file's bytes to {@code target}, written whole or not at all; {@code sha256}: checked against the answer's ETag. */
    private Path download(Call<Void> call, Path target, boolean sha256) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(call.path())).timeout(requestTimeout).GET();
        if (authorization != null) request.header("Authorization", authorization);
        HttpRequest r = request.build();
        try {
            HttpResponse<InputStream> response = http.send(r, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() / 100 != 2) {
                    throw Problems.refusal(gson, r.uri(), response.statusCode(), new String(body.readAllBytes(), StandardCharsets.UTF_8),
                            response.headers().firstValue("X-Request-Id").orElse(null));
                }
                Path part = Files.createTempFile(target.toAbsolutePath().getParent(), ".download", ".part");
                try {
                    MessageDigest sha = MessageDigest.getInstance("SHA-256");
                    try (OutputStream out = new DigestOutputStream(Files.newOutputStream(part), sha)) {
                        body.transferTo(out);
                    }
                    String expected = response.headers().firstValue("ETag").orElse("").replace("\"", "");
                    String got = HexFormat.of().formatHex(sha.digest());
                    if (sha256 && !expected.equals(got)) {
                        throw new IllegalStateException("the download's SHA-256 is " + got + ", the server stored " + expected
                                + "; it was not written to " + target);
                    }
                    Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
                    return target;
                } finally {
                    Files.deleteIfExists(part);
                }
            }
        } catch (IOException e) {
            throw Problems.unreachable(r.uri(), e, connectTimeout, requestTimeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Problems.unreachable(r.uri(), e, connectTimeout, requestTimeout);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    public <T> T send(Call<T> call) {
        HttpResponse<String> response = exchange(call);
        return read(call, response.uri(), response.statusCode(), response.body());
    }

    /** Sends a call and returns the server's JSON exactly as written (a command line's --json). */
    public String json(Call<?> call) {
        return exchange(call).body();
    }

    /** An answer {@link #json} returned, read into typed records as {@link #send} would have. */
    public <T> T read(Call<T> call, String json) {
        return read(call, base.resolve(call.path()), 200, json);
    }

    private <T> T read(Call<T> call, URI uri, int status, String body) {
        try {
            T answer = gson.fromJson(body, call.answer());
            if (answer == null) throw new JsonParseException("no JSON value");
            return answer;
        } catch (JsonParseException | IllegalStateException | ClassCastException e) {
            throw Problems.unreadable(uri, status, body, e);
        }
    }

    private HttpResponse<String> exchange(Call<?> call) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(call.path()))
                .header("Accept", JSON)
                .timeout(requestTimeout);
        if (authorization != null) request.header("Authorization", authorization);
        if (call.body() == null) request.method(call.method(), HttpRequest.BodyPublishers.noBody());
        else if (call.body() instanceof Path file) request.header("Content-Type", call.mediaType()).method(call.method(), file(file));
        else request.header("Content-Type", call.mediaType()).method(call.method(), HttpRequest.BodyPublishers.ofString(
                call.mediaType().equals(JSON) ? gson.toJson(call.body()) : call.body().toString(), StandardCharsets.UTF_8));
        HttpRequest r = request.build();
        HttpResponse<String> response;
        try {
            response = http.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw Problems.unreachable(r.uri(), e, connectTimeout, requestTimeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Problems.unreachable(r.uri(), e, connectTimeout, requestTimeout);
        }
        if (response.statusCode() / 100 != 2) {
            throw Problems.refusal(gson, r.uri(), response.statusCode(), response.body(),
                    response.headers().firstValue("X-Request-Id").orElse(null));
        }
        return response;
    }

    private static HttpRequest.BodyPublisher file(Path file) {
        try {
            return HttpRequest.BodyPublishers.ofFile(file);
        } catch (java.io.FileNotFoundException e) {
            throw new IllegalArgumentException("no file " + file, e);
        }
    }

    /**
     * Answers from pairs, for callers writing them by hand: {@code answers("i01", 3, "i02", "4.5")}.
     * Each value becomes a BigDecimal from its text, so 4.5 is sent as 4.5.
     */
    public static Map<String, BigDecimal> answers(Object... indicatorAndAnswer) {
        if (indicatorAndAnswer.length % 2 != 0) throw new IllegalArgumentException("answers come in pairs: indicator id, answer");
        Map<String, BigDecimal> answers = new LinkedHashMap<>();
        for (int k = 0; k < indicatorAndAnswer.length; k += 2) {
            if (!(indicatorAndAnswer[k] instanceof String id)) {
                throw new IllegalArgumentException("expected an indicator id at position " + k + ", got " + indicatorAndAnswer[k]);
            }
            Object value = Objects.requireNonNull(indicatorAndAnswer[k + 1], id);
            answers.put(id, value instanceof BigDecimal d ? d : new BigDecimal(value.toString()));
        }
        return answers;
    }
}
