package id.rapor.api;

import id.rapor.api.model.AuditEntry;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The append-only record of every change to the rules and every refused attempt, whichever
 * way it came: the API, a jar in deploy/, an edit in edit/.
 */
@ProviderType
public interface AuditTrail {

    void record(AuditEntry entry);

    /** The last {@code limit} entries, oldest first. */
    List<AuditEntry> last(int limit);
}
