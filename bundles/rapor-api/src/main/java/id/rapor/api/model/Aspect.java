package id.rapor.api.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/** A group of indicators; its weight is a percentage of the index. */
public final class Aspect {
    private final String id;
    private final String name;
    private final BigDecimal weight;
    private final List<Indicator> indicators;

    public Aspect(String id, String name, BigDecimal weight, List<Indicator> indicators) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = Objects.requireNonNull(name, "name");
        this.weight = Objects.requireNonNull(weight, "weight");
        this.indicators = List.copyOf(indicators);
    }

    public String getId() { return id; }
    public String getName() { return name; }
    public BigDecimal getWeight() { return weight; }
    public List<Indicator> getIndicators() { return indicators; }

    @Override public String toString() { return id; }
}
