package id.rapor.api.fact;

import id.rapor.api.model.Band;
import java.math.BigDecimal;

/** The band the rounded index falls in. */
public final class BandDecision {
    private final Band band;
    private final BigDecimal index;

    public BandDecision(Band band, BigDecimal index) {
        this.band = band;
        this.index = index;
    }

    public Band getBand() { return band; }
    public BigDecimal getIndex() { return index; }
}
