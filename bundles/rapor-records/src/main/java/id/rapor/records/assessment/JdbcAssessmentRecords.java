package id.rapor.records.assessment;

import id.rapor.api.text.Message;
import id.rapor.api.records.Actor;
import id.rapor.api.records.AssessmentEntry;
import id.rapor.api.records.AssessmentRecord;
import id.rapor.api.records.AssessmentRecords;
import id.rapor.api.records.AssessmentRole;
import id.rapor.api.records.AssessmentState;
import id.rapor.api.records.ImportRefusedException;
import id.rapor.api.records.OfficialAssessment;
import id.rapor.api.records.RecordConflictException;
import id.rapor.api.records.RecordException;
import id.rapor.api.records.RecordNotFoundException;
import id.rapor.api.records.RoundScore;
import id.rapor.api.records.ScoreRecord;
import id.rapor.api.records.Unit;
import id.rapor.records.round.EntryPeriod;
import id.rapor.records.sql.RecordAudit;
import id.rapor.records.sql.Transactions;
import id.rapor.records.unit.UnitRows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Assessments in the {@code assessment} table. A state change is a conditional update
 * ({@code WHERE state = ?}), so two evaluators finalising the same assessment at once cannot
 * both succeed, and a final assessment is never written again.
 */
@Component(service = AssessmentRecords.class)
public final class JdbcAssessmentRecords implements AssessmentRecords {
    private static final String COLUMNS = "a.id, a.unit_id, a.family, a.round_year, a.entry_role, a.state, d.input, a.methodology_id, "
            + "a.methodology_version, a.revision, a.score_index, a.band_code, a.band_label, d.score_document, a.comment_text, a.replaces, "
            + "a.created_by, a.created_at, a.updated_by, a.updated_at, a.rescored_from";
    /** An assessment whole: its figures with its documents, which lie apart (V6) so that reading figures never decodes them. */
    private static final String WHOLE = " FROM assessment a JOIN assessment_document d ON d.assessment_id = a.id";
    static final int MAX_COMMENT = 2000;

    private final Transactions tx;
    /** What day it is, for the rounds' entry periods ({@link EntryPeriod}): the server's time zone. */
    private final Clock clock;

    @Activate
    public JdbcAssessmentRecords(@Reference(target = "(rapor.database.kind=*)") DataSource dataSource) {
        this(dataSource, Clock.systemDefaultZone());
    }

