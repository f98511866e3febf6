package id.rapor.cli;

/** The command line is wrong: exit 2, with the usage. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
