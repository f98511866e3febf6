package id.rapor.api.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A question of the instrument. Its weight is a percentage of its aspect, as the regulation
 * prints it. An indicator with weight 0 is information only and may be left unanswered.
 * Getters (not record accessors) because rule files read these objects.
 */
public final class Indicator {
    private final String id;
    private final String code;
    private final String name;
    private final String aspectId;
    private final BigDecimal weight;
    private final List<AnswerOption> options;
    private final AnswerRange range;

    /** An indicator answered with one of {@code options}, or with any number in {@code range} if that is not null. */
    public Indicator(String id, String code, String name, String aspectId, BigDecimal weight,
                     List<AnswerOption> options, AnswerRange range) {
        this.id = Objects.requireNonNull(id, "id");
        this.code = Objects.requireNonNull(code, "code");
        this.name = Objects.requireNonNull(name, "name");
        this.aspectId = Objects.requireNonNull(aspectId, "aspectId");
        this.weight = Objects.requireNonNull(weight, "weight");
        this.options = List.copyOf(options);
        this.range = range;
    }

    public String getId() { return id; }
    public String getCode() { return code; }
    public String getName() { return name; }
    public String getAspectId() { return aspectId; }
    public BigDecimal getWeight() { return weight; }
    public List<AnswerOption> getOptions() { return options; }

    /** For indicators answered with a number (an Ombudsman achievement of 0–100), else null. */
    public AnswerRange getRange() { return range; }

    /** Whether {@code value} is an allowed answer: one of the options, or inside the range. */
    public boolean accepts(BigDecimal value) {
        return range != null ? range.contains(value) : option(value) != null;
    }

    /** Information-only indicators carry no weight and need no answer. */
    public boolean isRequired() { return weight.signum() > 0; }

    /** The option whose value equals {@code value} numerically (so 3 and 3.0 are the same), or null. */
    public AnswerOption option(BigDecimal value) {
        for (AnswerOption o : options) {
            if (o.value().compareTo(value) == 0) return o;
        }
        return null;
    }

    @Override public String toString() { return id + " (" + code + ")"; }
}
