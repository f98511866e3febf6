package id.rapor.http.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The deadline of a request body, on a body that arrives when the test says, as a client sends it. */
public class DeadlineInputTest {
    private static final byte[] END = new byte[0];
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger ended = new AtomicInteger();

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    /** What Jetty's blocking read does: waits for the client's next bytes, and gives up with a failure when interrupted. */
    private static final class Arriving extends ServletInputStream {
        final BlockingQueue<byte[]> pieces = new LinkedBlockingQueue<>();
        private byte[] piece = new byte[0];
        private int at;

        @Override public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override public int read(byte[] buffer, int offset, int length) throws IOException {
            if (at == piece.length) {
                try {
                    piece = pieces.take();
                } catch (InterruptedException e) {
                    throw new InterruptedIOException("interrupted while waiting for the body");
                }
                at = 0;
                if (piece == END) return -1;
            }
            int n = Math.min(length, piece.length - at);
            System.arraycopy(piece, at, buffer, offset, n);
            at += n;
            return n;
        }

        @Override public boolean isFinished() { return piece == END; }
        @Override public boolean isReady() { return true; }
        @Override public void setReadListener(ReadListener listener) { throw new UnsupportedOperationException(); }
    }

    private DeadlineInput body(Arriving arriving) {
        return new DeadlineInput(arriving, id.rapor.api.text.Message.literal("not complete within 1 s"), ended::incrementAndGet);
    }

    @Test
    void aReadWaitingForTheBodyAtTheDeadlineIsWokenAnd408IsSaid() throws Exception {
        Arriving arriving = new Arriving();
        DeadlineInput body = body(arriving);
        arriving.pieces.add("{\"unit\":".getBytes(StandardCharsets.UTF_8));
        timer.schedule(body::expire, 300, TimeUnit.MILLISECONDS);
        byte[] buffer = new byte[100];
        assertEquals(8, body.read(buffer, 0, 100), "what arrived in time is read");
        long start = System.nanoTime();
        RequestBody.Interrupted late = assertThrows(RequestBody.Interrupted.class, () -> body.read(buffer, 0, 100),
                "the next bytes never come: the read waiting for them ends at the deadline");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms >= 200 && ms < 2_000, "woken at the deadline, after " + ms + " ms");
        assertTrue(late.tooSlow() && late.late(), "answered 408, saying the deadline passed");
        assertEquals("not complete within 1 s", late.getMessage());
        assertFalse(Thread.currentThread().isInterrupted(), "the interrupt ends with the read");
        arriving.pieces.add("\"Dinas A\"}".getBytes(StandardCharsets.UTF_8));
        assertThrows(RequestBody.Interrupted.class, () -> body.read(buffer, 0, 100), "nothing more is read, though bytes came");
        assertThrows(RequestBody.Interrupted.class, body::read);
    }

    @Test
    void aBodyInBeforeItsDeadlineIsReadWholeAndSaysWhenItEnds() throws Exception {
        Arriving arriving = new Arriving();
        DeadlineInput body = body(arriving);
        timer.schedule(body::expire, 2, TimeUnit.SECONDS);
        Thread client = new Thread(() -> {
            for (String piece : new String[] {"{\"unit\":", "\"Dinas A\",", "\"answers\":{}}"}) {
                arriving.pieces.add(piece.getBytes(StandardCharsets.UTF_8));
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
            arriving.pieces.add(END);
        });
        client.start();
        assertArrayEquals("{\"unit\":\"Dinas A\",\"answers\":{}}".getBytes(StandardCharsets.UTF_8), body.readAllBytes());
        assertEquals(1, ended.get(), "its end is said once it is read");
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    void aReadAfterTheDeadlineFailsAtOnceWithoutWaiting() {
        Arriving arriving = new Arriving();
        DeadlineInput body = body(arriving);
        body.expire();
        long start = System.nanoTime();
        assertThrows(RequestBody.Interrupted.class, () -> body.read(new byte[10], 0, 10));
        assertTrue(System.nanoTime() - start < 500_000_000L);
        assertFalse(Thread.currentThread().isInterrupted(), "a thread not reading is never interrupted");
    }

    @Test
    void theInterruptNeverOutlivesTheReadItWasFor() throws Exception {
        // The deadline racing reads that return at the same moment: whatever the order, the thread is left uninterrupted.
        for (int k = 0; k < 300; k++) {
            Arriving arriving = new Arriving();
            DeadlineInput body = body(arriving);
            arriving.pieces.add(new byte[] {'{'});
            timer.schedule(body::expire, k % 3, TimeUnit.MILLISECONDS);
            try {
                body.read(new byte[10], 0, 10);
                Thread.sleep(0, 1000 * (k % 5));
                body.read(new byte[10], 0, 10);
            } catch (RequestBody.Interrupted expected) {
                // the deadline came first
            }
            assertFalse(Thread.interrupted(), "left interrupted after try " + k);
        }
    }

    @Test
    void closingTheBodySaysItEnded() throws Exception {
        DeadlineInput body = body(new Arriving());
        body.close();
        assertEquals(1, ended.get());
    }
}
