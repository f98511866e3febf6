package id.rapor.records.sql;

import id.rapor.api.records.RecordChange;
import id.rapor.api.records.RecordChanges;
import id.rapor.api.records.RecordsUnavailableException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The {@code record_audit} table that {@link RecordAudit} writes, read a page at a time by its id. */
@Component(service = RecordChanges.class)
public final class JdbcRecordChanges implements RecordChanges {
    private final Transactions tx;
    private final boolean soleWriter;

    /** On the embedded database (an H2 file this process opened alone) it is the only writer: it knows every change ({@link #version}). */
    @Activate
    public JdbcRecordChanges(@Reference(target = "(rapor.database.kind=*)") DataSource dataSource,
            @Reference(name = "databaseKind", service = DataSource.class, target = "(rapor.database.kind=*)") Map<String, Object> database) {
        this(dataSource, Boolean.TRUE.equals(database.get("rapor.database.embedded")));
    }

    public JdbcRecordChanges(DataSource dataSource, boolean soleWriter) {
        this.tx = new Transactions(dataSource);
        this.soleWriter = soleWriter;
    }

    @Override
    public OptionalLong version() {
        return soleWriter ? OptionalLong.of(Transactions.commits()) : OptionalLong.empty();
    }

    @Override
    public List<RecordChange> page(String subject, Long before, int limit) throws RecordsUnavailableException {
        // The conditions are left out rather than "? IS NULL": PostgreSQL cannot type an untyped null parameter.
        StringBuilder sql = new StringBuilder(
                "SELECT id, occurred_at, user_name, address, action, subject, detail FROM record_audit WHERE 1 = 1");
        if (subject != null) sql.append(" AND subject = ?");
        if (before != null) sql.append(" AND id < ?");
        sql.append(" ORDER BY id DESC LIMIT ?");
        return tx.<List<RecordChange>, RecordsUnavailableException>read(c -> {
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                int i = 1;
                if (subject != null) s.setString(i++, subject);
                if (before != null) s.setLong(i++, before);
                s.setInt(i, limit);
                List<RecordChange> page = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        page.add(new RecordChange(r.getLong(1), r.getTimestamp(2).toInstant(), r.getString(3), r.getString(4),
                                r.getString(5), r.getString(6), r.getString(7)));
                    }
                }
                return page;
            }
        });
    }
}
