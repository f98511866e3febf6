package id.rapor.engine.internal;

import id.rapor.api.model.RuleError;
import java.util.List;

/** What checking and compiling one rule bundle produced: a methodology ready to serve, or the reasons it is not. */
record Compilation(String methodologyId, String version, CompiledMethodology compiled, List<RuleError> errors) {
    boolean accepted() { return compiled != null; }
}
