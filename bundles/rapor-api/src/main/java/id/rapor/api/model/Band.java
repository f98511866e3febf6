package id.rapor.api.model;

import java.math.BigDecimal;
import java.util.Objects;

/** A grade band: a closed interval of the rounded index, with its code and label. */
public final class Band {
    private final String code;
    private final String label;
    private final BigDecimal min;
    private final BigDecimal max;
    private final String zone;

    /** {@code zone} groups bands the way users read them (Ombudsman hijau/kuning/merah); may be null. */
    public Band(String code, String label, BigDecimal min, BigDecimal max, String zone) {
        this.code = Objects.requireNonNull(code, "code");
        this.label = Objects.requireNonNull(label, "label");
        this.min = Objects.requireNonNull(min, "min");
        this.max = Objects.requireNonNull(max, "max");
        this.zone = zone;
    }

    public String getCode() { return code; }
    public String getLabel() { return label; }
    public BigDecimal getMin() { return min; }
    public BigDecimal getMax() { return max; }
    public String getZone() { return zone; }

    public boolean contains(BigDecimal value) {
        return min.compareTo(value) <= 0 && max.compareTo(value) >= 0;
    }

    @Override public String toString() { return code + " " + min.toPlainString() + "–" + max.toPlainString(); }
}
