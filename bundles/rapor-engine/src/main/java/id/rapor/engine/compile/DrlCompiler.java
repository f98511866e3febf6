package id.rapor.engine.compile;

import id.rapor.engine.table.Problems;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.kie.api.KieBase;
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
 * classes must see Drools itself and the API's fact types.
 */
public final class DrlCompiler {
    private final ClassLoader loader;

    DrlCompiler(ClassLoader loader) {
        this.loader = loader;
    }

    /** The KieBase, or null with every error (file and line in the author's text) added to {@code problems}. */
    KieBase compile(Map<String, String> drlByPath, Problems problems) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
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
            return builder.newKieBase();
        } catch (RuntimeException e) {
            // Drools reports some problems (e.g. a malformed package) by throwing.
            problems.add(drlByPath.keySet().iterator().next(), 0, "does not compile: " + e.getMessage());
            return null;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
