package id.rapor.engine.audit;

import id.rapor.api.cluster.SharedChanges;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Several nodes on one PostgreSQL write and read one rules' audit trail: once the database is there, it is its table
 * ({@link RuleAudit#share}). Nothing is announced on channel {@value #CHANNEL}: listening to it is how this node hears
 * that the connection is back ({@code null}), and writes what it held meanwhile.
 */
@Component(immediate = true)
public final class SharedAudit {
    static final String CHANNEL = "rapor_audit";
    private final AutoCloseable listening;

    @Activate
    public SharedAudit(@Reference(target = "(rapor.database.kind=postgresql)") DataSource database, @Reference SharedChanges changes,
            @Reference RuleAudit audit) {
        audit.share(new AuditTable(database));
        listening = changes.listen(CHANNEL, anything -> audit.retry());
    }

    @Deactivate
    void close() throws Exception {
        listening.close();
    }
}
