package id.rapor.http.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body but refuses to read past a limit, whether or not the client declared a length. */
public final class LimitedInputStream extends FilterInputStream {

    /** Thrown when the body is longer than the limit; the servlet answers 413. */
    public static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
        private final long limit;

        TooLarge(long limit) {
            super("the body is larger than " + limit + " bytes");
            this.limit = limit;
        }

        /** The most bytes the body could have had. */
        public long limit() { return limit; }
    }

    private final long limit;
    private long read;

    public LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override public int read() throws IOException {
        int b = super.read();
        if (b >= 0) count(1);
        return b;
    }

    @Override public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) count(n);
        return n;
    }

    private void count(int n) throws TooLarge {
        read += n;
        if (read > limit) throw new TooLarge(limit);
    }
}
