package id.rapor.client;

import com.google.gson.annotations.SerializedName;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shapes of API v1's requests and answers, as plain immutable records. Numbers are
 * BigDecimal exactly as the server wrote them: 2.97 stays 2.97, 100.00 keeps its two decimals,
 * and SKM's 34-digit contributions keep every digit.
 */
public final class Types {
    private Types() {}

    /**
     * {@code GET /api/v1/health}: "UP", methodologies {active, unavailable}, ruleBundles {pending}, and the methodologies
     * this node serves otherwise than the shared revision store says is active (several nodes on one PostgreSQL).
     */
    public record Health(String status, Map<String, Integer> methodologies, Map<String, Integer> ruleBundles,
                         List<RevisionMismatch> revisionMismatches) {
        public Health {
            methodologies = map(methodologies);
            ruleBundles = map(ruleBundles);
            revisionMismatches = list(revisionMismatches);
        }
    }

    /**
     * A methodology served here otherwise than the revision store says: {@code active} is the revision active there
     * (0: the rule bundles), {@code serving} what serves here (null: nothing), {@code reason} why it is not restored and
     * {@code nextAttempt} (ISO-8601) when it is tried again; both null while it is still being restored.
     */
    public record RevisionMismatch(String methodology, int active, String serving, String reason, String nextAttempt) {}

    /** The assessment years a methodology applies to; {@code to} is null while it still applies. */
    public record Years(int from, Integer to) {}

    /** One entry of {@code GET /api/v1/methodologies}. */
    public record MethodologySummary(String id, String title, String regulation, Integer year, String version, String status,
                                     String family, Years years) {}

    /** An answer a closed indicator accepts, and what it means. */
    public record Option(BigDecimal value, String label) {}

    /** The answers an open indicator accepts: from min to max with at most {@code decimals} decimals. */
    public record Range(BigDecimal min, BigDecimal max, int decimals, String label) {}

    /** A question of the questionnaire; its weight is a percent of its aspect, as the regulation prints it. */
    public record Indicator(String id, String code, String name, BigDecimal weight, boolean required, Range range, List<Option> options) {
        public Indicator {
            options = list(options);
        }
    }

    /** A group of indicators; its weight is a percent of the index. */
    public record Aspect(String id, String name, BigDecimal weight, List<Indicator> indicators) {
        public Aspect {
            indicators = list(indicators);
        }
    }

    /** A grade band of the scale; {@code zone} (Hijau, Kuning, Merah) only where the methodology has one. */
    public record Band(String code, String label, BigDecimal min, BigDecimal max, String zone) {}

    /** Where a table's numbers come from: confidence C (confirmed), S (single source) or U (unconfirmed). */
    public record Provenance(String subject, String confidence, String source, String note) {}

    public record Scale(BigDecimal min, BigDecimal max, int decimals) {}

    /** {@code GET /api/v1/methodologies/{id}}: what to answer, how it is weighed and banded, and where each number comes from. */
    public record Questionnaire(String id, String title, String regulation, int year, String family, Years years, String version,
                                String input, String aggregation, Map<String, String> parameters, Scale scale,
                                List<Aspect> aspects, List<Band> bands, List<Provenance> provenance) {
        public Questionnaire {
            parameters = map(parameters);
            aspects = list(aspects);
            bands = list(bands);
            provenance = list(provenance);
        }

        /** True for a survey (SKM): score it with respondents' answers, not a unit's answers. */
        public boolean takesRespondents() {
            return "respondents".equals(input);
        }
    }

    /** The methodology and rule version that produced a score. */
    public record MethodologyRef(String id, String version) {}

    /** The band a score falls in. */
    public record BandRef(String code, String label, String zone) {}

    public record AspectScore(String id, String name, BigDecimal weight, BigDecimal score, BigDecimal contribution) {}

    public record IndicatorScore(String id, BigDecimal answer, BigDecimal weight, BigDecimal contribution) {}

    /** One unit's score, with the methodology version that produced it and the reasons. */
    public record Score(MethodologyRef methodology, String unit, BigDecimal index, BandRef band, List<AspectScore> aspects,
                        List<IndicatorScore> indicators, List<String> explanation) {
        public Score {
            aspects = list(aspects);
            indicators = list(indicators);
            explanation = list(explanation);
        }
    }

    /** What was wrong with a request: the field ("answers.i99", "units[2].unit") and why. */
    public record FieldError(String field, String message) {}

