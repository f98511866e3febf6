package id.rapor.api.records;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The documents attached to assessments' indicators. Only a draft's evidence changes. A file is
 * accepted only if its content is one of the allowed kinds (PDF, PNG, JPEG, Office Open XML,
 * OpenDocument); it is stored outside the database rows, and nothing half-written is ever kept:
 * a file whose row could not be stored is removed, and files that no row names are swept away.
 */
@ProviderType
public interface EvidenceStore {

    /**
     * Reads {@code content} to its end (at most {@code limits.maxBytes()}) and attaches it to
     * {@code indicator} of the draft {@code assessmentId} under {@code name}, replacing a file of
     * the same name there. Refusals are {@link RecordConflictException}s with the reasons
     * {@code evidence-too-large}, {@code evidence-type-refused}, {@code evidence-full},
     * {@code not-a-draft} or {@code invalid-evidence}; an {@link IOException} is the content's
     * own (the client went away). Either way nothing was stored.
     */
    Evidence attach(long assessmentId, String indicator, String name, InputStream content, EvidenceLimits limits, Actor actor)
            throws RecordException, IOException;

    /** An assessment's evidence by indicator, then name. */
    List<Evidence> list(long assessmentId) throws RecordException;

    Optional<Evidence> find(long assessmentId, String indicator, String name) throws RecordException;

    /** The stored content of {@code evidence}; the caller closes it. */
    InputStream open(Evidence evidence) throws IOException;

    /** Detaches a draft's file; its content is removed once no assessment names it. */
    void remove(long assessmentId, String indicator, String name, Actor actor) throws RecordException;

    /**
     * Holds back the deletion of content that no row names any more until the hold is closed, when what was held back is
     * deleted if still unnamed. A backup holds it while it copies the database and then the files: every file a row of its
     * database copy names is still on disk when the files are copied. Attaches and removals go on meanwhile.
     */
    Hold holdRemovals();

    /** Ends a {@link #holdRemovals()} (once; closing it again does nothing). */
    interface Hold extends AutoCloseable {
        @Override
        void close();
    }
}
