package id.rapor.it;

/**
 * The rule change the tests make: PEKPPP band C starts at 2.98 instead of 2.51 (C- ends at
 * 2.97), so the README's example (2.97) moves from C to C-; the golden cases that expected C
 * below 2.98 must move with it, as policy staff would have to.
 */
final class BandC {
    private BandC() {}

    static String moveBands(String bandsCsv) {
        return bandsCsv.replace("C,Cukup,2.51,3.00", "C,Cukup,2.98,3.00")
                .replace("C-,Cukup dengan Catatan,2.01,2.50", "C-,Cukup dengan Catatan,2.01,2.97");
    }

    static String moveGoldenCases(String goldenCsv) {
        return goldenCsv.replace(",2.51,C,", ",2.51,C-,").replace(",2.96,C,", ",2.96,C-,").replace(",2.97,C,", ",2.97,C-,");
    }
}
