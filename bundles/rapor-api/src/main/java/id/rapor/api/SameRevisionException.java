package id.rapor.api;

import id.rapor.api.model.Revision;

/**
 * A proposal whose files are exactly those of a revision the methodology already has (same
 * content hash): nothing new is stored, and {@link #existing()} is that revision.
 */
public class SameRevisionException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Revision existing;

    public SameRevisionException(Revision existing) {
        super("the same as revision " + existing.number() + " of " + existing.methodologyId() + " (" + existing.state() + ")");
        this.existing = existing;
    }

    public Revision existing() {
        return existing;
    }
}
