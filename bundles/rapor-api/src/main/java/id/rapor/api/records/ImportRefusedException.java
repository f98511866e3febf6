package id.rapor.api.records;

import id.rapor.api.text.Message;

/** An import refused whole: {@code row} (from 1, as listed) and {@code field} say what is wrong. */
public class ImportRefusedException extends RecordException {
    private static final long serialVersionUID = 1L;
    private final int row;
    private final String field;
    private final transient Message said;

    public ImportRefusedException(int row, String field, Message said) {
        super(said.toString());
        this.row = row;
        this.field = field;
        this.said = said;
    }

    public int row() { return row; }
    public String field() { return field; }
    public Message said() { return said; }
}
