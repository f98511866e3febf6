package id.rapor.http.api;

import id.rapor.api.text.Message;
import id.rapor.http.json.HttpProblem;

import id.rapor.api.FieldError;
import jakarta.servlet.http.HttpServletRequest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/**
 * A request body as the resources read it: of a media type the call accepts (415 otherwise —
 * a browser may send text/plain across sites without asking first, application/json it may
 * not), at most as many bytes as body.max.bytes allows (413), and a body that stalls, trickles in
 * below Jetty's minimum data rate or is not in by its deadline ({@link RequestBodies}) ends as
 * {@link Interrupted}, which the servlet answers 408.
 */
public final class RequestBody {
    public static final String JSON = "application/json";
    /** The most bytes a body may have unless body.max.bytes in etc/id.rapor.http.cfg says otherwise. */
    public static final int DEFAULT_MAX_BYTES = 1 << 20;

    private RequestBody() {}

    /** Thrown when the body could not be read to its end: it stalled, arrived too slowly, or the client gave up. */
    public static final class Interrupted extends IOException {
        private static final long serialVersionUID = 1L;
        private final boolean tooSlow;
        private final boolean late;
        private final transient Message message;

        Interrupted(Throwable cause, boolean tooSlow) {
            super(cause.getMessage(), cause);
            this.tooSlow = tooSlow;
            this.late = false;
            this.message = null;
        }

        /** The body was not complete by its deadline; {@code message} says so to the client. */
        Interrupted(Message message) {
            super(message.toString());
            this.tooSlow = true;
            this.late = true;
            this.message = message;
        }

        /** What the client is told of a late body. */
        public Message message() { return message; }

        /** The body stopped arriving for the idle timeout, came in below the minimum data rate, or was not in by its deadline. */
        public boolean tooSlow() { return tooSlow; }

        /** The body was still arriving at its deadline. */
        public boolean late() { return late; }
    }

    /** The body, if its Content-Type is one of {@code accepted}; reading more than {@code maxBytes} of it throws {@link LimitedInputStream.TooLarge}. */
    public static InputStream open(HttpServletRequest request, long maxBytes, String... accepted) throws IOException, HttpProblem {
        String type = mediaType(request);
        if (!List.of(accepted).contains(type)) {
            throw HttpProblem.of(415, "unsupported-media-type", Message.of("problem.unsupported-media-type.detail", accepted),
                    List.of(type.isEmpty() ? FieldError.of("Content-Type", "header.contentType.missing", accepted)
                            : FieldError.of("Content-Type", "header.contentType.refused", type, accepted)));
        }
        if (request.getContentLengthLong() > maxBytes) throw new LimitedInputStream.TooLarge(maxBytes);
        return new LimitedInputStream(new Reading(request.getInputStream()), maxBytes);
    }

    /**
     * The body as it comes, of any media type and under no length limit of its own: for a call
     * that reads it to its end under its own limit (evidence, streamed to disk). A body that
     * stalls or trickles still ends as {@link Interrupted}.
     */
    public static InputStream stream(HttpServletRequest request) throws IOException {
        return new Reading(request.getInputStream());
    }

    /** 413 body-too-large for a body over {@code maxBytes}, naming the limit. */
    public static HttpProblem tooLarge(long maxBytes) {
        String unit = unit(maxBytes);
        return HttpProblem.of(413, "body-too-large", unit == null ? Message.of("problem.body-too-large.detail.bytes", maxBytes)
                : Message.of("problem.body-too-large.detail", maxBytes, unit), List.of());
    }

    /** "1 MiB" or "64 KiB" when the limit is a whole number of them, else null (the bytes say it). */
    static String unit(long bytes) {
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) return (bytes >> 20) + " MiB";
        if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) return (bytes >> 10) + " KiB";
        return null;
    }

    /** The media type of the body, lower case without parameters ("application/json"), or "" if none was declared. */
    public static String mediaType(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) return "";
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /** Turns the container's read failures into {@link Interrupted}. */
    private static final class Reading extends FilterInputStream {
        Reading(InputStream in) {
            super(in);
        }

        @Override public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException | RuntimeException e) {
                throw interrupted(e);
            }
        }

        @Override public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            } catch (IOException | RuntimeException e) {
                throw interrupted(e);
            }
        }

        private static Interrupted interrupted(Exception e) {
            if (e instanceof Interrupted i) return i; // the deadline's, already said
            return new Interrupted(e, ContainerFailures.clientStatus(e) == 408);
        }
    }
}
