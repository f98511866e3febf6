package id.rapor.http.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A small body taken whole, from a container that hands it over in pieces and, like Jetty with a
 * minimum data rate, refuses a read once too long has passed since the first: here, any read
 * after the reader has had time to do something else.
 */
public class WholeBodyTest {
    /** The container's side: pieces as they came off the network; a read after the reader stopped reading fails. */
    private static final class Container extends ServletInputStream {
        final List<byte[]> pieces = new ArrayList<>();
        boolean readerBusyElsewhere;
        boolean failWhenOut;
        int reads;

        Container(String... pieces) {
            for (String p : pieces) this.pieces.add(p.getBytes(StandardCharsets.UTF_8));
        }

        @Override public int read() {
            throw new AssertionError("read byte by byte");
        }

        @Override public int read(byte[] buffer, int offset, int length) throws IOException {
            reads++;
            if (readerBusyElsewhere) throw new IOException("408: Request content data rate < 2048 B/s");
            if (pieces.isEmpty()) {
                if (failWhenOut) throw new IOException("408: Request content data rate < 2048 B/s");
                return -1;
            }
            byte[] piece = pieces.remove(0);
            if (piece.length > length) throw new AssertionError("a piece larger than asked for");
            System.arraycopy(piece, 0, buffer, offset, piece.length);
            return piece.length;
        }

        @Override public boolean isFinished() { return pieces.isEmpty(); }
        @Override public boolean isReady() { return true; }
        @Override public void setReadListener(ReadListener listener) { throw new UnsupportedOperationException(); }
    }

    @Test
    void theWholeBodyIsTakenAtTheFirstReadAndNoReadIsMadePastItsDeclaredLength() throws Exception {
        Container container = new Container("{\"comment\":", "\"x\"}");
        ServletInputStream body = WholeBody.of(container, 15);
        assertEquals('{', body.read());
        assertEquals(2, container.reads, "both pieces taken, one read each, and nothing more asked for");
        container.readerBusyElsewhere = true; // the API parses, or waits for a core: none of it is the client's
        byte[] rest = new byte[100];
        assertEquals(14, body.read(rest, 0, 100));
        assertEquals("\"comment\":\"x\"}", new String(rest, 0, 14, StandardCharsets.UTF_8));
        assertEquals(-1, body.read(rest, 0, 100));
        assertEquals(-1, body.read());
        assertTrue(body.isFinished());
        assertEquals(2, container.reads, "the end is known from the length, not asked of the container");
    }

    @Test
    void aBodyThatStopsOrTricklesWhileBeingTakenFailsTheReadAsBefore() throws Exception {
        Container container = new Container("{\"a\":");
        container.failWhenOut = true; // 5 of the 10 bytes came; the container gives up on the rest (idle timeout, rate)
        ServletInputStream body = WholeBody.of(container, 10);
        assertEquals(0, body.available(), "nothing is taken before the first read");
        IOException slow = assertThrows(IOException.class, body::read);
        assertTrue(slow.getMessage().contains("408"), slow.getMessage());
        assertFalse(body.isFinished());
    }

    @Test
    void largerBodiesAndBodiesOfUnknownLengthAreStreamedAsTheyCome() {
        Container container = new Container();
        assertSame(container, WholeBody.of(container, WholeBody.MAX + 1));
        assertSame(container, WholeBody.of(container, -1), "chunked: the end is known only by reading it");
        assertSame(container, WholeBody.of(container, 0));
    }
}
