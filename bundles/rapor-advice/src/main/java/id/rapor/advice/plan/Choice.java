package id.rapor.advice.plan;

import id.rapor.advice.exact.Fraction;
import java.math.BigDecimal;

/** Raising one indicator to the answer {@code to}: {@code levels} steps, costing {@code cost}, adding {@code gain} to the index. */
public record Choice(BigDecimal to, int levels, BigDecimal cost, Fraction gain, String descriptor) {}
