package id.rapor.records.assessment;

import id.rapor.api.text.Message;
import id.rapor.api.records.Actor;
import id.rapor.api.records.AssessmentEntry;
import id.rapor.api.records.AssessmentRecord;
import id.rapor.api.records.AssessmentRecords;
import id.rapor.api.records.AssessmentRole;
import id.rapor.api.records.AssessmentState;
import id.rapor.api.records.OfficialAssessment;
import id.rapor.api.records.RecordConflictException;
import id.rapor.api.records.RecordException;
import id.rapor.api.records.RecordNotFoundException;
import id.rapor.api.records.ScoreRecord;
import id.rapor.api.records.Unit;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    private static final String COLUMNS = "id, unit_id, family, round_year, entry_role, state, input, methodology_id, methodology_version, "
            + "revision, score_index, band_code, band_label, score_document, comment_text, replaces, created_by, created_at, updated_by, updated_at, "
            + "rescored_from";
    static final int MAX_COMMENT = 2000;

    private final Transactions tx;

    @Activate
    public JdbcAssessmentRecords(@Reference(target = "(rapor.database.kind=*)") DataSource dataSource) {
        this.tx = new Transactions(dataSource);
    }

    @Override
    public AssessmentRecord create(AssessmentEntry entry, int maxDrafts, Actor actor) throws RecordException {
        checkComment(entry.comment());
        return tx.<AssessmentRecord, RecordException>inTransaction(c -> {
            if (entry.replaces() != null) checkReplaced(c, entry);
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
            long created = insert(c, again, id, maxDrafts, actor);
            RecordAudit.record(c, actor, "assessment.rescore", "assessment:" + created,
                    "assessment " + id + " (" + summary(from.score()) + ") scored again: " + summary(score));
            return load(c, created);
        });
    }

    /** A new draft of an active unit, within its drafts of the round and role; its id. */
    private static long insert(Connection c, AssessmentEntry entry, Long rescoredFrom, int maxDrafts, Actor actor)
            throws SQLException, RecordException {
        Unit unit = UnitRows.load(c, entry.unitId());
        if (unit == null) throw new RecordNotFoundException("unit", entry.unitId());
        if (!unit.active()) throw new RecordConflictException("inactive-unit", "unit", Message.of("records.unit.inactive", unit.id()));
        checkDrafts(c, entry, maxDrafts);
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement s = c.prepareStatement("INSERT INTO assessment (unit_id, family, round_year, entry_role, state, input, "
                + "methodology_id, methodology_version, revision, score_index, band_code, band_label, score_document, comment_text, "
                + "replaces, created_by, created_at, updated_by, updated_at, rescored_from) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, entry.unitId());
            s.setString(2, entry.family());
            s.setInt(3, entry.year());
            s.setString(4, entry.role().wire());
            s.setString(5, AssessmentState.DRAFT.wire());
            s.setString(6, entry.input());
            setScore(s, 7, entry.score());
            s.setString(14, entry.comment());
            if (entry.replaces() == null) s.setNull(15, Types.BIGINT);
            else s.setLong(15, entry.replaces());
            s.setString(16, actor.user());
            s.setTimestamp(17, now);
            s.setString(18, actor.user());
            s.setTimestamp(19, now);
            if (rescoredFrom == null) s.setNull(20, Types.BIGINT);
            else s.setLong(20, rescoredFrom);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
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
            try (PreparedStatement s = c.prepareStatement("UPDATE assessment SET input = ?, methodology_id = ?, methodology_version = ?, "
                    + "revision = ?, score_index = ?, band_code = ?, band_label = ?, score_document = ?, comment_text = ?, updated_by = ?, "
                    + "updated_at = ? WHERE id = ? AND state = ?")) {
                s.setString(1, entry.input());
                setScore(s, 2, entry.score());
                s.setString(9, entry.comment());
                s.setString(10, actor.user());
                s.setTimestamp(11, Timestamp.from(Instant.now()));
                s.setLong(12, id);
                s.setString(13, AssessmentState.DRAFT.wire());
                if (s.executeUpdate() != 1) throw new RecordConflictException("not-a-draft", "state", Message.of("records.assessment.changedMeanwhile", id));
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

    private static List<AssessmentRecord> round(Connection c, String unitId, Integer year, String family) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM assessment WHERE unit_id = ?");
        if (year != null) sql.append(" AND round_year = ?");
        if (family != null) sql.append(" AND family = ?");
        sql.append(" ORDER BY id DESC");
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
        s.setString(from + 6, score.document());
    }

    private static AssessmentRecord load(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM assessment WHERE id = ?")) {
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
