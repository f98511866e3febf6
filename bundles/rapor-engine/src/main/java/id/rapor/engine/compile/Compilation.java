package id.rapor.engine.compile;

import id.rapor.engine.score.CompiledMethodology;

import id.rapor.api.model.RuleError;
import java.util.List;

/** What checking and compiling one rule bundle produced: a methodology ready to serve, or the reasons it is not. */
public record Compilation(String methodologyId, String version, CompiledMethodology compiled, List<RuleError> errors) {
    public boolean accepted() { return compiled != null; }
}
