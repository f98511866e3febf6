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

/**
 * The edit folder as a running part of the service: the {@link EditFolderWatcher} polled on a
 * thread of its own, from the folder and interval the launcher names ({@code rapor.edit},
 * {@code rapor.edit.poll.ms}). Without a folder (rule tests, tools) there is nothing to watch.
 */
@Component(service = {}, immediate = true)
public final class EditFolder {
    private final ScheduledExecutorService poller;

    @Activate
    public EditFolder(BundleContext context, @Reference MethodologyRegistry registry, @Reference RuleRevisions revisions,
            @Reference AuditTrail audit) {
        String folder = context.getProperty("rapor.edit");
        if (folder == null) {
            poller = null;
            return;
        }
        EditFolderWatcher watcher = new EditFolderWatcher(Path.of(folder), registry, revisions, audit);
        String every = context.getProperty("rapor.edit.poll.ms");
        long poll = every == null ? 1000 : Long.parseLong(every.trim());
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
