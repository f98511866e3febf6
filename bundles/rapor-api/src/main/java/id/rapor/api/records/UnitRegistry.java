package id.rapor.api.records;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** The tree of regions, offices and service units. Every change is audited. */
@ProviderType
public interface UnitRegistry {

    /** Adds a unit; its parent must exist (and be active), its id must be new. */
    Unit create(Unit unit, Actor actor) throws RecordException;

    /** Changes a unit's name, kind, parent or whether it is active; its id never changes. */
    Unit update(Unit unit, Actor actor) throws RecordException;

    Optional<Unit> find(String id);

    /** {@code region} and every unit below it, parents before children, by id within a level. */
    List<Unit> subtree(String region) throws RecordException;

    /** Every top unit (no parent). */
    List<Unit> roots();

    /**
     * Adds or changes many units at once, parents before children as listed: all of them, or,
     * if one is refused, none (the exception names it by its position, from 1).
     */
    List<Unit> importUnits(List<Unit> units, Actor actor) throws RecordException;
}
