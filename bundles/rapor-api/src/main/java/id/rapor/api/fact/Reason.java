package id.rapor.api.fact;

import id.rapor.api.text.Message;

/**
 * One line of the explanation a rule gives for what it concluded, as a catalog key and its
 * arguments, said in the reader's language when the answer is written (see
 * {@code id/rapor/api/text/messages_*.properties}). {@code subject} is an aspect id,
 * {@code "index"} or {@code "band"}; the engine orders lines by the questionnaire, then the
 * index, then the band.
 */
public final class Reason {
    private final String subject;
    private final Message message;

    public Reason(String subject, String key, Object... args) {
        this.subject = subject;
        this.message = Message.of(key, args);
    }

    public String getSubject() { return subject; }
    public Message getMessage() { return message; }
}
