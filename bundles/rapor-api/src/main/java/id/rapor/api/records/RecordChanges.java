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

    /**
     * A number that changes whenever any record changes, where this process sees every change (the embedded database:
     * one process writes it); empty where other processes write too (PostgreSQL shared by nodes). What is computed from
     * the records may be kept while it stays the same; read it before reading the records the result comes from.
     */
    default java.util.OptionalLong version() {
        return java.util.OptionalLong.empty();
    }
}
