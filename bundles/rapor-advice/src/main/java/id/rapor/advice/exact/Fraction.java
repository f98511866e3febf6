package id.rapor.advice.exact;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * An exact rational number. PEKPPP 2017 divides by 99.5, so its contributions do not terminate
 * as decimals: advice that must be exact (a band edge, parts that add up) computes in fractions
 * and rounds only where the regulation rounds.
 */
public final class Fraction implements Comparable<Fraction> {
    public static final Fraction ZERO = new Fraction(BigInteger.ZERO, BigInteger.ONE);

    private final BigInteger numerator;
    private final BigInteger denominator; // > 0, coprime with the numerator

    private Fraction(BigInteger numerator, BigInteger denominator) {
        this.numerator = numerator;
        this.denominator = denominator;
    }

    public static Fraction of(BigInteger numerator, BigInteger denominator) {
        if (denominator.signum() == 0) throw new ArithmeticException("division by zero");
        if (denominator.signum() < 0) {
            numerator = numerator.negate();
            denominator = denominator.negate();
        }
        BigInteger g = numerator.gcd(denominator);
        if (!g.equals(BigInteger.ONE) && g.signum() != 0) {
            numerator = numerator.divide(g);
            denominator = denominator.divide(g);
        }
        return new Fraction(numerator, denominator);
    }

    public static Fraction of(BigDecimal value) {
        return value.scale() <= 0 ? new Fraction(value.toBigIntegerExact(), BigInteger.ONE)
                : of(value.unscaledValue(), BigInteger.TEN.pow(value.scale()));
    }

    public BigInteger numerator() { return numerator; }
    public BigInteger denominator() { return denominator; }

    public Fraction add(Fraction o) {
        if (denominator.equals(o.denominator)) return of(numerator.add(o.numerator), denominator);
        return of(numerator.multiply(o.denominator).add(o.numerator.multiply(denominator)), denominator.multiply(o.denominator));
    }

    public Fraction subtract(Fraction o) { return add(o.negate()); }

    public Fraction negate() { return new Fraction(numerator.negate(), denominator); }

    public Fraction multiply(Fraction o) {
        return of(numerator.multiply(o.numerator), denominator.multiply(o.denominator));
    }

    public Fraction divide(Fraction o) {
        return of(numerator.multiply(o.denominator), denominator.multiply(o.numerator));
    }

    public int signum() { return numerator.signum(); }

    /** Rounded half-up to {@code decimals}, as the regulations round an index. */
    public BigDecimal round(int decimals) {
        BigInteger scaled = numerator.multiply(BigInteger.TEN.pow(decimals));
        BigInteger[] qr = scaled.divideAndRemainder(denominator);
        BigInteger q = qr[0];
        // Half-up, away from zero: |remainder| * 2 >= denominator.
        if (qr[1].abs().shiftLeft(1).compareTo(denominator) >= 0) q = q.add(BigInteger.valueOf(scaled.signum()));
        return new BigDecimal(q, decimals);
    }

    /** The exact decimal where it terminates, else 34 significant digits (as the rules' share() gives). */
    public BigDecimal toBigDecimal() {
        BigDecimal n = new BigDecimal(numerator);
        BigDecimal d = new BigDecimal(denominator);
        try {
            return n.divide(d);
        } catch (ArithmeticException nonTerminating) {
            return n.divide(d, MathContext.DECIMAL128);
        }
    }

    /** The least integer k with k >= this. */
    public BigInteger ceiling() {
        BigInteger[] qr = numerator.divideAndRemainder(denominator);
        return qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
    }

    @Override public int compareTo(Fraction o) {
        return numerator.multiply(o.denominator).compareTo(o.numerator.multiply(denominator));
    }

    @Override public boolean equals(Object o) {
        return o instanceof Fraction f && f.numerator.equals(numerator) && f.denominator.equals(denominator);
    }

    @Override public int hashCode() { return numerator.hashCode() * 31 + denominator.hashCode(); }

    @Override public String toString() { return numerator + "/" + denominator; }

    /** Half a unit of the last decimal: the distance below a band's minimum that still rounds up to it. */
    public static Fraction halfUnit(int decimals) {
        return of(BigInteger.ONE, BigInteger.TWO.multiply(BigInteger.TEN.pow(decimals)));
    }

}
