package id.rapor.engine.compile;

import id.rapor.api.metrics.Meters;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import id.rapor.engine.score.CompiledMethodology;
import id.rapor.engine.standalone.GoldenCase;
import id.rapor.engine.table.GoldenCaseReader;
import id.rapor.engine.table.MethodologyReader;
import id.rapor.engine.table.Problems;
import id.rapor.engine.source.RuleSource;
import id.rapor.engine.score.ScoreBudget;
import id.rapor.engine.table.TableChecks;

import static id.rapor.engine.source.RuleBundleLayout.*;

import id.rapor.api.model.GoldenChange;
import id.rapor.api.model.InputKind;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import id.rapor.api.fact.AnswerSheet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;

/**
 * The activation pipeline for one rule bundle: read the tables, check them, compile the DRL,
 * then run the golden cases. Only a bundle that passes all four is accepted. Every problem of
 * every step that could run is reported, each pointing at the file and line to fix. With a
 * {@link RuleBaseCache}, a restart neither compiles rule text nor runs more than the first
 * golden case on files that are, byte for byte and with the same engine, ones that passed before.
 */
@Component(service = RuleBundleCompiler.class)
public final class RuleBundleCompiler {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RuleBundleCompiler.class);
    private final DrlCompiler drl;
    /** Compiled rule text and golden-case verdicts kept across starts; null: compile and prove everything every time. */
    private final RuleBaseCache cache;
    private final ClassLoader loader;
    private final long goldenCaseLimitMillis;
    private final ScoreBudget budget;
    /** Compiles counted and timed for GET /metrics (bundle rapor-metrics), when it is there. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Meters meters;

    /**
     * A compiler outside the framework (tests, the standalone checker). A factory, not a constructor:
     * Declarative Services would try a public one-argument constructor for the service's own and complain.
     */
    public static RuleBundleCompiler of(ClassLoader loader) {
        return new RuleBundleCompiler(loader, new ScoreBudget(), GoldenCaseRunner.LIMIT_MILLIS);
    }

    /**
     * The service's compiler: the engine's class loader, the service's budget, the standard golden-case limit, and
     * compiled rule text kept under the data folder ({@code rapor.data}) for the next start.
     */
    @Activate
    public RuleBundleCompiler(@Reference ScoreBudget budget, BundleContext context) {
        this(RuleBundleCompiler.class.getClassLoader(), budget, GoldenCaseRunner.LIMIT_MILLIS, cache(context));
    }

    /** {@code budget}: what each score of what this compiles may spend, golden cases included. */
    public RuleBundleCompiler(ClassLoader loader, ScoreBudget budget, long goldenCaseLimitMillis) {
        this(loader, budget, goldenCaseLimitMillis, null);
    }

    /** {@code cache}: compiled rule text kept across starts, or null to compile every time. */
    public RuleBundleCompiler(ClassLoader loader, ScoreBudget budget, long goldenCaseLimitMillis, RuleBaseCache cache) {
        this.loader = loader;
        this.drl = new DrlCompiler(loader, cache);
        this.cache = cache;
        this.budget = budget;
        this.goldenCaseLimitMillis = goldenCaseLimitMillis;
    }

    /** The cache under the data folder, keyed also by this engine's build: a rebuilt engine never reads an older one. */
    private static RuleBaseCache cache(BundleContext context) {
        String data = context.getProperty("rapor.data");
        if (data == null) return null;
        Bundle engine = context.getBundle();
        // Drools is embedded in the engine; the fact types the rules match come from the API bundle.
        Bundle api = FrameworkUtil.getBundle(AnswerSheet.class);
        // The Java the classes were compiled for, too: read back by an older Java they would not load.
        return new RuleBaseCache(Path.of(data, "cache", "rule-bases"), built(engine) + "/" + (api == null ? "" : built(api))
                + "/java " + System.getProperty("java.specification.version"));
    }

    private static String built(Bundle b) {
        return b.getSymbolicName() + " " + b.getVersion() + " " + b.getHeaders().get("Bnd-LastModified");
    }

    /** One compile at a time, whoever asks (the extender, a revision): Drools compiles are memory-hungry. */
    public synchronized Compilation compile(RuleSource source, String methodologyId) {
        long start = System.nanoTime();
        Compilation c = compileNow(source, methodologyId);
        Meters m = meters;
        if (m != null) m.compiled(methodologyId, c.accepted(), System.nanoTime() - start);
        return c;
    }

    private Compilation compileNow(RuleSource bundle, String methodologyId) {
        ReadFiles source = new ReadFiles(bundle);
        Problems problems = new Problems();
        MethodologyReader.Result read = new MethodologyReader(source, problems).read(methodologyId);
        if (read != null) new TableChecks(problems, read.lines()).check(read.methodology());
        List<GoldenCase> cases = GoldenCaseReader.read(source, problems,
                read == null ? InputKind.ANSWERS : read.methodology().getInput());

        Map<String, String> rules = new LinkedHashMap<>();
        for (String path : source.list(RULES_FOLDER, RULES_SUFFIX)) rules.put(path, source.read(path));
        if (rules.isEmpty()) problems.add(RULES_FOLDER + "/", 0, "no rule files (*" + RULES_SUFFIX + ")");
        // Rule text comes from operators only (OperatorRuleText): it is compiled as it is.
        KieBase kieBase = rules.isEmpty() ? null : drl.compile(rules, problems);

        if (read == null || kieBase == null || !problems.isEmpty()) {
            return new Compilation(methodologyId, source.version(), null, problems.list());
        }
        CompiledMethodology compiled = new CompiledMethodology(read.methodology(), kieBase, loader, bundle, budget);
        // Every file this compile read, and the engine: the same as a compile whose golden cases all passed, the same outcome.
        String proof = cache == null ? null : cache.key(source.soFar(Map.of("methodology", methodologyId)));
        if (proof != null && cache.proven(proof) && !cases.isEmpty()) {
            // One case still runs: it checks the rules as read back, and loads the code the first score needs now, not then.
            Problems first = new Problems();
            GoldenCaseRunner.run(cases.subList(0, 1), compiled, first, goldenCaseLimitMillis);
            if (first.isEmpty()) {
                LOG.info("Golden cases of {}: the first run, the others not again (these very files passed them all on this engine before)",
                        methodologyId);
                return new Compilation(methodologyId, source.version(), compiled, List.of());
            }
        }
        List<GoldenChange> moved = GoldenCaseRunner.run(cases, compiled, problems, goldenCaseLimitMillis);
        if (problems.isEmpty()) {
            if (proof != null) cache.prove(proof);
            return new Compilation(methodologyId, source.version(), compiled, List.of());
        }
        // Every problem a golden case whose answers scored to other numbers: those numbers can be accepted.
        boolean onlyMoved = moved.size() == problems.list().size();
        return new Compilation(methodologyId, source.version(), null, problems.list(), onlyMoved ? moved : List.of());
    }
}
