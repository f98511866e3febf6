package id.rapor.engine.deploy;

import id.rapor.engine.source.BundleRuleSource;
import id.rapor.engine.compile.Compilation;
import id.rapor.engine.compile.CompileQueue;
import id.rapor.engine.score.CompiledMethodology;
import id.rapor.engine.audit.LogText;
import id.rapor.engine.serve.MethodologyRegistry;
import id.rapor.engine.compile.RuleBundleCompiler;
import id.rapor.engine.source.RuleSourceSnapshot;

import static id.rapor.engine.source.RuleBundleLayout.HEADER;

import id.rapor.api.model.RuleError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import id.rapor.api.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The extender: every bundle with a {@value RuleBundleLayout#HEADER} header is a rule
 * bundle. It is compiled when it appears and again when it is updated, on the one compile
 * thread of the {@link CompileQueue} (Drools compiles are memory-hungry and need not run in
 * parallel), and dropped when it is uninstalled. Bundles are tracked from INSTALLED on, so the
 * old version keeps serving while FileInstall updates a bundle; deploy/ never starts them.
 *
 * <p>The rule bundles already installed when the extender opens are compiled newest version
 * first (a rule bundle's major version is its methodology year), so the methodologies of the
 * current evaluation round serve before the archived years.
 */
@Component(service = RuleBundleExtender.class, immediate = true)
public final class RuleBundleExtender implements BundleTrackerCustomizer<String> {
    private static final Logger LOG = LoggerFactory.getLogger(RuleBundleExtender.class);
    private static final int TRACKED = Bundle.INSTALLED | Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING;

    private final RuleBundleCompiler compiler;
    private final MethodologyRegistry registry;
    private final AuditTrail audit;
    private final CompileQueue queue;
    private final OperatorRuleText operatorRuleText;
    private final BundleTracker<String> tracker;

    /** Bundles found while opening, compiled in {@link #open()}'s order; null once open. */
    private List<Bundle> foundAtOpen;

    @Activate
    public RuleBundleExtender(BundleContext context, @Reference RuleBundleCompiler compiler, @Reference MethodologyRegistry registry,
            @Reference AuditTrail audit, @Reference CompileQueue queue, @Reference OperatorRuleText operatorRuleText) {
        this.compiler = compiler;
        this.registry = registry;
        this.audit = audit;
        this.queue = queue;
        this.operatorRuleText = operatorRuleText;
        this.tracker = new BundleTracker<>(context, TRACKED, this);
        open();
    }

    private void open() {
        synchronized (this) {
            foundAtOpen = new ArrayList<>();
        }
        tracker.open();
        List<Bundle> found;
        synchronized (this) {
            found = foundAtOpen;
            foundAtOpen = null;
        }
        found.sort(Comparator.comparing(Bundle::getVersion).reversed());
        for (Bundle bundle : found) {
            String methodologyId = tracker.getObject(bundle);
            if (methodologyId != null) submit(bundle, methodologyId);
        }
    }

    @Deactivate
    void close() {
        tracker.close();
    }

    @Override
    public String addingBundle(Bundle bundle, BundleEvent event) {
        String methodologyId = bundle.getHeaders("").get(HEADER);
        if (methodologyId == null) return null;
        synchronized (this) {
            if (foundAtOpen != null && event == null) {
                foundAtOpen.add(bundle);
                return methodologyId.trim();
            }
        }
        submit(bundle, methodologyId.trim());
        return methodologyId.trim();
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, String methodologyId) {
        if (event != null && event.getType() == BundleEvent.UPDATED) {
            String current = bundle.getHeaders("").get(HEADER);
            submit(bundle, current == null ? methodologyId : current.trim());
        }
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, String methodologyId) {
        queue.submit(methodologyId, () -> {
            registry.remove(bundle.getBundleId());
            LOG.info("Rule bundle {} {} removed; {} is now served by {}", bundle.getSymbolicName(), bundle.getVersion(),
                    methodologyId, describe(methodologyId));
        });
    }

    private void submit(Bundle bundle, String methodologyId) {
        String name = bundle.getSymbolicName();
        String version = bundle.getVersion().toString();
        RuleSourceSnapshot files;
        try {
            files = RuleSourceSnapshot.of(new BundleRuleSource(bundle));
            // Whatever an installed bundle holds came from an operator (rules/ or deploy/): its rule text may serve revisions.
            operatorRuleText.installed(methodologyId, files.files());
        } catch (RuntimeException e) {
            // Uninstalled or replaced again while we looked: the next bundle event brings the new content.
            LOG.warn("Rule bundle {} {} could not be read: {}", name, version, e.toString());
            return;
        }
        registry.pending(bundle.getBundleId(), name, methodologyId, version);
        queue.submit(methodologyId, () -> {
            long start = System.nanoTime();
            Compilation compilation;
            try {
                compilation = carriesCode(bundle)
                        ? new Compilation(methodologyId, version, null, List.of(new RuleError("META-INF/MANIFEST.MF", 0, 0,
                                "a rule bundle holds tables and rule text only: no Java classes and no Bundle-Activator")))
                        : compiler.compile(files, methodologyId);
            } catch (RuntimeException | LinkageError e) {
                // A bundle uninstalled mid-compile, or a defect of ours: report it, keep the compiler thread alive.
                LOG.error("Rule bundle {} {} could not be processed", name, version, e);
                compilation = new Compilation(methodologyId, version, null,
                        List.of(new RuleError("", 0, 0, "could not be processed: " + e)));
            }
            registry.record(bundle.getBundleId(), name, compilation);
            // The jar's place ("from where"), without the launcher's "reference:" install prefix.
            String location = bundle.getLocation().replaceFirst("^reference:", "");
            audit.record(new id.rapor.api.model.AuditEntry(java.time.Instant.now(), null, location, null, "bundle.deploy",
                    methodologyId, null, compilation.accepted() ? 200 : 422, name + " " + version
                    + (compilation.accepted() ? " accepted" : " rejected: " + compilation.errors().size() + " error(s), first " + compilation.errors().get(0))));
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            if (compilation.accepted()) {
                LOG.info("Rule bundle {} {} accepted for {} in {} ms; {} is served by {}", name, version, methodologyId, ms,
                        methodologyId, describe(methodologyId));
            } else {
                LOG.error("Rule bundle {} {} rejected for {} ({} error(s)); {} is served by {}:{}", name, version, methodologyId,
                        compilation.errors().size(), methodologyId, describe(methodologyId),
                        compilation.errors().stream().map(e -> "\n  " + LogText.safe(e)).reduce("", String::concat));
            }
        });
    }

    /** A rule bundle is tables and rule text: one with Java in it is refused, never compiled. */
    private static boolean carriesCode(Bundle bundle) {
        if (bundle.getHeaders("").get(org.osgi.framework.Constants.BUNDLE_ACTIVATOR) != null) return true;
        var classes = bundle.findEntries("/", "*.class", true);
        return classes != null && classes.hasMoreElements();
    }

    /** What serves now; while its active revision is restored at start, that revision (PENDING), never "nothing". */
    private String describe(String methodologyId) {
        CompiledMethodology served = registry.served(methodologyId);
        if (served != null) return "version " + served.methodology().getVersion();
        String restoring = registry.awaitedRevision(methodologyId);
        return restoring != null ? "its active revision " + restoring + " once it is restored (PENDING until then)" : "nothing";
    }
}
