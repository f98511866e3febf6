package id.rapor.engine.standalone;

import id.rapor.engine.compile.Compilation;
import id.rapor.engine.score.CompiledMethodology;
import id.rapor.engine.source.DirectoryRuleSource;
import id.rapor.engine.table.GoldenCaseReader;
import id.rapor.engine.table.Problems;
import id.rapor.engine.compile.RuleBundleCompiler;
import id.rapor.engine.source.RuleSource;

import id.rapor.api.InvalidAssessmentException;
import id.rapor.api.model.Assessment;
import id.rapor.api.model.InputKind;
import id.rapor.api.model.Methodology;
import id.rapor.api.model.RuleError;
import id.rapor.api.model.ScoreResult;
import java.nio.file.Path;
import java.util.List;

/**
 * A rule bundle checked and compiled outside OSGi, through the same pipeline the service
 * uses: for rule tests, benchmarks and tools.
 */
public final class StandaloneRuleBundle {
    private final Compilation compilation;
    private final List<GoldenCase> goldenCases;

    private StandaloneRuleBundle(Compilation compilation, List<GoldenCase> goldenCases) {
        this.compilation = compilation;
        this.goldenCases = goldenCases;
    }

    /** Loads the unpacked rule bundle in {@code folder}. */
    public static StandaloneRuleBundle load(Path folder, String methodologyId, String version) {
        RuleSource source = new DirectoryRuleSource(folder, version);
        RuleBundleCompiler compiler = RuleBundleCompiler.of(StandaloneRuleBundle.class.getClassLoader());
        Compilation compilation = compiler.compile(source, methodologyId);
        InputKind input = compilation.accepted() ? compilation.compiled().methodology().getInput() : InputKind.ANSWERS;
        return new StandaloneRuleBundle(compilation, GoldenCaseReader.read(source, new Problems(), input));
    }

    public boolean accepted() { return compilation.accepted(); }

    /** Empty when accepted. */
    public List<RuleError> errors() { return compilation.errors(); }

    /** The bundle's golden cases, as its table states them. */
    public List<GoldenCase> goldenCases() { return goldenCases; }

    public Methodology methodology() {
        return accepted(compilation).methodology();
    }

    public ScoreResult score(Assessment assessment) throws InvalidAssessmentException {
        return accepted(compilation).score(assessment);
    }

    private static CompiledMethodology accepted(Compilation c) {
        if (!c.accepted()) throw new IllegalStateException("rule bundle rejected: " + c.errors());
        return c.compiled();
    }
}
