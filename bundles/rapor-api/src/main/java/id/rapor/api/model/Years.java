package id.rapor.api.model;

/** The assessment years a methodology applies to: {@code from} to {@code to} inclusive; {@code to} null means "until replaced". */
public record Years(int from, Integer to) {
    public boolean contains(int year) {
        return year >= from && (to == null || year <= to);
    }

    @Override public String toString() {
        return from + "–" + (to == null ? "" : to.toString());
    }
}
