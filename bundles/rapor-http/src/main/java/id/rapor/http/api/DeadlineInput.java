package id.rapor.http.api;

import id.rapor.api.text.Message;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;

/**
 * A request body that must be in by a deadline. Jetty's own limits end a body that stalls (idle
 * timeout) or trickles (minimum data rate), but not one sent just fast enough: 1 MiB at 2,600
 * bytes/s keeps a thread reading for 400 s. When {@link #expire()} is called at the deadline, a
 * read waiting for the body is woken by interrupting its thread (Jetty's blocking read ends on an
 * interrupt with a failure, leaving the answer writable) and every read from then on fails at
 * once, as {@link RequestBody.Interrupted} that the servlet answers 408.
 * <p>
 * Only a thread inside a read of this body is ever interrupted, and its interrupt is cleared as
 * the read returns, so the interrupt never reaches anything else the thread does.
 */
final class DeadlineInput extends ServletInputStream {
    private final ServletInputStream in;
    private final Message late;
    private final Runnable onEnd;

    // guarded by this
    private Thread reader;
    private boolean expired;
    private boolean interrupted;

    /**
     * @param late  what the client is told when the deadline passes
     * @param onEnd called when the body has been read to its end or closed (more than once is harmless to it)
     */
    DeadlineInput(ServletInputStream in, Message late, Runnable onEnd) {
        this.in = in;
        this.late = late;
        this.onEnd = onEnd;
    }

    /** The deadline has passed: a read under way is woken, and every read from now on fails. */
    synchronized void expire() {
        expired = true;
        if (reader != null && !interrupted) {
            interrupted = true;
            reader.interrupt();
        }
    }

    @Override public int read() throws IOException {
        enter();
        int b;
        try {
            b = in.read();
        } catch (IOException | RuntimeException e) {
            throw failure(e);
        } finally {
            leave();
        }
        if (b < 0) onEnd.run();
        return b;
    }

    @Override public int read(byte[] buffer, int offset, int length) throws IOException {
        enter();
        int n;
        try {
            n = in.read(buffer, offset, length);
        } catch (IOException | RuntimeException e) {
            throw failure(e);
        } finally {
            leave();
        }
        if (n < 0) onEnd.run();
        return n;
    }

    @Override public int available() throws IOException {
        return in.available();
    }

    @Override public void close() throws IOException {
        try {
            in.close();
        } finally {
            onEnd.run();
        }
    }

    @Override public boolean isFinished() {
        return in.isFinished();
    }

    @Override public boolean isReady() {
        return in.isReady();
    }

    @Override public void setReadListener(ReadListener listener) {
        in.setReadListener(listener);
    }

    private synchronized void enter() throws RequestBody.Interrupted {
        if (expired) throw new RequestBody.Interrupted(late);
        reader = Thread.currentThread();
    }

    private synchronized void leave() {
        reader = null;
        if (interrupted) {
            interrupted = false;
            Thread.interrupted(); // ours, if the read returned before it saw it
        }
    }

    /** A read that failed at or after the deadline failed because of it, whatever Jetty made of the interrupt. */
    private synchronized IOException failure(Exception e) {
        if (expired) return new RequestBody.Interrupted(late);
        if (e instanceof IOException io) return io;
        throw (RuntimeException) e;
    }
}
