package id.rapor.http.json;

import id.rapor.api.FieldError;
import id.rapor.api.records.ImportRefusedException;
import id.rapor.api.records.RecordConflictException;
import id.rapor.api.records.RecordException;
import id.rapor.api.records.RecordNotFoundException;
import id.rapor.api.records.RecordsUnavailableException;
import id.rapor.api.text.Message;
import java.util.List;

/** The problems the records' endpoints answer with, in the reader's language. Nothing was changed when one is answered. */
public final class RecordProblems {
    private RecordProblems() {}

    /** 422: what was sent cannot be stored ({@code type} gives the title, problem.&lt;type&gt;). */
    public static HttpProblem invalid(String type, Message detail, List<FieldError> errors) {
        return HttpProblem.of(422, type, detail, errors);
    }

    public static HttpProblem refused(RecordException e) {
        if (e instanceof RecordNotFoundException n) {
            String field = switch (n.what()) {
                case "unit" -> "unit";
                case "evidence" -> "name";
                case "round" -> "id";
                default -> "assessment";
            };
            return HttpProblem.of(404, "unknown-" + n.what(), Message.of("problem.unknown-" + n.what() + ".detail", n.id()),
                    List.of(FieldError.of(field, "records.unknown")));
        }
        if (e instanceof ImportRefusedException i) {
            return HttpProblem.of(422, "import-refused", Message.of("problem.import-refused.detail", i.row(), i.said()),
                    List.of(new FieldError("row " + i.row() + (i.field() == null ? "" : ", " + i.field()), i.said())));
        }
        RecordConflictException c = (RecordConflictException) e;
        int status = status(c.reason());
        return HttpProblem.of(status, c.reason(), Message.of("problem.record-conflict.detail", c.said()),
                List.of(new FieldError(c.field(), c.said())));
    }

    /**
     * 422 for what is wrong in itself, 413 and 415 for a refused evidence file, 507 when the disk would keep less than its
     * floor free, 409 for what the stored records do not allow (a unit's evidence quota, its drafts of a round and role).
     */
    private static int status(String reason) {
        if (reason.equals("evidence-too-large")) return 413;
        if (reason.equals("insufficient-storage")) return 507;
        if (reason.equals("evidence-type-refused")) return 415;
        return reason.startsWith("invalid-") ? 422 : 409;
    }

    public static HttpProblem unavailable(RecordsUnavailableException e) {
        return HttpProblem.temporary(503, "database-unavailable", Message.of("problem.database-unavailable.detail"), 5);
    }

    /** Before the database has come up (or without the records' bundles). */
    public static HttpProblem notReady() {
        return HttpProblem.temporary(503, "database-unavailable", Message.of("problem.database-unavailable.detail.notReady"), 5);
    }
}
