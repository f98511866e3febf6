package id.rapor.benchmarks;

/** One measured figure for the report: what, the value as measured, the target, and whether it is met. */
record Figure(String section, String name, String value, String target, Boolean met) {
    static Figure of(String section, String name, String value) {
        return new Figure(section, name, value, "", null);
    }

    static Figure against(String section, String name, double value, String unit, String target, boolean met) {
        return new Figure(section, name, format(value) + " " + unit, target, met);
    }

    /** A measured figure with no target: reported, not judged. */
    static Figure measured(String section, String name, double value, String unit) {
        return new Figure(section, name, format(value) + " " + unit, "", null);
    }

    static String format(double v) {
        if (v >= 1000) return String.format("%,.0f", v);
        if (v >= 10) return String.format("%.1f", v);
        return String.format("%.2f", v);
    }
}
