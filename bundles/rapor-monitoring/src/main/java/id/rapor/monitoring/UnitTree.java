package id.rapor.monitoring;

import id.rapor.api.records.Unit;
import id.rapor.api.records.UnitKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A region's tree as the monitoring reads it. The units that are assessed are the offices and
 * service units at its bottom: those with no office or service unit below them (an office with
 * service units is assessed through them; a region is never assessed itself). Each of them lies
 * in at most one region right below the top one, which is what a province's view rolls up by.
 */
final class UnitTree {
    private final Unit top;
    private final List<Unit> assessed;
    private final List<Unit> regionsBelow;
    private final Map<String, String> regionOf = new HashMap<>();

    private UnitTree(Unit top, List<Unit> assessed, List<Unit> regionsBelow) {
        this.top = top;
        this.assessed = assessed;
        this.regionsBelow = regionsBelow;
    }

    /** {@code subtree}: the top unit first, then every unit below it (as {@code UnitRegistry.subtree} lists them). */
    static UnitTree of(List<Unit> subtree) {
        Unit top = subtree.get(0);
        Set<String> withUnitsBelow = new HashSet<>();
        Map<String, Unit> byId = new HashMap<>();
        for (Unit u : subtree) {
            byId.put(u.id(), u);
            if (u.kind() != UnitKind.REGION && u.parent() != null) withUnitsBelow.add(u.parent());
        }
        List<Unit> assessed = new ArrayList<>();
        List<Unit> regionsBelow = new ArrayList<>();
        for (Unit u : subtree) {
            if (u.kind() != UnitKind.REGION && !withUnitsBelow.contains(u.id())) assessed.add(u);
            if (u.kind() == UnitKind.REGION && top.id().equals(u.parent())) regionsBelow.add(u);
        }
        assessed.sort(Comparator.comparing(Unit::id));
        regionsBelow.sort(Comparator.comparing(Unit::id));
        UnitTree tree = new UnitTree(top, List.copyOf(assessed), List.copyOf(regionsBelow));
        for (Unit u : assessed) tree.regionOf.put(u.id(), regionBelow(u, top.id(), byId));
        return tree;
    }

    /** The region right below the top that {@code u} lies in, or null when it lies directly in the top one. */
    private static String regionBelow(Unit u, String top, Map<String, Unit> byId) {
        Unit at = u;
        while (at != null && at.parent() != null && !at.parent().equals(top)) at = byId.get(at.parent());
        return at != null && at != u && at.kind() == UnitKind.REGION ? at.id() : null;
    }

    Unit top() { return top; }

    /** The offices and service units at the bottom of the tree, by id, active or not. */
    List<Unit> assessed() { return assessed; }

    /** The regions right below the top one, by id. */
    List<Unit> regionsBelow() { return regionsBelow; }

    String regionOf(String unitId) { return regionOf.get(unitId); }

    /** Whether the top unit is itself assessed (an office or service unit with none below it): its history is its own scores. */
    boolean topIsAssessed() {
        return assessed.size() == 1 && assessed.get(0).id().equals(top.id());
    }
}
