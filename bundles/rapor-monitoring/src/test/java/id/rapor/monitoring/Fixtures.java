package id.rapor.monitoring;

import id.rapor.api.model.Band;
import id.rapor.api.model.InputKind;
import id.rapor.api.model.Methodology;
import id.rapor.api.model.Scale;
import id.rapor.api.model.Years;
import id.rapor.api.records.AssessmentRole;
import id.rapor.api.records.AssessmentState;
import id.rapor.api.records.RoundScore;
import id.rapor.api.records.Unit;
import id.rapor.api.records.UnitKind;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Methodologies with the shipped bands, and units and scores as the records give them. */
final class Fixtures {
    private Fixtures() {}

    static Methodology pekppp2022() {
        return methodology("pekppp-2022", "pekppp", "2022.1.0", new Scale(d("0"), d("5"), 2), List.of(
                band("A", "Pelayanan Prima", "4.51", "5.00"), band("A-", "Sangat Baik", "4.01", "4.50"), band("B", "Baik", "3.51", "4.00"),
                band("B-", "Baik dengan Catatan", "3.01", "3.50"), band("C", "Cukup", "2.51", "3.00"),
                band("C-", "Cukup dengan Catatan", "2.01", "2.50"), band("D", "Buruk", "1.51", "2.00"), band("E", "Sangat Buruk", "1.01", "1.50"),
                band("F", "Gagal", "0.00", "1.00")));
    }

    static Methodology ombudsman2022() {
        return methodology("ombudsman-2022", "ombudsman", "2022.1.0", new Scale(d("0"), d("100"), 2), List.of(
                band("A", "Kualitas Tertinggi", "88.00", "100.00"), band("B", "Kualitas Tinggi", "78.00", "87.99"),
                band("C", "Kualitas Sedang", "54.00", "77.99"), band("D", "Kualitas Rendah", "32.00", "53.99"),
                band("E", "Kualitas Terendah", "0.00", "31.99")));
    }

    static Methodology ombudsman2021() {
        return methodology("ombudsman-2021", "ombudsman", "2021.1.0", new Scale(d("0"), d("100"), 2), List.of(
                band("Hijau", "Kepatuhan Tinggi", "81.00", "100.00"), band("Kuning", "Kepatuhan Sedang", "51.00", "80.99"),
                band("Merah", "Kepatuhan Rendah", "0.00", "50.99")));
    }

    private static Methodology methodology(String id, String family, String version, Scale scale, List<Band> bands) {
        return new Methodology(id, id, "-", family, new Years(2000, null), version, scale, List.of(), bands, List.of(), "mean",
                InputKind.ANSWERS, Map.of());
    }

    private static Band band(String code, String label, String min, String max) {
        return new Band(code, label, d(min), d(max), null);
    }

    static Unit region(String id, String parent) {
        return new Unit(id, id, UnitKind.REGION, parent, true);
    }

    static Unit office(String id, String parent) {
        return new Unit(id, id, UnitKind.OFFICE, parent, true);
    }

    static Unit serviceUnit(String id, String parent) {
        return new Unit(id, id, UnitKind.SERVICE_UNIT, parent, true);
    }

    private static long ids = 1;

    /** A final assessment of {@code unit}, stored as the records store it (trailing zeros stripped). */
    static RoundScore fin(String unit, int year, AssessmentRole role, Methodology m, String index, String band) {
        return score(unit, year, role, AssessmentState.FINAL, m, index, band);
    }

    static RoundScore score(String unit, int year, AssessmentRole role, AssessmentState state, Methodology m, String index, String band) {
        return new RoundScore(ids++, unit, year, role, state, m.getId(), m.getVersion(), null, d(index).stripTrailingZeros(), band,
                m.band(band) == null ? null : m.band(band).getLabel());
    }

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }
}
