package id.rapor.api.records;

/** An import refused whole: {@code row} (from 1, as listed) and {@code field} say what is wrong. */
public class ImportRefusedException extends RecordException {
    private static final long serialVersionUID = 1L;
    private final int row;
    private final String field;

    public ImportRefusedException(int row, String field, String message) {
        super(message);
        this.row = row;
        this.field = field;
    }

    public int row() { return row; }
    public String field() { return field; }
}
