package id.rapor.engine.deploy;

import id.rapor.engine.audit.LogText;
import id.rapor.engine.serve.MethodologyRegistry;

import static id.rapor.engine.source.RuleBundleLayout.HEADER;

import id.rapor.api.AuditTrail;
import id.rapor.api.model.AuditEntry;
import id.rapor.api.model.RuleError;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import org.apache.felix.fileinstall.ArtifactInstaller;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes every jar of {@code deploy/} from FileInstall, in place of FileInstall's own bundle
 * handling, so that deploy/ can only add rule bundles and remove what it added:
 * <ul>
 * <li>a jar that is not a rule bundle (unreadable, no manifest, no {@value RuleBundleLayout#HEADER}
 * header) is refused, logged and listed among the deployments, not ignored in silence;</li>
 * <li>a jar with the symbolic name and version of a bundle installed from elsewhere (a shipped
 * rule bundle) is refused: FileInstall would update the shipped bundle in place, and removing
 * the jar would then uninstall it, leaving its methodology served by nothing;</li>
 * <li>a rule bundle is installed (never started) from a copy of its bytes, and uninstalled when
 * its jar goes.</li>
 * </ul>
 */
// Ranked above FileInstall's own bundle handling, which would update a shipped bundle in place.
@Component(service = ArtifactInstaller.class, property = Constants.SERVICE_RANKING + ":Integer=" + Integer.MAX_VALUE)
public final class DeployFolderInstaller implements ArtifactInstaller {
    private static final Logger LOG = LoggerFactory.getLogger(DeployFolderInstaller.class);
    /** Rule bundles are tables and text: a few hundred KiB. */
    static final long MAX_JAR_BYTES = 16L * 1024 * 1024;

    private final BundleContext context;
    private final File folder;
    private final MethodologyRegistry registry;
    private final AuditTrail audit;
    /** The bundles this installer put in, by jar. */
    private final Map<File, Long> installed = new ConcurrentHashMap<>();

    /** The folder the launcher names ({@code rapor.deploy}); FileInstall watches it, and etc/ too. */
    @Activate
    public DeployFolderInstaller(BundleContext context, @Reference MethodologyRegistry registry, @Reference AuditTrail audit) {
        this(context, new File(context.getProperty("rapor.deploy") == null ? "deploy" : context.getProperty("rapor.deploy")),
                registry, audit);
    }

    public DeployFolderInstaller(BundleContext context, File folder, MethodologyRegistry registry, AuditTrail audit) {
        this.context = context;
        this.folder = folder.getAbsoluteFile();
        this.registry = registry;
        this.audit = audit;
    }

    @Override
    public boolean canHandle(File artifact) {
        File parent = artifact.getAbsoluteFile().getParentFile();
        return artifact.getName().endsWith(".jar") && parent != null && parent.equals(folder);
    }

    @Override
    public synchronized void install(File jar) {
        put(jar);
    }

    @Override
    public synchronized void update(File jar) {
        put(jar);
    }

    @Override
    public synchronized void uninstall(File jar) {
        registry.forgetRefused(location(jar));
        Long id = installed.remove(jar.getAbsoluteFile());
        Bundle b = id == null ? null : context.getBundle(id);
        if (b == null) return;
        try {
            b.uninstall();
        } catch (BundleException | IllegalStateException e) {
            LOG.error("Rule bundle {} could not be removed: {}", LogText.safe(jar), LogText.safe(e));
        }
    }

    private void put(File jar) {
        String location = location(jar);
        byte[] bytes;
        Manifest manifest;
        try {
            if (Files.size(jar.toPath()) > MAX_JAR_BYTES) throw new IOException("larger than " + MAX_JAR_BYTES / (1024 * 1024) + " MiB");
            bytes = Files.readAllBytes(jar.toPath());
            try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(bytes))) {
                manifest = in.getManifest();
            }
        } catch (IOException e) {
            refuse(jar, null, null, "not a readable jar: " + e.getMessage());
            return;
        }
        Attributes main = manifest == null ? null : manifest.getMainAttributes();
        String name = main == null ? null : main.getValue(Constants.BUNDLE_SYMBOLICNAME);
        String methodologyId = main == null ? null : main.getValue(HEADER);
        if (name == null || methodologyId == null) {
            refuse(jar, name, methodologyId, "not a rule bundle: deploy/ takes jars whose manifest has Bundle-SymbolicName and "
                    + HEADER + " (" + (manifest == null ? "this jar has no META-INF/MANIFEST.MF first" : "missing here") + ")");
            return;
        }
        name = name.split(";")[0].trim();
        Version version;
        try {
            version = Version.parseVersion(main.getValue(Constants.BUNDLE_VERSION));
        } catch (IllegalArgumentException e) {
            refuse(jar, name, methodologyId, "Bundle-Version is not a version: " + e.getMessage());
            return;
        }
        Long mine = installed.get(jar.getAbsoluteFile());
        for (Bundle other : context.getBundles()) {
            if (mine != null && other.getBundleId() == mine) continue;
            if (name.equals(other.getSymbolicName()) && version.equals(other.getVersion())) {
                refuse(jar, name, methodologyId.trim(), "the same symbolic name and version as the rule bundle installed from "
                        + shortLocation(other.getLocation()) + ": raise Bundle-Version to replace it");
                return;
            }
        }
        registry.forgetRefused(location);
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            Bundle existing = mine == null ? null : context.getBundle(mine);
            if (existing != null) {
                existing.update(in);
            } else {
                Bundle b = context.installBundle(location, in); // never started: a rule bundle is read, not run
                installed.put(jar.getAbsoluteFile(), b.getBundleId());
            }
        } catch (BundleException | IOException | IllegalStateException e) {
            refuse(jar, name, methodologyId.trim(), "could not be installed: " + e.getMessage());
        }
    }

    /** The jar is not taken; a bundle it replaced keeps serving until the jar is removed, as after a rejected compile. */
    private void refuse(File jar, String name, String methodologyId, String why) {
        String location = location(jar);
        registry.recordRefused(location, methodologyId, name == null ? jar.getName() : name, new RuleError("deploy/" + jar.getName(), 0, 0, why));
        audit.record(new AuditEntry(Instant.now(), null, location, null, "bundle.deploy", methodologyId, null, 422,
                jar.getName() + " refused: " + why));
        LOG.error("deploy/{} refused: {}", LogText.safe(jar.getName()), LogText.safe(why));
    }

    /** "rules/pekppp-2022.jar": where a bundle came from, without the server's folders (deployments are public). */
    private static String shortLocation(String location) {
        String[] parts = location.replaceFirst("^reference:", "").split("/");
        return parts.length < 2 ? parts[parts.length - 1] : parts[parts.length - 2] + "/" + parts[parts.length - 1];
    }

    private static String location(File jar) {
        return jar.getAbsoluteFile().toURI().normalize().toString();
    }

    /** The jars this installer put in, for tests. */
    List<File> jars() {
        return List.copyOf(installed.keySet());
    }
}
