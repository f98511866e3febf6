package id.rapor.api;

import java.util.List;

/** No rule bundle defines the requested methodology. */
public class UnknownMethodologyException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String methodologyId;
    private final transient List<String> known;

    public UnknownMethodologyException(String methodologyId, List<String> known) {
        super("unknown methodology '" + methodologyId + "'");
        this.methodologyId = methodologyId;
        this.known = List.copyOf(known);
    }

    public String methodologyId() { return methodologyId; }
    public List<String> known() { return known; }
}