    /**
     * A unit of a region: its score, or (when {@link #errors()} is not empty) why it was not
     * scored. A unit the server could not read at all may have a null {@code unit}.
     */
    public record UnitResult(String unit, BigDecimal index, BandRef band, List<AspectScore> aspects, List<IndicatorScore> indicators,
                             List<String> explanation, List<FieldError> errors) {
        public UnitResult {
            aspects = list(aspects);
            indicators = list(indicators);
            explanation = list(explanation);
            errors = list(errors);
        }

        public boolean scored() {
            return errors.isEmpty();
        }
    }

    /** The units at or below the band the request named, for follow-up. */
    public record AtOrBelow(String band, List<String> units) {
        public AtOrBelow {
            units = list(units);
        }
    }

    /** A region's roll-up; {@code score} and {@code band} are null when no unit could be scored. */
    public record RegionSummary(String aggregation, int units, int scored, BigDecimal score, BandRef band,
                                Map<String, Integer> unitsPerBand, AtOrBelow atOrBelow) {
        public RegionSummary {
            unitsPerBand = map(unitsPerBand);
        }
    }

    /** A region's answer: its summary and each unit's result, in the order the units were sent. */
    public record RegionScore(MethodologyRef methodology, String region, RegionSummary summary, List<UnitResult> units) {
        public RegionScore {
            units = list(units);
        }
    }

    /** Where a rule bundle is wrong: file, line and column (0 when unknown). */
    public record RuleError(String file, int line, int column, String message) {}

    /**
     * A rule bundle: its state (PENDING, ACTIVE, STANDBY, REJECTED), the version serving its methodology, its
     * errors, and the activated revision serving in place of the rule bundles, if any (else null). On the
     * bundle the rule bundles chose, {@code servedVersion} and {@code servedRevision} (0: the bundle itself)
     * say what actually serves, a revision included; null on the others.
     */
    public record Deployment(String methodology, String bundle, String version, String state, String servedVersion, String time,
                             List<RuleError> errors, String overriddenBy, Integer servedRevision) {
        public Deployment {
            errors = list(errors);
        }
    }

    /**
     * What to score: a unit's answers (indicator id to number), or for a survey methodology its
     * respondents' answers. The one not given stays null and is not sent.
     */
    public record Assessment(String unit, Map<String, BigDecimal> answers, List<Map<String, BigDecimal>> respondents) {
        public Assessment {
            answers = answers == null ? null : map(answers);
            respondents = respondents == null ? null : list(respondents.stream().map(Types::map).toList());
        }

        public static Assessment of(String unit, Map<String, BigDecimal> answers) {
            return new Assessment(unit, answers, null);
        }

        public static Assessment ofRespondents(String unit, List<Map<String, BigDecimal>> respondents) {
            return new Assessment(unit, null, respondents);
        }
    }

    /** A region to score: its units, and optionally the band at or below which to list them. */
    public record RegionAssessment(String region, String atOrBelow, List<Assessment> units) {
        public RegionAssessment {
            units = list(units);
        }
    }

    /** A proposed rule change: why, and the changed files (path such as methodology/bands.csv, to its text). */
    public record RevisionProposal(String comment, Map<String, String> files) {
        public RevisionProposal {
            files = map(files);
        }
    }

    /** An index and the code of its band. */
    public record IndexAndBand(BigDecimal index, String band) {}

    /** A unit whose index or band a revision changes: before (what serves) and after (the revision), and the difference. */
    public record ImpactChange(String unit, @SerializedName("old") IndexAndBand before, @SerializedName("new") IndexAndBand after,
                               BigDecimal delta) {}

    /** A unit that could not be scored, and why. */
    public record UnitErrors(String unit, List<FieldError> errors) {
        public UnitErrors {
            errors = list(errors);
        }
    }

    /** What a revision would change on some units: those that change, how many do not, and those that could not be scored. */
    public record Impact(String methodology, String activeVersion, String candidateVersion, int unchanged, List<ImpactChange> changed,
                         List<UnitErrors> errors) {
        public Impact {
            changed = list(changed);
            errors = list(errors);
        }
    }

    /** One difference between two revisions: a table row (kind row-added, row-removed, row-changed…) or a rule line. */
    public record Change(String file, String kind, String key, String before, String after) {}

    /** What differs between revision {@code from} and revision {@code to} (0: the rule bundles). */
    public record Diff(int from, int to, List<Change> changes) {
        public Diff {
            changes = list(changes);
        }
    }