    /** With a clock of the caller's: the tests move the day across a round's period. */
    public JdbcAssessmentRecords(DataSource dataSource, Clock clock) {
        this.tx = new Transactions(dataSource);
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    @Override
    public AssessmentRecord create(AssessmentEntry entry, int maxDrafts, Actor actor) throws RecordException {
        checkComment(entry.comment());
        return tx.<AssessmentRecord, RecordException>inTransaction(c -> {
            if (entry.replaces() != null) checkReplaced(c, entry);
            EntryPeriod.checkSelfEntry(c, entry.unitId(), entry.family(), entry.year(), entry.role(), today());
            long id = insert(c, entry, null, maxDrafts, actor);
            RecordAudit.record(c, actor, "assessment.create", "assessment:" + id,
                    entry.role().wire() + " assessment of " + entry.unitId() + " for " + entry.family() + " " + entry.year() + ": "
                            + summary(entry.score()) + (entry.replaces() == null ? "" : ", replaces " + entry.replaces()));
            return load(c, id);
        });
    }

    @Override
    public AssessmentRecord rescore(long id, ScoreRecord score, int maxDrafts, Actor actor) throws RecordException {
        return tx.<AssessmentRecord, RecordException>inTransaction(c -> {
            AssessmentRecord from = existing(c, id);
            AssessmentEntry again = new AssessmentEntry(from.unitId(), from.family(), from.year(), from.role(), from.input(), score,
                    "re-scored from assessment " + id, null);
            EntryPeriod.checkSelfEntry(c, again.unitId(), again.family(), again.year(), again.role(), today());
            long created = insert(c, again, id, maxDrafts, actor);
            RecordAudit.record(c, actor, "assessment.rescore", "assessment:" + created,
                    "assessment " + id + " (" + summary(from.score()) + ") scored again: " + summary(score));
            return load(c, created);
        });
    }

    private static final String INSERT = "INSERT INTO assessment (unit_id, family, round_year, entry_role, state, "
            + "methodology_id, methodology_version, revision, score_index, band_code, band_label, comment_text, "
            + "replaces, created_by, created_at, updated_by, updated_at, rescored_from) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_DOCUMENTS = "INSERT INTO assessment_document (assessment_id, input, score_document) VALUES (?, ?, ?)";
    /** Rows of an import sent to the database at once. */
    private static final int BATCH = 500;

    /** A new draft of an active unit, within its drafts of the round and role; its id. */
    private static long insert(Connection c, AssessmentEntry entry, Long rescoredFrom, int maxDrafts, Actor actor)
            throws SQLException, RecordException {
        Unit unit = UnitRows.load(c, entry.unitId());
        if (unit == null) throw new RecordNotFoundException("unit", entry.unitId());
        if (!unit.active()) throw new RecordConflictException("inactive-unit", "unit", Message.of("records.unit.inactive", unit.id()));
        checkDrafts(c, entry, maxDrafts);
        try (PreparedStatement s = c.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
            bind(s, entry, rescoredFrom, actor, Timestamp.from(Instant.now()));
            s.executeUpdate();
            long id;
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
            try (PreparedStatement d = c.prepareStatement(INSERT_DOCUMENTS)) {
                bindDocuments(d, id, entry);
                d.executeUpdate();
            }
            return id;
        }
    }

    private static void bindDocuments(PreparedStatement d, long id, AssessmentEntry entry) throws SQLException {
        d.setLong(1, id);
        d.setString(2, entry.input());
        d.setString(3, entry.score().document());
    }

    private static void bind(PreparedStatement s, AssessmentEntry entry, Long rescoredFrom, Actor actor, Timestamp now) throws SQLException {
        s.setString(1, entry.unitId());
        s.setString(2, entry.family());
        s.setInt(3, entry.year());
        s.setString(4, entry.role().wire());
        s.setString(5, AssessmentState.DRAFT.wire());
        setScore(s, 6, entry.score());
        s.setString(12, entry.comment());
        if (entry.replaces() == null) s.setNull(13, Types.BIGINT);
        else s.setLong(13, entry.replaces());
        s.setString(14, actor.user());
        s.setTimestamp(15, now);
        s.setString(16, actor.user());
        s.setTimestamp(17, now);
        if (rescoredFrom == null) s.setNull(18, Types.BIGINT);
        else s.setLong(18, rescoredFrom);
    }

    /**
     * One transaction; the entries are asked for, checked and sent in JDBC batches of {@value #BATCH}
     * with their audit entries, so only a batch is ever held; each unit is looked up once.
     */
    @Override
    public List<Long> importAll(int count, IntFunction<AssessmentEntry> entries, int maxDrafts, Actor actor) throws RecordException {
        return tx.<List<Long>, RecordException>inTransaction(c -> {
            Map<String, Unit> units = new HashMap<>();
            Set<String> inPeriod = new HashSet<>(); // unit, family, year and role whose round takes the entry today
            LocalDate today = today();
            Timestamp now = Timestamp.from(Instant.now());
            List<Long> ids = new ArrayList<>(count);
            try (PreparedStatement s = c.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS);
                 PreparedStatement d = c.prepareStatement(INSERT_DOCUMENTS)) {
                for (int from = 0; from < count; from += BATCH) {
                    List<RecordAudit.Entry> audit = new ArrayList<>(BATCH);
                    List<AssessmentEntry> batch = new ArrayList<>(BATCH);
                    for (int k = from; k < Math.min(count, from + BATCH); k++) {
                        AssessmentEntry e = entries.apply(k);
                        checkImported(c, e, k + 1, units);
                        if (inPeriod.add(e.unitId() + "\n" + e.family() + "\n" + e.year() + "\n" + e.role().wire())) {
                            EntryPeriod.checkSelfEntry(c, e.unitId(), e.family(), e.year(), e.role(), today);
                        }
                        try {
                            checkDrafts(c, e, maxDrafts); // counts what earlier batches sent; one row per unit and role in a sheet
                        } catch (RecordConflictException tooMany) {
                            throw new ImportRefusedException(k + 1, "role", tooMany.said());
                        }
                        bind(s, e, null, actor, now);
                        s.addBatch();
                        batch.add(e);
                        audit.add(new RecordAudit.Entry("assessment.import", null, e.role().wire() + " assessment of " + e.unitId()
                                + " for " + e.family() + " " + e.year() + ", imported: " + summary(e.score())));
                    }
                    s.executeBatch();
                    int first = ids.size();
                    try (ResultSet keys = s.getGeneratedKeys()) {
                        while (keys.next()) ids.add(keys.getLong(1));
                    }
                    if (ids.size() - first != audit.size()) throw new IllegalStateException((ids.size() - first) + " ids for " + audit.size() + " rows");
                    for (int k = 0; k < batch.size(); k++) {
                        bindDocuments(d, ids.get(first + k), batch.get(k));
                        d.addBatch();
                    }
                    d.executeBatch();
                    for (int k = 0; k < audit.size(); k++) audit.set(k, audit.get(k).about("assessment:" + ids.get(first + k)));
                    RecordAudit.recordAll(c, actor, audit);
                }
            }
            return ids;
        });
    }

