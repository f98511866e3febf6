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
 * not), at most {@link ApiServlet#MAX_BODY} bytes (413), and a body that stalls, trickles in
 * below Jetty's minimum data rate or is not in by its deadline ({@link RequestBodies}) ends as
 * {@link Interrupted}, which the servlet answers 408.
 */
public final class RequestBody {
    public static final String JSON = "application/json";

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

    /** The body, if its Content-Type is one of {@code accepted}. */
    public static InputStream open(HttpServletRequest request, String... accepted) throws IOException, HttpProblem {
        String type = mediaType(request);
        if (!List.of(accepted).contains(type)) {
            throw HttpProblem.of(415, "unsupported-media-type", Message.of("problem.unsupported-media-type.detail", accepted),
                    List.of(type.isEmpty() ? FieldError.of("Content-Type", "header.contentType.missing", accepted)
                            : FieldError.of("Content-Type", "header.contentType.refused", type, accepted)));
        }
        if (request.getContentLengthLong() > ApiServlet.MAX_BODY) throw new LimitedInputStream.TooLarge(ApiServlet.MAX_BODY);
        return new LimitedInputStream(new Reading(request.getInputStream()), ApiServlet.MAX_BODY);
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