    /** One entry of the audit trail: a change or a refused attempt. {@code revision} and {@code methodology} may be null. */
    public record AuditEntry(String time, String user, String address, String requestId, String action, String methodology,
                             Integer revision, int status, String detail) {}

    /** One change to the records: who, when, from where, what (subject unit:<id> or assessment:<id>). */
    public record RecordChange(long id, String time, String user, String address, String action, String subject, String detail) {}

    /** Units to preview a revision on. */
    record Units(List<Assessment> units) {
        Units {
            units = list(units);
        }
    }

    // Copies keep the server's order (bands A…E, indicators i01…) and refuse changes; absent means empty.
    /** A golden case a revision's tables moved: what golden-cases.csv expects beside what the revision gives. */
    public record GoldenChange(@com.google.gson.annotations.SerializedName("case") String caseName, int line, IndexAndBand expected,
                               IndexAndBand given) {}

    /**
     * A rule revision of a methodology: its number, state (DRAFT, ACTIVE, SUPERSEDED, REJECTED), who proposed it
     * when and why, the version it serves as, and where its files are wrong. {@code files} (path to text, every
     * file of the revision) only in {@link RaporClient#revision}; empty in listings. {@code goldenChanges}: golden
     * cases that only moved with its tables (acceptable with {@link RaporClient#acceptGoldenChanges});
     * {@code approvedBy}: the second policy user who approved it; {@code sameAs}: set when the answer is an
     * existing revision with the same content (nothing new was stored).
     */
    public record Revision(int revision, String state, String hash, String author, String time, String comment, String version,
                           List<RuleError> errors, Map<String, String> files, List<GoldenChange> goldenChanges, String approvedBy,
                           String approvedAt, Integer sameAs) {
        public Revision {
            errors = list(errors);
            files = map(files);
            goldenChanges = list(goldenChanges);
        }
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(l));
    }

    private static <K, V> Map<K, V> map(Map<K, V> m) {
        return m == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    // The evaluation records.

    /** A region, office (OPD) or service unit (UPP); {@code kind} is region, office or service-unit. */
    public record Unit(String id, String name, String kind, String parent, boolean active) {}

    /** A user and their grants: {@code role} or {@code role@unit}, sorted (never a password). */
    public record User(String name, List<String> roles) {}

    /** The users, and the roles one may grant. */
    public record Users(List<User> users, List<String> roles) {}

    /** A user's grants (all of them) and, to create the user or reset the password, the password (else null). */
    public record UserChange(List<String> roles, String password) {}

    /**
     * A region's round of a family and year: offices under the region enter their self-assessments from {@code opensOn}
     * to {@code closesOn} (ISO dates, both days inside) unless it is {@code closed}; {@code state} is where it stands today:
     * not-yet-open, open or closed.
     */
    public record EntryRound(long id, String region, String regionName, String family, int year, String opensOn, String closesOn,
                             boolean closed, String state, String createdBy, String createdAt, String updatedBy, String updatedAt) {}

    /** A round to open (role admin): dates as {@code 2024-03-01}; {@code closed} null means open. */
    public record EntryRoundRequest(String region, String family, int year, String opensOn, String closesOn, Boolean closed) {}

    /** A round's change (role admin): what is null is kept. */
    public record EntryRoundChange(String opensOn, String closesOn, Boolean closed) {}

    /** A unit to add or change: {@code id} may be null to make it from the name; {@code active} null means true. */
    public record UnitRequest(String id, String name, String kind, String parent, Boolean active) {
        public static UnitRequest of(String id, String name, String kind, String parent) {
            return new UnitRequest(id, name, kind, parent, null);
        }
    }

    /** The units a CSV import added or changed. */
    /** A round's sheet imported: each row's new draft assessment, with the row it came from. */
    public record RoundImport(int imported, String region, String methodology, int year, List<ImportedAssessment> assessments) {
        public RoundImport {
            assessments = list(assessments);
        }
    }

    /** One row of an imported sheet: the assessment it became and its score. */
    public record ImportedAssessment(long id, int row, String unit, String role, BigDecimal index, String band) {}

    public record UnitImport(int imported, List<Unit> units) {
        public UnitImport {
            units = list(units);
        }
    }

    /**
     * An assessment of a unit for a round: its year, and the family (or a methodology); {@code role} is self,
     * evaluator or verifier; answers, or respondents for SKM; {@code replaces} the final assessment it corrects.
     */
    public record AssessmentRequest(int year, String family, String methodology, String role, Map<String, BigDecimal> answers,
                                    List<Map<String, BigDecimal>> respondents, String comment, Long replaces) {
        public static AssessmentRequest of(int year, String family, String role, Map<String, BigDecimal> answers) {
            return new AssessmentRequest(year, family, null, role, answers, null, null, null);
        }
    }

    /** What scored a stored assessment: the methodology, its version and the rule revision (null: the rule bundle as shipped). */
    public record PinnedMethodology(String id, String version, Integer revision) {}

    /** The answers an assessment was entered with. */
    public record Input(Map<String, BigDecimal> answers, List<Map<String, BigDecimal>> respondents) {}

    /**
     * A stored assessment: its round, role and state (draft, submitted, final), its score exactly as it was given
     * and pinned to what gave it. {@code official} (in a list) says whether it is its round's official score.
     */
    public record AssessmentRecord(long id, String unit, String family, int year, String role, String state, Boolean official,
                                   PinnedMethodology methodology, BigDecimal index, BandRef band, String comment, Long replaces,
                                   String createdBy, String createdAt, String updatedBy, String updatedAt, Input input, Score score,
                                   Long rescoredFrom) {}

    /**
     * A document attached to an indicator of an assessment: its name as sent (cleaned), the media type the server
     * detected from its content, its size and SHA-256, who attached it and when, and {@code href}, where it is downloaded.
     */
    public record Evidence(String indicator, String name, String mediaType, long size, String sha256, String storedBy, String storedAt,
                           String href) {}

    // Monitoring (API 1.6.0): a region's round at a glance, and every round of a unit or region.

    /** The round's view asked for: the region, the round ({@code family} or {@code methodology}, and {@code year}), the band for guidance (null: C). */
    public record MonitoringQuery(String region, int year, String family, String methodology, String atOrBelow) {
        public static MonitoringQuery of(String region, String family, int year) {
            return new MonitoringQuery(region, year, family, null, null);
        }
    }

    /** What scored an assessment: a methodology, its version and the rule revision (null: the rule bundle as shipped). */
    public record MethodVersion(String id, String version, Integer revision) {}

    /** The same figures as computed ({@code ?exact=true}); absent otherwise. */
    public record Exact(BigDecimal index, BigDecimal points, BigDecimal percent) {}

    /**
     * From the previous round: points (as printed), percent of the previous index (null when it was 0), and whether the
     * methodology or its version changed between the two rounds ({@code from}, {@code to}): then it is not only performance.
     */
    public record MonitoringChange(BigDecimal points, BigDecimal percent, boolean methodologyChanged, List<MethodVersion> from,
                                   List<MethodVersion> to, Exact exact) {
        public MonitoringChange {
            from = list(from);
            to = list(to);
        }
    }

    /** A band as stored with a score: its code, and its label where one was stored. */
    public record StoredBand(String code, String label) {}

    /** A unit's official score of a round: which assessment, whose role, its index and band, and what scored it. */
    public record OfficialScore(long assessment, String role, BigDecimal index, StoredBand band, MethodVersion methodology) {}

    /** A unit's official score in the previous round, and the change since (null when it has no score now). */
    public record PreviousScore(int year, OfficialScore official, MonitoringChange change) {}

    /**
     * One unit of a round's view. {@code status}: scored, pending, not-entered or other-methodology; {@code rank}
     * (competition ranking "1224") and {@code position} (above, at, below the region's index) only when scored.
     */
    public record MonitoringUnit(String id, String name, String kind, boolean active, String region, String status, OfficialScore official,
                                 BigDecimal self, BigDecimal evaluator, BigDecimal verifier, BigDecimal gap, Integer rank, String position,
                                 PreviousScore previous) {}

    /** How many units count, are scored, pending and not entered. */
    public record MonitoringSummary(int units, int scored, int pending, int notEntered) {}

    /** A band and how many scored units fall in it. */
    public record BandCount(String code, String label, String zone, int units) {}

    /** A region right below, rolled up from its own units. */
    public record RegionFigure(String id, String name, int units, int scored, BigDecimal index, BandRef band, Exact exact) {}

    /** The previous round: its year, index (over the units scored then), band, methodologies, and the change to this round. */
    public record PreviousRound(int year, BigDecimal index, BandRef band, int scored, List<MethodVersion> methodologies, Exact exact,
                                MonitoringChange change) {
        public PreviousRound {
            methodologies = list(methodologies);
        }
    }

    /**
     * A region's round at a glance: its index (the mean of the scored units' indices; null and {@code empty} with a
     * {@code note} when none is scored) and band, each unit, who entered nothing, who is below the index, who is at or
     * below a band, the units per band, the regions right below, and the previous round.
     */
    public record MonitoringView(Unit region, String family, int year, MethodVersion methodology, String aggregation, BigDecimal index,
                                 BandRef band, boolean empty, String note, Exact exact, MonitoringSummary summary, List<MonitoringUnit> units,
                                 List<String> notEntered, List<String> belowAverage, AtOrBelow atOrBelow, List<BandCount> bands,
                                 List<RegionFigure> regions, PreviousRound previous) {
        public MonitoringView {
            units = list(units);
            notEntered = list(notEntered);
            belowAverage = list(belowAverage);
            bands = list(bands);
            regions = list(regions);
        }
    }

    /** One round of a history: for a unit its official score, role and assessment; for a region its index and how many were scored. */
    public record HistoryRound(int year, String methodology, List<MethodVersion> versions, BigDecimal index, StoredBand band, String role,
                               Long assessment, Integer scored, Exact exact, MonitoringChange change) {
        public HistoryRound {
            versions = list(versions);
        }
    }

    /** Every round of a unit ({@code region} false) or of a region (true), oldest first. */
    public record History(Unit unit, String family, boolean region, List<HistoryRound> rounds) {
        public History {
            rounds = list(rounds);
        }
    }

    // Advice (issue 15): the improvement planner and the comparison of two sets of rules.

    /** A unit's answers and the band it wants to reach (null: the band above); costs per level step by indicator (default 1); indicators that cannot change. */
    public record PlanRequest(String unit, Map<String, BigDecimal> answers, String target, Map<String, BigDecimal> costs, List<String> fixed) {
        public static PlanRequest of(Map<String, BigDecimal> answers, String target) {
            return new PlanRequest(null, answers, target, null, null);
        }
    }

    /** A band to reach and the lowest index in it. */
    public record TargetBand(String code, String label, String zone, BigDecimal min) {}

    /** One indicator raised {@code levels} steps from {@code from} to {@code to}; {@code descriptor} is the level to reach. */
    public record PlanStep(String indicator, String code, String name, String aspect, BigDecimal from, BigDecimal to, int levels,
                           BigDecimal cost, BigDecimal gain, String descriptor) {}

    /** The cheapest steps that reach the target, or ({@code reachable} false) the best there is and why not. */
    public record Plan(MethodologyRef methodology, String unit, BigDecimal index, BandRef band, TargetBand target, boolean reachable,
                       BigDecimal cost, BigDecimal indexAfter, BandRef bandAfter, List<PlanStep> steps, List<String> method, String reason) {
        public Plan {
            steps = list(steps);
            method = list(method);
        }
    }

    /** One side of a comparison: a methodology (and revision) with answers, or (before only) a stored assessment. */
    public record CompareSide(String methodology, Integer revision, Map<String, BigDecimal> answers, Long assessment) {
        public static CompareSide of(String methodology, Map<String, BigDecimal> answers) {
            return new CompareSide(methodology, null, answers, null);
        }

        public static CompareSide stored(long assessment) {
            return new CompareSide(null, null, null, assessment);
        }
    }

    public record CompareRequest(String unit, CompareSide before, CompareSide after) {}

    public record ComparedSide(MethodologyRef methodology, String unit, BigDecimal index, BandRef band) {}

    /** One step of the split: the index from {@code from} to {@code to} by this change alone ({@code kind}: weights, answers, removed, added). */
    public record ComparisonPart(String kind, BigDecimal from, BigDecimal to, BigDecimal change, List<String> indicators, String explanation) {
        public ComparisonPart {
            indicators = list(indicators);
        }
    }

    /** An index ({@code of} before or after) under one methodology's band scheme; band null where it falls in none. */
    public record BandUnderScheme(String of, BigDecimal index, String scheme, BandRef band) {}

    public record CrosswalkRow(String from, String to, String confidence, String note) {}

    public record Crosswalk(String carriedBy, List<CrosswalkRow> rows) {
        public Crosswalk {
            rows = list(rows);
        }
    }

    /** Both scores, the difference split into parts that add up to it exactly (when {@code decomposed}), each index under both schemes. */
    public record Comparison(ComparedSide before, ComparedSide after, BigDecimal difference, boolean decomposed, List<ComparisonPart> parts,
                             List<BandUnderScheme> bands, Crosswalk crosswalk, List<String> method, String reason) {
        public Comparison {
            parts = list(parts);
            bands = list(bands);
            method = list(method);
        }
    }
}
