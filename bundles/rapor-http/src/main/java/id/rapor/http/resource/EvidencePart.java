package id.rapor.http.resource;

import id.rapor.api.FieldError;
import id.rapor.api.text.Message;
import id.rapor.http.json.HttpProblem;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.fileupload.FileItemIterator;
import org.apache.commons.fileupload.FileItemStream;
import org.apache.commons.fileupload.FileUpload;
import org.apache.commons.fileupload.FileUploadException;
import org.apache.commons.fileupload.UploadContext;

/**
 * The file of a {@code multipart/form-data} evidence upload: exactly one part, a file part (one
 * with a {@code filename}), read as it arrives and handed on as a stream, so it reaches the
 * evidence store as a raw body does — under the same size limit, its kind read from its content,
 * never buffered in the heap or in a temporary file of the container's (whose limits would be
 * fixed when the servlet registers, and whose files nothing would remove after a failure).
 * A body that is not exactly that one part is refused as {@link NotOnePart}: raised before a
 * byte is stored, or at the file's end when a second part follows, so that the store discards
 * what it received.
 */
final class EvidencePart {
    /** Room for the boundaries and the part's headers, beyond the file's own bytes, in a declared Content-Length. */
    static final long FRAMING = 64 * 1024;

    /** The part's file name as sent (the evidence's name unless ?name= gives one) and its content. */
    record File(String fileName, InputStream content) {}

    /** The body is not one file part; {@link #problem()} says why, naming the field. */
    static final class NotOnePart extends IOException {
        private static final long serialVersionUID = 1L;
        private final String key;

        NotOnePart(String key, Throwable cause) {
            super(key, cause);
            this.key = key;
        }

        HttpProblem problem() {
            return HttpProblem.of(400, "malformed-request", Message.of("problem.malformed-request.detail.multipart"),
                    List.of(FieldError.of("file", key)));
        }
    }

    private EvidencePart() {}

    /** The one file part of {@code body}, a multipart/form-data body of {@code contentType}. */
    static File of(String contentType, long contentLength, InputStream body) throws IOException, HttpProblem {
        FileUpload upload = new FileUpload();
        upload.setHeaderEncoding(StandardCharsets.UTF_8.name()); // a file name as browsers send it
        FileItemIterator parts;
        FileItemStream part;
        try {
            parts = upload.getItemIterator(new Context(contentType, contentLength, body));
            if (!parts.hasNext()) throw new NotOnePart("records.evidence.parts.none", null);
            part = parts.next();
        } catch (FileUploadException e) {
            throw new NotOnePart("records.evidence.parts.malformed", e);
        } catch (NotOnePart e) {
            throw e.problem();
        } catch (IOException e) {
            if (isMalformed(e)) throw new NotOnePart("records.evidence.parts.malformed", e).problem();
            throw e;
        }
        if (part.isFormField()) throw new NotOnePart("records.evidence.parts.notFile", null).problem();
        return new File(part.getName(), new OnlyPart(part.openStream(), parts));
    }

    /** commons-fileupload reports a broken body as an IOException of its own. */
    private static boolean isMalformed(IOException e) {
        return e.getClass().getName().startsWith("org.apache.commons.fileupload.");
    }

    /** The file part's content; at its end, refuses a body that holds another part after it. */
    private static final class OnlyPart extends FilterInputStream {
        private final FileItemIterator parts;
        private boolean ended;

        OnlyPart(InputStream content, FileItemIterator parts) {
            super(content);
            this.parts = parts;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = super.read(b, off, len);
            } catch (IOException e) {
                if (isMalformed(e)) throw new NotOnePart("records.evidence.parts.malformed", e);
                throw e;
            }
            if (n < 0 && !ended) {
                ended = true;
                try {
                    if (parts.hasNext()) throw new NotOnePart("records.evidence.parts.more", null);
                } catch (FileUploadException e) {
                    throw new NotOnePart("records.evidence.parts.malformed", e);
                }
            }
            return n;
        }
    }

    private record Context(String contentType, long contentLength, InputStream body) implements UploadContext {
        @Override public String getCharacterEncoding() { return null; }
        @Override public String getContentType() { return contentType; }
        @Override public int getContentLength() { return (int) Math.min(contentLength, Integer.MAX_VALUE); }
        @Override public long contentLength() { return contentLength; }
        @Override public InputStream getInputStream() { return body; }
    }
}
