package id.rapor.http.json;

import id.rapor.api.FieldError;
import id.rapor.api.records.ImportRefusedException;
import id.rapor.api.records.RecordConflictException;
import id.rapor.api.records.RecordException;
import id.rapor.api.records.RecordNotFoundException;
import id.rapor.api.records.RecordsUnavailableException;
import java.util.List;

/** The problems the records' endpoints answer with. Nothing was changed when one is answered. */
public final class RecordProblems {
    private RecordProblems() {}

    public static HttpProblem invalid(String type, String title, String detail, List<FieldError> errors) {
        return HttpProblem.of(422, type, title, detail + " Nothing was stored.", errors);
    }

    public static HttpProblem refused(RecordException e) {
        if (e instanceof RecordNotFoundException n) {
            return HttpProblem.of(404, "unknown-" + n.what(), "Unknown " + n.what(), "There is no " + n.what() + " '" + n.id() + "'.",
                    List.of(new FieldError(switch (n.what()) {
                        case "unit" -> "unit";
                        case "evidence" -> "name";
                        default -> "assessment";
                    }, "unknown")));
        }
        if (e instanceof ImportRefusedException i) {
            return HttpProblem.of(422, "import-refused", "Import refused",
                    "Row " + i.row() + ": " + i.getMessage() + ". Nothing was imported.",
                    List.of(new FieldError("row " + i.row() + (i.field() == null ? "" : ", " + i.field()), i.getMessage())));
        }
        RecordConflictException c = (RecordConflictException) e;
        int status = status(c.reason());
        return HttpProblem.of(status, c.reason(), switch (status) {
                    case 413 -> "Evidence file too large";
                    case 415 -> "Evidence type refused";
                    case 422 -> "Invalid record";
                    default -> "Conflict with the stored records";
                },
                c.getMessage() + ". Nothing was changed.", List.of(new FieldError(c.field(), c.getMessage())));
    }

    /** 422 for what is wrong in itself, 413 and 415 for a refused evidence file, 409 for what the stored records do not allow. */
    private static int status(String reason) {
        if (reason.equals("evidence-too-large")) return 413;
        if (reason.equals("evidence-type-refused")) return 415;
        return reason.startsWith("invalid-") ? 422 : 409;
    }

    public static HttpProblem unavailable(RecordsUnavailableException e) {
        return HttpProblem.temporary(503, "database-unavailable", "Database unavailable",
                "The records' database cannot be reached now; nothing was changed. Scoring still works. Try again shortly.", 5);
    }

    /** Before the database has come up (or without the records' bundles). */
    public static HttpProblem notReady() {
        return HttpProblem.temporary(503, "database-unavailable", "Database unavailable",
                "The records' database is not ready yet (it is being reached or migrated); scoring works meanwhile. Try again shortly.", 5);
    }
}
