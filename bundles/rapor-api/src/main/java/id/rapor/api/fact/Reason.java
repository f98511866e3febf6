package id.rapor.api.fact;

/**
 * One line of the explanation a rule gives for what it concluded. {@code subject} is an
 * aspect id, {@code "index"} or {@code "band"}; the engine orders lines by the questionnaire,
 * then the index, then the band.
 */
public final class Reason {
    private final String subject;
    private final String text;

    public Reason(String subject, String text) {
        this.subject = subject;
        this.text = text;
    }

    public String getSubject() { return subject; }
    public String getText() { return text; }
}
