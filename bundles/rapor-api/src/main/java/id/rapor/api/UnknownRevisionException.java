package id.rapor.api;

/** The methodology has no revision with that number, or it cannot do what was asked (a rejected one cannot be activated). */
public class UnknownRevisionException extends Exception {
    private static final long serialVersionUID = 1L;

    public UnknownRevisionException(String message) {
        super(message);
    }
}
