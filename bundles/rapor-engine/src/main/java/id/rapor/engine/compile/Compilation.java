package id.rapor.engine.compile;

import id.rapor.engine.score.CompiledMethodology;

import id.rapor.api.model.GoldenChange;
import id.rapor.api.model.RuleError;
import java.util.List;

/**
 * What checking and compiling one rule bundle produced: a methodology ready to serve, or the
 * reasons it is not. {@code goldenChanges}: where the only reasons are golden cases whose
 * answers scored, but to other numbers than they expect, what the rules give them (else empty).
 */
public record Compilation(String methodologyId, String version, CompiledMethodology compiled, List<RuleError> errors,
                          List<GoldenChange> goldenChanges) {
    public Compilation(String methodologyId, String version, CompiledMethodology compiled, List<RuleError> errors) {
        this(methodologyId, version, compiled, errors, List.of());
    }

    public boolean accepted() { return compiled != null; }
}
