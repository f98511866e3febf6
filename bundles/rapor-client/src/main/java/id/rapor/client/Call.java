package id.rapor.client;

import com.google.gson.reflect.TypeToken;
import java.lang.reflect.Type;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One request of API v1 and the type of its answer. The API's paths are written here and
 * nowhere else. {@link RaporClient#send(Call)} returns the answer typed;
 * {@link RaporClient#json(Call)} returns the server's JSON exactly as written.
 *
 * @param <T> the answer's type
 */
public final class Call<T> {
    private static final String V1 = "api/v1/";

    private final String method;
    private final String path;
    private final Object body;
    private final Type answer;
    /** The body's media type: JSON (the body serialised by Gson), or another for a body sent as the text it is. */
    private final String mediaType;

    private Call(String method, String path, Object body, TypeToken<T> answer) {
        this(method, path, body, answer, "application/json");
    }

    private Call(String method, String path, Object body, TypeToken<T> answer, String mediaType) {
        this.method = method;
        this.path = path;
        this.body = body;
        this.answer = answer.getType();
        this.mediaType = mediaType;
    }

    public static Call<Types.Health> health() {
        return get("health", new TypeToken<>() {});
    }

    public static Call<List<Types.MethodologySummary>> methodologies() {
        return get("methodologies", new TypeToken<>() {});
    }

    public static Call<List<Types.MethodologySummary>> methodologies(String family) {
        return get("methodologies?family=" + query(family), new TypeToken<>() {});
    }

    /** The methodology of {@code family} for assessments of {@code year}: a list of exactly one. */
    public static Call<List<Types.MethodologySummary>> resolve(String family, int year) {
        return get("methodologies?" + byYear(family, year), new TypeToken<>() {});
    }

    /** The questionnaire of methodology {@code id}. */
    public static Call<Types.Questionnaire> methodology(String id) {
        return get("methodologies/" + segment(id), new TypeToken<>() {});
    }

    public static Call<Types.Score> score(String methodologyId, Types.Assessment assessment) {
        return post("methodologies/" + segment(methodologyId) + "/score", assessment, new TypeToken<>() {});
    }

    /** Scores with the methodology that applies to {@code year} of {@code family}. */
    public static Call<Types.Score> score(String family, int year, Types.Assessment assessment) {
        return post("score?" + byYear(family, year), assessment, new TypeToken<>() {});
    }

    public static Call<Types.RegionScore> scoreRegion(String methodologyId, Types.RegionAssessment region) {
        return post("methodologies/" + segment(methodologyId) + "/score/batch", region, new TypeToken<>() {});
    }

    public static Call<Types.RegionScore> scoreRegion(String family, int year, Types.RegionAssessment region) {
        return post("score/batch?" + byYear(family, year), region, new TypeToken<>() {});
    }

    public static Call<List<Types.Deployment>> deployments() {
        return get("deployments", new TypeToken<>() {});
    }

    /** The revisions of a methodology, oldest first, without their files (role policy). */
    public static Call<List<Types.Revision>> revisions(String methodologyId) {
        return get(revisionsOf(methodologyId), new TypeToken<>() {});
    }

    /** One revision with all its files; 0 stands for the rule bundles. */
    public static Call<Types.Revision> revision(String methodologyId, int number) {
        return get(revisionsOf(methodologyId) + "/" + number, new TypeToken<>() {});
    }

    /** Proposes changed files as a new revision: checked at once, served only once activated. */
    public static Call<Types.Revision> propose(String methodologyId, Types.RevisionProposal proposal) {
        return post(revisionsOf(methodologyId), proposal, new TypeToken<>() {});
    }

    /** Serves revision {@code number} from now on; 0 goes back to the rule bundles. */
    public static Call<Types.Revision> activate(String methodologyId, int number) {
        return new Call<>("POST", V1 + revisionsOf(methodologyId) + "/" + number + "/activate", null, new TypeToken<>() {});
    }

    /** What revision {@code number} would change on these units, compared with what serves. */
    public static Call<Types.Impact> impact(String methodologyId, int number, List<Types.Assessment> units) {
        return post(revisionsOf(methodologyId) + "/" + number + "/impact", new Types.Units(units), new TypeToken<>() {});
    }

    /** What differs from revision {@code from} to revision {@code to} (0: the rule bundles). */
    public static Call<Types.Diff> diff(String methodologyId, int from, int to) {
        return get(revisionsOf(methodologyId) + "/" + from + "/diff/" + to, new TypeToken<>() {});
    }

    /** The audit trail's newest hundred entries, newest first (role policy). */
    public static Call<List<Types.AuditEntry>> audit() {
        return audit(null);
    }

    /** The newest hundred entries about one methodology (null: all), newest first (role policy). */
    public static Call<List<Types.AuditEntry>> audit(String methodology) {
        return get(methodology == null ? "audit" : "audit?methodology=" + query(methodology), new TypeToken<>() {});
    }

    /** Approves another policy user's revision, where approval.required is set. */
    public static Call<Types.Revision> approveRevision(String methodologyId, int revision) {
        return post("methodologies/" + segment(methodologyId) + "/revisions/" + revision + "/approve", null, new TypeToken<>() {});
    }

    public static Call<Types.Revision> acceptGoldenChanges(String methodologyId, int revision) {
        return post("methodologies/" + segment(methodologyId) + "/revisions/" + revision + "/accept-golden", null, new TypeToken<>() {});
    }

    // The evaluation records (a login of a role that holds for the unit).

    /** The top regions, or a region and every unit below it. */
    /**
     * The records' newest hundred changes (role admin), newest first: of one unit (its own row),
     * of one assessment and its evidence, or of all (both null).
     */
    public static Call<List<Types.RecordChange>> recordAudit(String unit, Long assessment) {
        String filter = unit != null ? "?unit=" + query(unit) : assessment != null ? "?assessment=" + assessment : "";
        return get("records/audit" + filter, new TypeToken<>() {});
    }

    public static Call<List<Types.Unit>> units(String region) {
        return get(region == null ? "units" : "units?region=" + query(region), new TypeToken<>() {});
    }

    public static Call<Types.Unit> unit(String id) {
        return get("units/" + segment(id), new TypeToken<>() {});
    }

    /** The users and their grants (role admin). */
    public static Call<Types.Users> users() {
        return get("users", new TypeToken<>() {});
    }

    public static Call<Types.User> user(String name) {
        return get("users/" + segment(name), new TypeToken<>() {});
    }

    /** Creates a user (a password is needed) or changes their grants and, if given, password (role admin). */
    public static Call<Types.User> putUser(String name, Types.UserChange change) {
        return new Call<>("PUT", V1 + "users/" + segment(name), change, new TypeToken<>() {});
    }

    /** Removes a user (role admin); their sessions end. */
    public static Call<Void> deleteUser(String name) {
        return new Call<>("DELETE", V1 + "users/" + segment(name), null, new TypeToken<>() {});
    }

    /**
     * The regions' entry rounds the caller sees, newest year first; each filter null for any, {@code openOnly} for the
     * rounds open today.
     */
    public static Call<List<Types.EntryRound>> rounds(String region, String family, Integer year, boolean openOnly) {
        StringBuilder q = new StringBuilder();
        if (region != null) q.append("&region=").append(query(region));
        if (family != null) q.append("&family=").append(query(family));
        if (year != null) q.append("&year=").append(year);
        if (openOnly) q.append("&open=true");
        return get(q.length() == 0 ? "rounds" : "rounds?" + q.substring(1), new TypeToken<>() {});
    }

    public static Call<Types.EntryRound> round(long id) {
        return get("rounds/" + id, new TypeToken<>() {});
    }

    /** Opens a region's round of a family and year (role admin). */
    public static Call<Types.EntryRound> createRound(Types.EntryRoundRequest round) {
        return post("rounds", round, new TypeToken<>() {});
    }

    /** Changes a round's period, or closes or reopens it (role admin). */
    public static Call<Types.EntryRound> updateRound(long id, Types.EntryRoundChange change) {
        return new Call<>("PUT", V1 + "rounds/" + id, change, new TypeToken<>() {});
    }

    /** Adds a unit (role admin). */
    public static Call<Types.Unit> createUnit(Types.UnitRequest unit) {
        return post("units", unit, new TypeToken<>() {});
    }

    /** Changes a unit's name, kind, parent or whether it is active (role admin). */
    public static Call<Types.Unit> updateUnit(String id, Types.UnitRequest unit) {
        return new Call<>("PUT", V1 + "units/" + segment(id), unit, new TypeToken<>() {});
    }

    /** Imports a unit list, CSV text with a header id,name,kind,parent (commas or semicolons): all rows or none (role admin). */
    public static Call<Types.UnitImport> importUnits(String csv) {
        return new Call<>("POST", V1 + "units/import", csv, new TypeToken<>() {}, "text/csv");
    }

    /** The media type of a round's sheet file: an Excel workbook by its extension .xlsx, else CSV. */
    public static String sheetType(java.nio.file.Path file) {
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")
                ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv";
    }

    /**
     * Imports a round's sheet (CSV or an Excel workbook, by {@code file}'s extension) for the units of {@code region}:
     * every row a new draft assessment, scored at once; all rows or none.
     */
    public static Call<Types.RoundImport> importRound(String region, String family, int year, java.nio.file.Path file) {
        return new Call<>("POST", V1 + "rounds/import?" + round(region, family, year), file, new TypeToken<>() {}, sheetType(file));
    }

    /** The export of a round's sheet: its bytes, not JSON (see {@link RaporClient#exportRound}); {@code format} csv or xlsx. */
    static Call<Void> exportRound(String region, String family, int year, String format) {
        return get("rounds/export?" + round(region, family, year) + "&format=" + query(format), new TypeToken<>() {});
    }

    /** A unit's report card of a round: its bytes, not JSON (see {@link RaporClient#unitReport}); {@code format} pdf or xlsx. */
    static Call<Void> unitReport(String unitId, String family, int year, String format) {
        return get("units/" + segment(unitId) + "/report?" + byYear(family, year) + "&format=" + query(format), new TypeToken<>() {});
    }

    /** A region's report of a round: its bytes, not JSON (see {@link RaporClient#regionReport}); {@code format} pdf or xlsx. */
    static Call<Void> regionReport(String region, String family, int year, String format) {
        return get("monitoring/report?" + round(region, family, year) + "&format=" + query(format), new TypeToken<>() {});
    }

    private static String round(String region, String family, int year) {
        return "region=" + query(region) + "&" + byYear(family, year);
    }

    /** Enters an assessment of a unit: scored at once, stored as a draft. */
    public static Call<Types.AssessmentRecord> enter(String unitId, Types.AssessmentRequest assessment) {
        return post("units/" + segment(unitId) + "/assessments", assessment, new TypeToken<>() {});
    }

    /** A unit's assessments, newest first; {@code year} and {@code family} may be null (all). */
    public static Call<List<Types.AssessmentRecord>> assessments(String unitId, Integer year, String family) {
        String q = (year == null ? "" : "year=" + year) + (family == null ? "" : (year == null ? "" : "&") + "family=" + query(family));
        return get("units/" + segment(unitId) + "/assessments" + (q.isEmpty() ? "" : "?" + q), new TypeToken<>() {});
    }

    /** The official assessment of a round: the latest final one of the highest role. */
    public static Call<Types.AssessmentRecord> official(String unitId, int year, String family) {
        return get("units/" + segment(unitId) + "/official?year=" + year + "&family=" + query(family), new TypeToken<>() {});
    }

    /** A region's round at a glance. */
    public static Call<Types.MonitoringView> monitoring(Types.MonitoringQuery q) {
        StringBuilder path = new StringBuilder("monitoring?region=").append(query(q.region())).append("&year=").append(q.year());
        if (q.family() != null) path.append("&family=").append(query(q.family()));
        if (q.methodology() != null) path.append("&methodology=").append(query(q.methodology()));
        if (q.atOrBelow() != null) path.append("&atOrBelow=").append(query(q.atOrBelow()));
        return get(path.toString(), new TypeToken<>() {});
    }

    /** Every round of a unit (its official scores) or a region (its index) of {@code family}, oldest first. */
    public static Call<Types.History> history(String unitId, String family) {
        return get("units/" + segment(unitId) + "/history?family=" + query(family), new TypeToken<>() {});
    }

    public static Call<Types.AssessmentRecord> assessment(long id) {
        return get("assessments/" + id, new TypeToken<>() {});
    }

    /** A draft's new answers (scored again) and comment. */
    public static Call<Types.AssessmentRecord> changeDraft(long id, Types.AssessmentRequest assessment) {
        return new Call<>("PUT", V1 + "assessments/" + id, assessment, new TypeToken<>() {});
    }

    public static Call<Types.AssessmentRecord> submit(long id) {
        return post("assessments/" + id + "/submit", null, new TypeToken<>() {});
    }

    /** Scores an assessment's answers again with the rules serving now: a new draft naming it (it keeps its own score). */
    /** The cheapest improvements that reach a band (the request's target, or the band above). */
    public static Call<Types.Plan> plan(String methodologyId, Types.PlanRequest request) {
        return post("methodologies/" + segment(methodologyId) + "/plan", request, new TypeToken<>() {});
    }

    /** The plan with revision {@code revision}'s tables and rules. */
    public static Call<Types.Plan> plan(String methodologyId, int revision, Types.PlanRequest request) {
        return post("methodologies/" + segment(methodologyId) + "/plan?revision=" + revision, request, new TypeToken<>() {});
    }

    /** The same for a stored assessment, by the rules that scored it; {@code target} null: the band above. */
    public static Call<Types.Plan> plan(long assessmentId, String target) {
        return get("assessments/" + assessmentId + "/plan" + (target == null ? "" : "?target=" + query(target)), new TypeToken<>() {});
    }

    /** Why an index moved between two sets of rules: both scores, the difference split exactly. */
    public static Call<Types.Comparison> compare(Types.CompareRequest request) {
        return post("compare", request, new TypeToken<>() {});
    }

    public static Call<Types.AssessmentRecord> rescore(long id) {
        return post("assessments/" + id + "/rescore", null, new TypeToken<>() {});
    }

    /** Makes a submitted assessment final (a verifier of its unit). */
    public static Call<Types.AssessmentRecord> finalizeAssessment(long id) {
        return post("assessments/" + id + "/finalize", null, new TypeToken<>() {});
    }

    /** An assessment's evidence, by indicator then name. */
    public static Call<List<Types.Evidence>> evidence(long id) {
        return get("assessments/" + id + "/evidence", new TypeToken<>() {});
    }

    /**
     * Attaches {@code file} to {@code indicator} of a draft, under the file's own name (replacing a file of that
     * name there). The file is sent as it is; the server reads its kind from the content.
     */
    public static Call<Types.Evidence> attachEvidence(long id, String indicator, java.nio.file.Path file) {
        return new Call<>("PUT", V1 + evidencePath(id, indicator) + "?name=" + query(file.getFileName().toString()), file,
                new TypeToken<>() {}, "application/octet-stream");
    }

    /** Detaches a draft's file; the answer has no body. */
    public static Call<Void> removeEvidence(long id, String indicator, String name) {
        return new Call<>("DELETE", V1 + evidencePath(id, indicator) + "/" + segment(name), null, new TypeToken<>() {});
    }

    /** The download of one file: its bytes, not JSON (see {@link RaporClient#downloadEvidence}). */
    static Call<Void> evidenceFile(long id, String indicator, String name) {
        return get(evidencePath(id, indicator) + "/" + segment(name), new TypeToken<>() {});
    }

    private static String evidencePath(long id, String indicator) {
        return "assessments/" + id + "/evidence/" + segment(indicator);
    }

    private static String revisionsOf(String methodologyId) {
        return "methodologies/" + segment(methodologyId) + "/revisions";
    }

    private static <T> Call<T> get(String path, TypeToken<T> answer) {
        return new Call<>("GET", V1 + path, null, answer);
    }

    private static <T> Call<T> post(String path, Object body, TypeToken<T> answer) {
        return new Call<>("POST", V1 + path, body, answer);
    }

    private static String byYear(String family, int year) {
        return "family=" + query(family) + "&year=" + year;
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A path segment: unlike a query, a space there is %20, not '+'. */
    private static String segment(String value) {
        return query(value).replace("+", "%20");
    }

    String method() { return method; }

    /** The path relative to the base URL, with its query. */
    String path() { return path; }

    /** The request body to send as JSON, or null for a GET. */
    Object body() { return body; }

    /** The body's media type; a body of another type than JSON is sent as the text it is, a Path as the file's bytes. */
    String mediaType() { return mediaType; }

    Type answer() { return answer; }

    @Override
    public String toString() {
        return method + " /" + path;
    }
}
