package id.rapor.advice;

import id.rapor.api.InvalidAssessmentException;
import id.rapor.api.UnknownMethodologyException;
import id.rapor.api.UnknownRevisionException;
import id.rapor.api.advice.Rules;
import id.rapor.api.model.Assessment;
import id.rapor.api.model.Methodology;
import id.rapor.api.model.ScoreResult;
import id.rapor.engine.standalone.StandaloneRuleBundle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The real rule bundles (rules/target/bundles, built before this module) compiled and scored by
 * the real engine's standalone pipeline; a revision is a bundle folder copied and edited.
 */
public final class RealRules implements RulesAt {
    public static final Path BUNDLES = Path.of(System.getProperty("rapor.rules.bundles", "../../rules/target/bundles"));
    private static final Map<String, StandaloneRuleBundle> SHIPPED = new HashMap<>();

    private final Map<String, StandaloneRuleBundle> revisions = new HashMap<>();

    public static synchronized StandaloneRuleBundle bundle(String id) {
        return SHIPPED.computeIfAbsent(id, k -> accepted(StandaloneRuleBundle.load(BUNDLES.resolve(k), k, "1.0.0")));
    }

    /** Revision {@code number} of {@code id}: the shipped folder with {@code file} edited (golden cases kept only where no weight moves them). */
    public RealRules revision(String id, int number, String file, UnaryOperator<String> edit, Path scratch) {
        try {
            Path folder = scratch.resolve(id + "-r" + number);
            try (Stream<Path> all = Files.walk(BUNDLES.resolve(id))) {
                for (Path p : (Iterable<Path>) all::iterator) {
                    Path to = folder.resolve(BUNDLES.resolve(id).relativize(p).toString());
                    if (Files.isDirectory(p)) Files.createDirectories(to);
                    else Files.copy(p, to);
                }
            }
            Files.writeString(folder.resolve(file), edit.apply(Files.readString(folder.resolve(file))));
            Path golden = folder.resolve("methodology/golden-cases.csv");
            // Only the cases no weight can move (every answer 0, every answer 5) stay.
            List<String> kept = Files.readAllLines(golden).stream()
                    .filter(l -> !l.startsWith("#") && (l.startsWith("case,") || l.startsWith("all answers"))).toList();
            Files.writeString(golden, String.join("\n", kept) + "\n");
            revisions.put(id + "@" + number, accepted(StandaloneRuleBundle.load(folder, id, "1.0.0+r" + number)));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static StandaloneRuleBundle accepted(StandaloneRuleBundle b) {
        if (!b.accepted()) throw new IllegalStateException(b.errors().toString());
        return b;
    }

    private StandaloneRuleBundle of(Rules rules) throws UnknownMethodologyException, UnknownRevisionException {
        if (rules.revision() == null) {
            if (!Files.isDirectory(BUNDLES.resolve(rules.methodologyId()))) throw new UnknownMethodologyException(rules.methodologyId(), java.util.List.of());
            return bundle(rules.methodologyId());
        }
        StandaloneRuleBundle b = revisions.get(rules.methodologyId() + "@" + rules.revision());
        if (b == null) throw new UnknownRevisionException("no revision " + rules.revision());
        return b;
    }

    @Override public Methodology methodology(Rules rules) throws UnknownMethodologyException, UnknownRevisionException {
        return of(rules).methodology();
    }

    @Override public ScoreResult score(Rules rules, String unit, Map<String, BigDecimal> answers)
            throws UnknownMethodologyException, UnknownRevisionException, InvalidAssessmentException {
        return of(rules).score(new Assessment(unit, answers));
    }
}
