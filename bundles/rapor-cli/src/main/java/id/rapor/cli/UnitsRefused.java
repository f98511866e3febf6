package id.rapor.cli;

/** Some units of a batch were refused (their errors are printed with the rest): the command line exits 1. */
final class UnitsRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnitsRefused(long refused, int units) {
        super(refused + " of " + units + " units were refused and not scored (their errors are above)");
    }
}