    /** An imported entry as {@link #create} would have it: an active unit, a comment within bounds, nothing replaced. */
    private static void checkImported(Connection c, AssessmentEntry e, int position, Map<String, Unit> units) throws SQLException, RecordException {
        if (e.replaces() != null) throw new IllegalArgumentException("an import enters new assessments; it replaces none");
        if (e.comment() != null && e.comment().length() > MAX_COMMENT) {
            throw new ImportRefusedException(position, "comment", Message.of("records.assessment.commentTooLong", MAX_COMMENT));
        }
        Unit unit = units.containsKey(e.unitId()) ? units.get(e.unitId()) : UnitRows.load(c, e.unitId());
        units.put(e.unitId(), unit);
        if (unit == null) throw new ImportRefusedException(position, "unit", Message.of("records.import.noUnit", e.unitId()));
        if (!unit.active()) throw new ImportRefusedException(position, "unit", Message.of("records.unit.inactive", e.unitId()));
    }

    @Override
    public List<AssessmentRecord> latestOfRound(String family, int year, Collection<String> unitIds) throws RecordException {
        Set<String> wanted = Set.copyOf(unitIds);
        return tx.<List<AssessmentRecord>, RecordException>read(c -> {
            // First which rows (ids only, for the whole round: a few bytes each), then those rows whole, in batches: only
            // the answers of the units asked for are ever read, however many units the round has.
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT MAX(id), unit_id FROM assessment WHERE family = ? AND round_year = ? GROUP BY unit_id, entry_role")) {
                s.setString(1, family);
                s.setInt(2, year);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) if (wanted.contains(r.getString(2))) ids.add(r.getLong(1));
                }
            }
            Collections.sort(ids);
            List<AssessmentRecord> latest = new ArrayList<>(ids.size());
            for (int from = 0; from < ids.size(); from += UNITS_BY_ID) {
                List<Long> batch = ids.subList(from, Math.min(ids.size(), from + UNITS_BY_ID));
                try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS.replace("d.score_document", "'' AS score_document") + WHOLE
                        + " WHERE a.id IN (" + placeholders(batch.size()) + ") ORDER BY a.id")) {
                    for (int k = 0; k < batch.size(); k++) s.setLong(k + 1, batch.get(k));
                    latest.addAll(list(s));
                }
            }
            return latest;
        });
    }

    /**
     * Refuses a draft beyond {@code maxDrafts} of the unit's round and role: drafts are what anyone who may enter can pile
     * up (each with its evidence). The unit's row is locked first, so two entries at once are counted one after the other.
     */
    private static void checkDrafts(Connection c, AssessmentEntry entry, int maxDrafts) throws SQLException, RecordException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM unit WHERE id = ? FOR UPDATE")) {
            s.setString(1, entry.unitId());
            s.executeQuery().close();
        }
        try (PreparedStatement s = c.prepareStatement(
                "SELECT COUNT(*) FROM assessment WHERE unit_id = ? AND family = ? AND round_year = ? AND entry_role = ? AND state = ?")) {
            s.setString(1, entry.unitId());
            s.setString(2, entry.family());
            s.setInt(3, entry.year());
            s.setString(4, entry.role().wire());
            s.setString(5, AssessmentState.DRAFT.wire());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                long drafts = r.getLong(1);
                if (drafts >= maxDrafts) {
                    throw new RecordConflictException("too-many-drafts", "role", Message.of("records.assessment.tooManyDrafts",
                            entry.unitId(), entry.family(), String.valueOf(entry.year()), entry.role().wire(), drafts));
                }
            }
        }
    }

    @Override
    public Optional<AssessmentRecord> find(long id) {
        return tx.read(c -> Optional.ofNullable(load(c, id)));
    }

    @Override
    public AssessmentRecord replaceDraft(long id, AssessmentEntry entry, Actor actor) throws RecordException {
        checkComment(entry.comment());
        return tx.<AssessmentRecord, RecordException>inTransaction(c -> {
            AssessmentRecord before = existing(c, id);
            if (before.state() != AssessmentState.DRAFT) {
                throw new RecordConflictException("not-a-draft", "state",
                        Message.of("records.assessment.notDraft", id, before.state().wire()));
            }
            if (!before.unitId().equals(entry.unitId()) || before.year() != entry.year() || !before.family().equals(entry.family())
                    || before.role() != entry.role()) {
                throw new RecordConflictException("other-round", "year", Message.of("records.assessment.otherRound"));
            }
            EntryPeriod.checkSelfEntry(c, before.unitId(), before.family(), before.year(), before.role(), today());
            try (PreparedStatement s = c.prepareStatement("UPDATE assessment SET methodology_id = ?, methodology_version = ?, "
                    + "revision = ?, score_index = ?, band_code = ?, band_label = ?, comment_text = ?, updated_by = ?, "
                    + "updated_at = ? WHERE id = ? AND state = ?")) {
                setScore(s, 1, entry.score());
                s.setString(7, entry.comment());
                s.setString(8, actor.user());
                s.setTimestamp(9, Timestamp.from(Instant.now()));
                s.setLong(10, id);
                s.setString(11, AssessmentState.DRAFT.wire());
                if (s.executeUpdate() != 1) throw new RecordConflictException("not-a-draft", "state", Message.of("records.assessment.changedMeanwhile", id));
            }
            try (PreparedStatement d = c.prepareStatement("UPDATE assessment_document SET input = ?, score_document = ? WHERE assessment_id = ?")) {
                d.setString(1, entry.input());
                d.setString(2, entry.score().document());
                d.setLong(3, id);
                d.executeUpdate();
            }
            RecordAudit.record(c, actor, "assessment.update", "assessment:" + id, summary(before.score()) + " -> " + summary(entry.score()));
            return load(c, id);
        });
    }

    @Override
    public AssessmentRecord submit(long id, Actor actor) throws RecordException {
        return move(id, AssessmentState.DRAFT, AssessmentState.SUBMITTED, actor);
    }

    @Override
    public AssessmentRecord makeFinal(long id, Actor actor) throws RecordException {
        return move(id, AssessmentState.SUBMITTED, AssessmentState.FINAL, actor);
    }

    private AssessmentRecord move(long id, AssessmentState from, AssessmentState to, Actor actor) throws RecordException {
        return tx.<AssessmentRecord, RecordException>inTransaction(c -> {
            AssessmentRecord before = existing(c, id);
            if (before.state() != from) {
                throw new RecordConflictException("wrong-state", "state",
                        Message.of("records.assessment.wrongState", id, before.state().wire(), from.wire(), to.wire()));
            }
            if (to == AssessmentState.SUBMITTED) {
                EntryPeriod.checkSelfEntry(c, before.unitId(), before.family(), before.year(), before.role(), today());
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE assessment SET state = ?, updated_by = ?, updated_at = ? WHERE id = ? AND state = ?")) {
                s.setString(1, to.wire());
                s.setString(2, actor.user());
                s.setTimestamp(3, Timestamp.from(Instant.now()));
                s.setLong(4, id);
                s.setString(5, from.wire());
                if (s.executeUpdate() != 1) throw new RecordConflictException("wrong-state", "state", Message.of("records.assessment.changedMeanwhile", id));
            }
            RecordAudit.record(c, actor, "assessment." + (to == AssessmentState.FINAL ? "finalize" : "submit"), "assessment:" + id,
                    from.wire() + " -> " + to.wire());
            return load(c, id);
        });
    }

    @Override
    public List<AssessmentRecord> forUnit(String unitId, Integer year, String family) throws RecordException {
        return tx.<List<AssessmentRecord>, RecordException>read(c -> {
            if (UnitRows.load(c, unitId) == null) throw new RecordNotFoundException("unit", unitId);
            return round(c, unitId, year, family);
        });
    }

    @Override
    public Optional<AssessmentRecord> official(String unitId, int year, String family) throws RecordException {
        return tx.<Optional<AssessmentRecord>, RecordException>read(c -> {
            if (UnitRows.load(c, unitId) == null) throw new RecordNotFoundException("unit", unitId);
            return OfficialAssessment.of(round(c, unitId, year, family));
        });
    }

    /**
     * A region up to this many units is asked for by its units' ids (one query on the unit_id index); a larger one (a
     * province) as every assessment of the family and years (the family_year index), kept if its unit is in the region.
     * Measured on H2 for 8,000 units: id lists of 500 took 300-800 ms, one read of the family's years 50-110 ms.
     */
    private static final int UNITS_BY_ID = 500;

    /** The ids of {@code region} and every unit below it, read level by level on the parent index ({@link UnitRows#below}). */
    private static List<String> tree(Connection c, String region) throws SQLException, RecordNotFoundException {
        Unit top = UnitRows.load(c, region);
        if (top == null) throw new RecordNotFoundException("unit", region);
        return UnitRows.below(c, top).stream().map(Unit::id).toList();
    }

    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    @Override
    public List<RoundScore> scoresBelow(String region, String family, Collection<Integer> years, boolean finalOnly) throws RecordException {
        return tx.<List<RoundScore>, RecordException>read(c -> {
            List<String> ids = tree(c, region);
            boolean byId = ids.size() <= UNITS_BY_ID;
            Set<String> wanted = byId ? null : new HashSet<>(ids);
            // No answers, no score documents: the figures only.
            StringBuilder sql = new StringBuilder("SELECT a.id, a.unit_id, a.round_year, a.entry_role, a.state, a.methodology_id, "
                    + "a.methodology_version, a.revision, a.score_index, a.band_code, a.band_label FROM assessment a WHERE ");
            if (byId) sql.append("a.unit_id IN (").append(placeholders(ids.size())).append(") AND ");
            sql.append("a.family = ?");
            if (!years.isEmpty()) sql.append(" AND a.round_year IN (").append(placeholders(years.size())).append(')');
            if (finalOnly) sql.append(" AND a.state = ?");
            List<RoundScore> scores = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                int i = 1;
                if (byId) for (String id : ids) s.setString(i++, id);
                s.setString(i++, family);
                for (int year : years) s.setInt(i++, year);
                if (finalOnly) s.setString(i, AssessmentState.FINAL.wire());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        if (wanted != null && !wanted.contains(r.getString(2))) continue;
                        int revision = r.getInt(8);
                        Integer pinned = r.wasNull() ? null : revision;
                        scores.add(new RoundScore(r.getLong(1), r.getString(2), r.getInt(3), AssessmentRole.of(r.getString(4)).orElseThrow(),
                                AssessmentState.of(r.getString(5)).orElseThrow(), r.getString(6), r.getString(7), pinned,
                                r.getBigDecimal(9).stripTrailingZeros(), r.getString(10), r.getString(11)));
                    }
                }
            }
            scores.sort(Comparator.comparing(RoundScore::unitId).thenComparingLong(RoundScore::id));
            return scores;
        });
    }

    @Override
    public OptionalInt previousRound(String region, String family, int year) throws RecordException {
        return tx.<OptionalInt, RecordException>read(c -> {
            List<String> ids = tree(c, region);
            boolean byId = ids.size() <= UNITS_BY_ID;
            Set<String> wanted = byId ? null : new HashSet<>(ids);
            // Latest year first: the first row of one of the region's units is the answer.
            try (PreparedStatement s = c.prepareStatement("SELECT round_year, unit_id FROM assessment WHERE "
                    + (byId ? "unit_id IN (" + placeholders(ids.size()) + ") AND " : "")
                    + "family = ? AND round_year < ? AND state = ? ORDER BY round_year DESC")) {
                int i = 1;
                if (byId) for (String id : ids) s.setString(i++, id);
                s.setString(i++, family);
                s.setInt(i++, year);
                s.setString(i, AssessmentState.FINAL.wire());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        if (wanted == null || wanted.contains(r.getString(2))) return OptionalInt.of(r.getInt(1));
                    }
                }
            }
            return OptionalInt.empty();
        });
    }

    private static List<AssessmentRecord> round(Connection c, String unitId, Integer year, String family) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + WHOLE + " WHERE a.unit_id = ?");
        if (year != null) sql.append(" AND a.round_year = ?");
        if (family != null) sql.append(" AND a.family = ?");
        sql.append(" ORDER BY a.id DESC");
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            int i = 1;
            s.setString(i++, unitId);
            if (year != null) s.setInt(i++, year);
            if (family != null) s.setString(i, family);
            return list(s);
        }
    }

    private static void checkReplaced(Connection c, AssessmentEntry entry) throws SQLException, RecordException {
        AssessmentRecord replaced = load(c, entry.replaces());
        if (replaced == null) throw new RecordNotFoundException("assessment", String.valueOf(entry.replaces()));
        if (replaced.state() != AssessmentState.FINAL || !replaced.unitId().equals(entry.unitId()) || replaced.year() != entry.year()
                || !replaced.family().equals(entry.family())) {
            throw new RecordConflictException("invalid-replacement", "replaces",
                    Message.of("records.assessment.invalidReplacement", entry.replaces()));
        }
    }

    private static void checkComment(String comment) throws RecordConflictException {
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw new RecordConflictException("invalid-assessment", "comment", Message.of("records.assessment.commentTooLong", MAX_COMMENT));
        }
    }

    private static AssessmentRecord existing(Connection c, long id) throws SQLException, RecordNotFoundException {
        AssessmentRecord r = load(c, id);
        if (r == null) throw new RecordNotFoundException("assessment", String.valueOf(id));
        return r;
    }

    private static void setScore(PreparedStatement s, int from, ScoreRecord score) throws SQLException {
        s.setString(from, score.methodologyId());
        s.setString(from + 1, score.methodologyVersion());
        if (score.revision() == null) s.setNull(from + 2, Types.INTEGER);
        else s.setInt(from + 2, score.revision());
        s.setBigDecimal(from + 3, score.index());
        s.setString(from + 4, score.bandCode());
        s.setString(from + 5, score.bandLabel());
    }

    private static AssessmentRecord load(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + WHOLE + " WHERE a.id = ?")) {
            s.setLong(1, id);
            List<AssessmentRecord> found = list(s);
            return found.isEmpty() ? null : found.get(0);
        }
    }

    private static List<AssessmentRecord> list(PreparedStatement s) throws SQLException {
        List<AssessmentRecord> records = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                int revision = r.getInt(10);
                Integer pinned = r.wasNull() ? null : revision;
                long replaces = r.getLong(16);
                Long replaced = r.wasNull() ? null : replaces;
                ScoreRecord score = new ScoreRecord(r.getString(8), r.getString(9), pinned, r.getBigDecimal(11).stripTrailingZeros(),
                        r.getString(12), r.getString(13), r.getString(14));
                records.add(new AssessmentRecord(r.getLong(1), r.getString(2), r.getString(3), r.getInt(4),
                        AssessmentRole.of(r.getString(5)).orElseThrow(), AssessmentState.of(r.getString(6)).orElseThrow(), r.getString(7),
                        score, r.getString(15), replaced, r.getString(17), r.getTimestamp(18).toInstant(), r.getString(19),
                        r.getTimestamp(20).toInstant(), rescoredFrom(r)));
            }
        }
        return records;
    }

    private static Long rescoredFrom(ResultSet r) throws SQLException {
        long from = r.getLong(21);
        return r.wasNull() ? null : from;
    }

    private static String summary(ScoreRecord s) {
        return s.methodologyId() + " " + s.methodologyVersion() + (s.revision() == null ? "" : " revision " + s.revision()) + " "
                + s.index().toPlainString() + " " + s.bandCode();
    }
}
