package id.rapor.api.records;

/** No unit or assessment has the id asked for. {@code what} is {@code unit} or {@code assessment}. */
public class RecordNotFoundException extends RecordException {
    private static final long serialVersionUID = 1L;
    private final String what;
    private final String id;

    public RecordNotFoundException(String what, String id) {
        super("no " + what + " '" + id + "'");
        this.what = what;
        this.id = id;
    }

    public String what() { return what; }
    public String id() { return id; }
}
