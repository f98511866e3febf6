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

    /**
     * Newest first: up to {@code limit} entries older than the entry with id {@code before}
     * (null: from the newest), of {@code methodology} only (null: of all). Each has its id.
     */
    List<AuditEntry> page(String methodology, Long before, int limit);
}
