package id.rapor.http.api;

import id.rapor.api.text.Message;
import id.rapor.http.json.HttpProblem;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which request bodies are read, and for how long. A thread reading a body waits as long as the
 * client takes to send it, so bodies sent just fast enough for Jetty's minimum data rate, from a
 * few addresses, could hold every thread, and /health would find none. So at most
 * {@code concurrent} bodies are read at once, from all clients together, and each must be in
 * within {@code deadlineMillis} of its request's start. One body more is answered 503 at once,
 * without a byte of it read; calls without a body never wait here.
 * <p>
 * Every body is read through here, the servlet's own draining of a refused one included: a
 * request is {@link #admit admitted} as it arrives, and gives its place back once its body is
 * read to the end or its answer is sent. A small body of declared length is taken whole at its
 * first read ({@link WholeBody}), so that Jetty's minimum data rate measures the client's sending,
 * never the API's own time between reads.
 */
public final class RequestBodies {
    private static final Logger LOG = LoggerFactory.getLogger(RequestBodies.class);

    private final ScheduledExecutorService deadlines;
    private final int concurrent;
    private final long deadlineMillis;
    private final Semaphore reading;
    private final AtomicInteger refused = new AtomicInteger();

    /**
     * @param deadlines the timer that ends bodies at their deadline; its owner shuts it down
     */
    public RequestBodies(ScheduledExecutorService deadlines, int concurrent, long deadlineMillis) {
        this.deadlines = deadlines;
        this.concurrent = concurrent;
        this.deadlineMillis = deadlineMillis;
        this.reading = new Semaphore(concurrent);
    }

    /**
     * {@code request}, whose body (if it has one) is read from now on under the limits; 503
     * {@code server-busy} with Retry-After if {@code concurrent} bodies are being read already.
     */
    public Admitted admit(HttpServletRequest request) throws HttpProblem, IOException {
        if (!hasBody(request)) return new Admitted(request, null, null);
        if (!reading.tryAcquire()) {
            if (refused.getAndIncrement() % 1000 == 0) {
                LOG.warn("{} request bodies are being read at once: more are answered 503 (bodies.concurrent={}; {} refused so far)",
                        concurrent, concurrent, refused.get());
            }
            throw HttpProblem.temporary(503, "server-busy", Message.of("problem.server-busy.detail", concurrent), 1);
        }
        Place place = new Place();
        try {
            // A small body is taken whole at its first read (WholeBody), under the deadline like any other.
            DeadlineInput body = new DeadlineInput(WholeBody.of(request.getInputStream(), request.getContentLengthLong()),
                    Message.of("problem.request-timeout.detail.late", seconds()),
                    place::giveBack);
            place.deadline = deadlines.schedule(body::expire, deadlineMillis, TimeUnit.MILLISECONDS);
            return new Admitted(request, body, place);
        } catch (IOException | RuntimeException | Error e) {
            place.giveBack();
            throw e;
        }
    }

    /** A request under the limits; closing it (when its answer is sent) gives its place back. */
    public static final class Admitted extends HttpServletRequestWrapper implements AutoCloseable {
        private final DeadlineInput body;
        private final Place place;

        Admitted(HttpServletRequest request, DeadlineInput body, Place place) {
            super(request);
            this.body = body;
            this.place = place;
        }

        @Override public ServletInputStream getInputStream() throws IOException {
            return body != null ? body : super.getInputStream();
        }

        @Override public void close() {
            if (place != null) place.giveBack();
        }
    }

    /** One body's place among those read at once, and its deadline: given back once, when its body ends or its answer is sent. */
    private final class Place {
        private final AtomicBoolean given = new AtomicBoolean();
        private volatile ScheduledFuture<?> deadline;

        void giveBack() {
            if (!given.compareAndSet(false, true)) return;
            ScheduledFuture<?> d = deadline;
            if (d != null) d.cancel(false);
            reading.release();
        }
    }

    /** Whether the request says a body follows: a length above 0, or chunks. */
    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    private String seconds() {
        return deadlineMillis % 1000 == 0 ? Long.toString(deadlineMillis / 1000) : String.format(Locale.ROOT, "%.1f", deadlineMillis / 1000.0);
    }
}
