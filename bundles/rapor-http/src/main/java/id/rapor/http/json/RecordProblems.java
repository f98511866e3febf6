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
                    List.of(new FieldError(n.what().equals("unit") ? "unit" : "assessment", "unknown")));
        }
        if (e instanceof ImportRefusedException i) {
            return HttpProblem.of(422, "import-refused", "Import refused",
                    "Row " + i.row() + ": " + i.getMessage() + ". Nothing was imported.",
                    List.of(new FieldError("row " + i.row() + (i.field() == null ? "" : ", " + i.field()), i.getMessage())));
        }
        RecordConflictException c = (RecordConflictException) e;
        int status = c.reason().startsWith("invalid-") ? 422 : 409;
        return HttpProblem.of(status, c.reason(), status == 422 ? "Invalid record" : "Conflict with the stored records",
                c.getMessage() + ". Nothing was changed.", List.of(new FieldError(c.field(), c.getMessage())));
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
