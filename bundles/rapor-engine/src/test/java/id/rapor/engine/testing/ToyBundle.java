package id.rapor.engine.testing;

import id.rapor.engine.compile.Compilation;
import id.rapor.engine.source.DirectoryRuleSource;
import id.rapor.engine.serve.MethodologyRegistry;
import id.rapor.engine.deploy.OperatorRuleText;
import id.rapor.engine.compile.RuleBundleCompiler;
import id.rapor.engine.source.RuleBundleLayout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small methodology in a temporary folder (two aspects, three indicators, three bands),
 * scored by the real shared DRL from rules/common. Tests change one file at a time.
 */
public final class ToyBundle {
    static final Path SHARED_DRL = Path.of("../../rules/common/weighted-index/rules/weighted-index.drl");
    static final Path INDEX_AND_BAND_DRL = Path.of("../../rules/common/index-and-band/rules/index-and-band.drl");

    public final Map<String, String> files = new LinkedHashMap<>();

    public ToyBundle() throws IOException {
        files.put(RuleBundleLayout.DESCRIPTOR, """
                id=toy
                title=Toy methodology
                regulation=Peraturan Contoh 1/2024
                family=toy
                years=2024-
                scale.min=0
                scale.max=5
                scale.decimals=2
                """);
        files.put(RuleBundleLayout.ASPECTS, """
                id,name,weight
                a,Aspect A,60
                b,Aspect B,40
                """);
        files.put(RuleBundleLayout.INDICATORS, """
                id,aspect,code,name,weight
                x1,a,a.1,First,50
                x2,a,a.2,"Second, with a comma",50
                y1,b,b.1,Third,100
                """);
        files.put(RuleBundleLayout.OPTIONS, """
                indicator,value,label
                *,0,none
                *,1,some
                *,5,all
                """);
        files.put(RuleBundleLayout.BANDS, """
                code,label,min,max
                HI,High,3.01,5.00
                MID,Middle,1.01,3.00
                LO,Low,0.00,1.00
                """);
        files.put(RuleBundleLayout.PROVENANCE, """
                subject,confidence,source,note
                everything,U,made up for tests,
                """);
        // x1=5, x2=1 → a = 3; y1=1 → b = 1; index = 0.6·3 + 0.4·1 = 2.2
        files.put(RuleBundleLayout.GOLDEN_CASES, """
                case,index,band,x1,x2,y1
                all five,5.00,HI,5,5,5
                mixed,2.20,MID,5,1,1
                """);
        files.put("rules/weighted-index.drl", Files.readString(SHARED_DRL));
        files.put("rules/index-and-band.drl", Files.readString(INDEX_AND_BAND_DRL));
    }

    public ToyBundle with(String path, String text) {
        files.put(path, text);
        return this;
    }

    public ToyBundle without(String path) {
        files.remove(path);
        return this;
    }

    Path write() throws IOException {
        Path root = Files.createTempDirectory("toy-bundle-");
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = root.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
        return root;
    }

    /** Records this bundle as installed by an operator and serving in {@code registry}, as the extender would. */
    public ToyBundle installIn(MethodologyRegistry registry, OperatorRuleText operatorRuleText, String version) throws IOException {
        operatorRuleText.installed("toy", files);
        registry.record(1, "rules.toy", compile(version));
        return this;
    }

    public Compilation compile(String version) throws IOException {
        return compile(version, RuleBundleCompiler.of(getClass().getClassLoader()));
    }

    public Compilation compile(String version, RuleBundleCompiler compiler) throws IOException {
        return compiler.compile(new DirectoryRuleSource(write(), version), "toy");
    }
}
