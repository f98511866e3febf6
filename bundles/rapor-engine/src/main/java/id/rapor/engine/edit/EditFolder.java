package id.rapor.engine.edit;

import id.rapor.api.AuditTrail;
import id.rapor.api.RuleRevisions;
import id.rapor.engine.serve.MethodologyRegistry;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The edit folder as a running part of the service: the {@link EditFolderWatcher} polled on a
 * thread of its own, in the folder the launcher names ({@code rapor.edit}), as often as its
 * settings say (a change restarts only this component). Without a folder (rule tests, tools)
 * there is nothing to watch.
 */
@Component(service = {}, immediate = true, configurationPid = EditFolder.PID)
@Designate(ocd = EditFolder.Settings.class)
public final class EditFolder {
    static final String PID = "id.rapor.edit";

    /** etc/id.rapor.edit.cfg */
    @ObjectClassDefinition(name = "Rapor edit folder", description = "edit/<methodology>/: tables policy staff edit as files.")
    public @interface Settings {
        @AttributeDefinition(name = "Poll (ms)", min = "100", description = "How often edit/ is scanned for edited tables. "
                + "An edit is acted on once it has been the same for two scans in a row.")
        long poll_ms() default 1000;
    }

    private final ScheduledExecutorService poller;

    @Activate
    public EditFolder(BundleContext context, Settings settings, @Reference MethodologyRegistry registry, @Reference RuleRevisions revisions,
            @Reference AuditTrail audit) {
        String folder = context.getProperty("rapor.edit");
        if (folder == null) {
            poller = null;
            return;
        }
        EditFolderWatcher watcher = new EditFolderWatcher(Path.of(folder), registry, revisions, audit);
        watcher.writeStatuses(); // STATUS.txt says what serves from the start, before anything is edited
        long poll = Math.max(100, settings.poll_ms());
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rapor-edit-folder");
            t.setDaemon(true);
            t.setContextClassLoader(EditFolder.class.getClassLoader());
            return t;
        });
        poller.scheduleWithFixedDelay(watcher::poll, poll, poll, TimeUnit.MILLISECONDS);
    }

    /** An edit being proposed finishes before the service goes. */
    @Deactivate
    void stop() throws InterruptedException {
        if (poller == null) return;
        poller.shutdownNow();
        poller.awaitTermination(10, TimeUnit.SECONDS);
    }
}
