package id.rapor.api.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A group of indicators (an aspect of PEKPPP, a dimension of the Ombudsman's assessment); its
 * weight is a percentage of the index. Its score is the weighted mean of its indicators' answers.
 */
public final class Aspect {
    private final String id;
    private final String name;
    private final BigDecimal weight;
    private final BigDecimal indicatorTotal;
    private final List<Indicator> indicators;

    public Aspect(String id, String name, BigDecimal weight, BigDecimal indicatorTotal, List<Indicator> indicators) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = Objects.requireNonNull(name, "name");
        this.weight = Objects.requireNonNull(weight, "weight");
        this.indicatorTotal = Objects.requireNonNull(indicatorTotal, "indicatorTotal");
        this.indicators = List.copyOf(indicators);
    }

    public String getId() { return id; }
    public String getName() { return name; }
    public BigDecimal getWeight() { return weight; }
    public List<Indicator> getIndicators() { return indicators; }

    /**
     * What this aspect's indicator weights add up to, and so what the weighted sum is divided
     * by: 100 where the regulation prints percentages that add up; otherwise the printed total
     * (PEKPPP 2017 prints weights that add up to 99.5), or the count of equally weighted ones.
     */
    public BigDecimal getIndicatorTotal() { return indicatorTotal; }

    @Override public String toString() { return id; }
}
