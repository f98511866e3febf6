package id.rapor.rules.pekppp;

/**
 * The nine PEKPPP bands, the same under PermenPANRB 17/2017 and 29/2022, as the regulation
 * prints them: the tests of both years pin common/pekppp-tables/methodology/bands.csv to these.
 */
public final class PekpppBands {
    public static final String[][] AS_PRINTED = {
        {"A", "Pelayanan Prima", "4.51", "5.00"}, {"A-", "Sangat Baik", "4.01", "4.50"},
        {"B", "Baik", "3.51", "4.00"}, {"B-", "Baik dengan Catatan", "3.01", "3.50"},
        {"C", "Cukup", "2.51", "3.00"}, {"C-", "Cukup dengan Catatan", "2.01", "2.50"},
        {"D", "Buruk", "1.51", "2.00"}, {"E", "Sangat Buruk", "1.01", "1.50"}, {"F", "Gagal", "0.00", "1.00"},
    };

    private PekpppBands() {}
}
