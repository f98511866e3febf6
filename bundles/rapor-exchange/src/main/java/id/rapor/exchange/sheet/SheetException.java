package id.rapor.exchange.sheet;

import java.util.List;

/**
 * A file that cannot be read as a sheet at all: {@code reason} is a stable code ({@code empty},
 * {@code unreadable}, {@code too-many-rows}, {@code unpacked-too-large}, {@code not-a-workbook}) with
 * its {@code args}, for a caller that says it in the reader's language; the message is English.
 */
public class SheetException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String reason;
    private final transient List<Object> args;

    public SheetException(String reason, String message, Object... args) {
        super(message);
        this.reason = reason;
        this.args = List.of(args);
    }

    public String reason() { return reason; }

    public List<Object> args() { return args; }
}
