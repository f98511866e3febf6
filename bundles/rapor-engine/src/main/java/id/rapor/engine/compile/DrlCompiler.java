package id.rapor.engine.compile;

import id.rapor.engine.table.Problems;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.impl.RuleBaseFactory;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderConfiguration;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * Compiles DRL text into a KieBase with the classic compiler. It uses a KnowledgeBuilder
 * rather than a KieContainer, so nothing lands in Drools' global KieRepository, and it runs
 * with this bundle's class loader as the context loader, because the generated rule
 * classes must see Drools itself and the API's fact types. With a {@link RuleBaseCache}, a text
 * compiled before (by this engine) is read back instead of compiled: no parsing, no Java compiler.
 */
public final class DrlCompiler {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DrlCompiler.class);
    private final ClassLoader loader;
    private final RuleBaseCache cache;

    /** {@code cache}: where compiled rule text is kept across starts, or null to compile every time. */
    DrlCompiler(ClassLoader loader, RuleBaseCache cache) {
        this.loader = loader;
        this.cache = cache;
    }

    /** The KieBase, or null with every error (file and line in the author's text) added to {@code problems}. */
    KieBase compile(Map<String, String> drlByPath, Problems problems) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            String key = cache == null ? null : cache.key(drlByPath);
            Optional<Collection<KiePackage>> compiledBefore = key == null ? Optional.empty() : cache.load(key, loader);
            if (compiledBefore.isPresent()) {
                try {
                    return kieBase(compiledBefore.get());
                } catch (RuntimeException | LinkageError unusable) {
                    LOG.warn("A compiled rule base read back could not be used ({}); the rule text is compiled again", unusable.toString());
                }
            }
            KnowledgeBuilderConfiguration conf = KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, loader);
            KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(conf);
            for (Map.Entry<String, String> drl : drlByPath.entrySet()) {
                Resource resource = ResourceFactory.newByteArrayResource(drl.getValue().getBytes(StandardCharsets.UTF_8));
                resource.setSourcePath(drl.getKey());
                builder.add(resource, ResourceType.DRL);
            }
            if (builder.hasErrors()) {
                for (KnowledgeBuilderError error : builder.getErrors()) {
                    int[] lines = error.getLines();
                    String file = error.getResource() != null && error.getResource().getSourcePath() != null
                            ? error.getResource().getSourcePath() : drlByPath.keySet().iterator().next();
                    problems.add(file, lines != null && lines.length > 0 ? Math.max(lines[0], 0) : 0, 0,
                            error.getMessage().strip());
                }
                return null;
            }
            KieBase kieBase = builder.newKieBase();
            if (key != null) cache.store(key, builder.getKnowledgePackages());
            return kieBase;
        } catch (RuntimeException e) {
            // Drools reports some problems (e.g. a malformed package) by throwing.
            problems.add(drlByPath.keySet().iterator().next(), 0, "does not compile: " + e.getMessage());
            return null;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** A rule base of packages compiled before, configured as {@code KnowledgeBuilder.newKieBase()} configures one. */
    private static KieBase kieBase(Collection<KiePackage> packages) {
        InternalRuleBase ruleBase = RuleBaseFactory.newRuleBase(KieServices.get().newKieBaseConfiguration());
        ruleBase.addPackages(packages.stream().map(p -> (org.drools.base.definitions.InternalKnowledgePackage) p).toList());
        return KnowledgeBaseFactory.newKnowledgeBase(ruleBase);
    }
}
