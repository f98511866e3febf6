package id.rapor.cli;

/**
 * Rapor answered, but what was asked was not (all) done: units of a batch were refused (their
 * errors are printed with the rest), or a proposed revision was rejected. The command line exits 1,
 * so a script sees it.
 */
final class NotDone extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private NotDone(String message) {
        super(message);
    }

    static NotDone unitsRefused(long refused, int units) {
        return new NotDone(refused + " of " + units + " units were refused and not scored (their errors are above)");
    }

    static NotDone revisionRejected(String methodology, int number) {
        return new NotDone("revision " + number + " of " + methodology + " was rejected (the errors above say which file and line);"
                + " it can never be activated: fix the files and propose again");
    }

    /** A sheet refused whole: the problem's detail, then each wrong cell's message (which names its row and column itself). */
    static NotDone sheetRefused(id.rapor.client.RaporException e) {
        StringBuilder s = new StringBuilder(e.status() + " " + e.title() + ": " + e.detail());
        for (var error : e.errors()) s.append("\n  ").append(error.message());
        return new NotDone(s.toString());
    }

    static NotDone notReproduced(String round, String published, String rules, String scored) {
        return new NotDone(round + ": the rules serving (" + rules + ") score the example's answers " + scored + ", but the published"
                + " figure is " + published + "; not loaded (the rules differ from those the example data was made for)");
    }
}
