package id.rapor.http.api;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;

/**
 * A small body of declared length, taken from the container whole at its first read and served
 * from memory after, so that Jetty's minimum data rate measures the client and nothing else.
 * <p>
 * Jetty 12 checks the rate at the start of every read after the first, as the bytes the API has
 * taken against the time since it took the first (ee10 AsyncContentProducer.checkMinDataRate,
 * called by HttpInput.read). So the time the API spends between two reads counts as the client's
 * — parsing, a cold first call, a GC pause, a thread waiting for a core on a busy machine — and so
 * does the read that only finds the end of a body already in: a 2-byte body was allowed 1 ms of
 * it, a 70-byte one 34 ms, and was refused 408 though every byte had arrived. Taken here, reads
 * follow one another with nothing between them, each waits only for bytes the client has yet to
 * send (for at most the idle timeout, as before), and none is made past the declared length: a
 * body that trickles is still refused at its next read, a body that is in never is.
 * <p>
 * Only bodies up to {@link #MAX} bytes are held (at most bodies.concurrent of them at once): a
 * larger body's own bytes allow it seconds (64 KiB: 32 s at 2048 bytes/s), and it is streamed.
 * Without a declared length (chunked) the end cannot be known before it is read; such a body is
 * streamed too.
 */
final class WholeBody extends ServletInputStream {
    static final int MAX = 64 * 1024;

    private final ServletInputStream in;
    private final byte[] body;
    private int taken;
    private int served;
    /** The container ended the body before its declared length (it normally fails the read instead). */
    private boolean cut;

    private WholeBody(ServletInputStream in, int length) {
        this.in = in;
        this.body = new byte[length];
    }

    /** {@code in}, taken whole at its first read if its declared length is at most {@link #MAX}. */
    static ServletInputStream of(ServletInputStream in, long declaredLength) {
        return declaredLength > 0 && declaredLength <= MAX ? new WholeBody(in, (int) declaredLength) : in;
    }

    /** Reads until the declared length is in; a failure (too slow, stalled, cut off) leaves what came, and is the reader's. */
    private void take() throws IOException {
        while (taken < body.length && !cut) {
            int n = in.read(body, taken, body.length - taken);
            if (n < 0) cut = true;
            else taken += n;
        }
    }

    @Override public int read() throws IOException {
        take();
        return served < taken ? body[served++] & 0xFF : -1;
    }

    @Override public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) return 0;
        take();
        if (served == taken) return -1;
        int n = Math.min(length, taken - served);
        System.arraycopy(body, served, buffer, offset, n);
        served += n;
        return n;
    }

    @Override public int available() {
        return taken - served;
    }

    @Override public boolean isFinished() {
        return (taken == body.length || cut) && served == taken;
    }

    @Override public boolean isReady() {
        return served < taken || isFinished() || in.isReady();
    }

    /** The API reads bodies blocking; a listener would be told of bytes this stream has not taken. */
    @Override public void setReadListener(ReadListener listener) {
        throw new UnsupportedOperationException("request bodies are read blocking");
    }

    @Override public void close() throws IOException {
        in.close();
    }
}
