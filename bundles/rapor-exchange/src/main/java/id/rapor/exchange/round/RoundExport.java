package id.rapor.exchange.round;

import id.rapor.api.model.Methodology;
import id.rapor.api.records.AssessmentRecord;
import id.rapor.api.records.UnitKind;
import id.rapor.api.records.Unit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A round's assessments as the rows of its sheet ({@link RoundColumns}): for each unit of the
 * region in the tree's order, a row per role that entered an assessment (the latest of each role),
 * self before evaluator before verifier. An active office or service unit without any gets one
 * row with its unit and name only, so the sheet is also the form to fill in; regions do not.
 */
public final class RoundExport {
    /** An assessment of the round and the answers it was entered with. */
    public record Entry(AssessmentRecord assessment, Map<String, BigDecimal> answers) {}

    private RoundExport() {}

    /** @param byUnit each unit's latest assessment of each role, by unit id */
    public static List<List<Object>> rows(Methodology m, List<Unit> units, Map<String, List<Entry>> byUnit) {
        List<String> indicators = List.copyOf(m.getIndicators().keySet());
        List<List<Object>> rows = new ArrayList<>();
        for (Unit u : units) {
            List<Entry> entries = byUnit.getOrDefault(u.id(), List.of()).stream()
                    .sorted(Comparator.comparing((Entry e) -> e.assessment().role())).toList();
            if (entries.isEmpty() && u.active() && u.kind() != UnitKind.REGION) {
                List<Object> row = new ArrayList<>(RoundColumns.FIXED.size() + indicators.size());
                row.add(u.id());
                row.add(u.name());
                while (row.size() < RoundColumns.FIXED.size() + indicators.size()) row.add(null);
                rows.add(row);
            }
            for (Entry e : entries) {
                AssessmentRecord a = e.assessment();
                List<Object> row = new ArrayList<>(RoundColumns.FIXED.size() + indicators.size());
                row.add(u.id());
                row.add(u.name());
                row.add(a.role().wire());
                row.add(a.state().wire());
                row.add(BigDecimal.valueOf(a.id()));
                row.add(a.score().index());
                row.add(a.score().bandCode());
                row.add(a.comment());
                for (String i : indicators) row.add(e.answers().get(i));
                rows.add(row);
            }
        }
        return rows;
    }
}
