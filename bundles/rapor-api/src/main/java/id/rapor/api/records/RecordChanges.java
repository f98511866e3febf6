package id.rapor.api.records;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** Reading the records' audit trail, which every change writes in its own transaction. */
@ProviderType
public interface RecordChanges {

    /**
     * Newest first: up to {@code limit} entries older than the entry with id {@code before}
     * (null: from the newest), of {@code subject} only ({@code unit:<id>} or
     * {@code assessment:<id>}; null: of all).
     */
    List<RecordChange> page(String subject, Long before, int limit) throws RecordsUnavailableException;
}
