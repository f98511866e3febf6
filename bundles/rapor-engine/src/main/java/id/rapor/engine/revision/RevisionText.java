package id.rapor.engine.revision;

import id.rapor.api.model.GoldenChange;
import id.rapor.api.model.Revision;
import id.rapor.api.model.RevisionState;
import id.rapor.api.model.RuleError;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * What a revision says of itself (author, time, hash, errors, golden cases' moved numbers, approval), as properties
 * text: the same in a node's {@code revision.properties} and in a shared database's {@code rule_revision} row.
 */
final class RevisionText {
    private RevisionText() {}

    static Properties properties(Revision r, boolean activated) {
        Properties p = new Properties();
        p.setProperty("hash", r.hash());
        p.setProperty("author", r.author());
        p.setProperty("time", r.time().toString());
        p.setProperty("comment", r.comment());
        p.setProperty("baseVersion", r.baseVersion());
        p.setProperty("rejected", Boolean.toString(r.state() == RevisionState.REJECTED));
        p.setProperty("activated", Boolean.toString(activated));
        for (int k = 0; k < r.errors().size(); k++) {
            RuleError e = r.errors().get(k);
            p.setProperty("error." + k + ".file", e.file());
            p.setProperty("error." + k + ".line", Integer.toString(e.line()));
            p.setProperty("error." + k + ".column", Integer.toString(e.column()));
            p.setProperty("error." + k + ".message", e.message());
        }
        for (int k = 0; k < r.goldenChanges().size(); k++) {
            GoldenChange c = r.goldenChanges().get(k);
            String g = "golden." + k + ".";
            p.setProperty(g + "case", c.caseName());
            p.setProperty(g + "line", Integer.toString(c.line()));
            p.setProperty(g + "oldIndex", c.oldIndex().toPlainString());
            p.setProperty(g + "oldBand", c.oldBand());
            p.setProperty(g + "newIndex", c.newIndex().toPlainString());
            p.setProperty(g + "newBand", c.newBand());
        }
        if (r.approvedBy() != null) {
            p.setProperty("approvedBy", r.approvedBy());
            p.setProperty("approvedAt", r.approvedAt().toString());
        }
        return p;
    }

    /** The revision the properties describe; {@code active}: the number of the methodology's active revision, or null. */
    static Revision revision(String methodologyId, int number, Properties p, Integer active) {
        boolean rejected = Boolean.parseBoolean(p.getProperty("rejected"));
        RevisionState state = rejected ? RevisionState.REJECTED
                : active != null && active == number ? RevisionState.ACTIVE
                : Boolean.parseBoolean(p.getProperty("activated")) ? RevisionState.SUPERSEDED : RevisionState.DRAFT;
        List<RuleError> errors = new ArrayList<>();
        for (int k = 0; p.getProperty("error." + k + ".file") != null; k++) {
            errors.add(new RuleError(p.getProperty("error." + k + ".file"), Integer.parseInt(p.getProperty("error." + k + ".line")),
                    Integer.parseInt(p.getProperty("error." + k + ".column")), p.getProperty("error." + k + ".message")));
        }
        List<GoldenChange> golden = new ArrayList<>();
        for (int k = 0; p.getProperty("golden." + k + ".case") != null; k++) {
            String g = "golden." + k + ".";
            golden.add(new GoldenChange(p.getProperty(g + "case"), Integer.parseInt(p.getProperty(g + "line")),
                    new BigDecimal(p.getProperty(g + "oldIndex")), p.getProperty(g + "oldBand"),
                    new BigDecimal(p.getProperty(g + "newIndex")), p.getProperty(g + "newBand")));
        }
        String approvedAt = p.getProperty("approvedAt");
        return new Revision(methodologyId, number, state, p.getProperty("hash"), p.getProperty("author"),
                Instant.parse(p.getProperty("time")), p.getProperty("comment"), p.getProperty("baseVersion"), java.util.Map.of(), errors,
                golden, p.getProperty("approvedBy"), approvedAt == null ? null : Instant.parse(approvedAt));
    }

    static String text(Properties p) {
        try {
            StringWriter w = new StringWriter();
            p.store(w, "Rapor rule revision");
            return w.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Properties parse(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
