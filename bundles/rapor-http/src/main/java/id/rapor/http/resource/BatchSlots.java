package id.rapor.http.resource;

import id.rapor.api.text.Message;
import id.rapor.http.json.HttpProblem;

import java.util.concurrent.Semaphore;

/**
 * How many batches (region scores, impact previews) are scored at once. A batch of thousands
 * of units holds all their results until its answer is written; a few in parallel would take
 * the heap that single scores need. A batch that finds every slot taken is answered 503 with
 * Retry-After at once, rather than queued on a thread.
 */
public final class BatchSlots {
    /** Released when the batch's answer is written (or refused). */
    interface Slot extends AutoCloseable {
        @Override void close();
    }

    private final Semaphore slots;
    private final int count;

    public BatchSlots(int count) {
        this.count = count;
        this.slots = new Semaphore(count);
    }

    public int count() {
        return count;
    }

    Slot take() throws HttpProblem {
        if (!slots.tryAcquire()) {
            throw HttpProblem.temporary(503, "batches-busy", Message.of("problem.batches-busy.detail", count), 1);
        }
        return slots::release;
    }
}
