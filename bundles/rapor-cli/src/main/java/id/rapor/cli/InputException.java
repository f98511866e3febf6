package id.rapor.cli;

/** A file the command line names is missing or not what it should be: exit 2, naming the file and the place. */
final class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InputException(String message) {
        super(message);
    }
}
