package id.rapor.records.unit;

import id.rapor.api.text.Message;
import id.rapor.api.records.RecordConflictException;
import id.rapor.api.records.Unit;
import id.rapor.api.records.UnitKind;
import java.util.regex.Pattern;

/**
 * What makes a unit well-formed and well-placed: an id that is a slug (it appears in paths and
 * files), a name, and a parent of the right kind — a region stands alone or under a region, an
 * office under a region, a service unit under an office or a region.
 */
final class UnitRules {
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
    static final int MAX_NAME = 300;

    private UnitRules() {}

    static void checkFields(Unit u) throws RecordConflictException {
        if (!ID.matcher(u.id()).matches()) {
            throw new RecordConflictException("invalid-unit", "id",
                    Message.of("records.unit.badId", u.id()));
        }
        if (u.name().isBlank() || u.name().length() > MAX_NAME) {
            throw new RecordConflictException("invalid-unit", "name", Message.of("records.unit.badName", MAX_NAME));
        }
        if (u.parent() == null && u.kind() != UnitKind.REGION) {
            throw new RecordConflictException("invalid-unit", "parent", Message.of("records.unit.needsParent", u.kind().wire()));
        }
        if (u.id().equals(u.parent())) {
            throw new RecordConflictException("invalid-unit", "parent", Message.of("records.unit.ownParent"));
        }
    }

    static void checkParent(Unit child, Unit parent) throws RecordConflictException {
        boolean fits = switch (child.kind()) {
            case REGION, OFFICE -> parent.kind() == UnitKind.REGION;
            case SERVICE_UNIT -> parent.kind() != UnitKind.SERVICE_UNIT;
        };
        if (!fits) {
            throw new RecordConflictException("invalid-unit", "parent",
                    Message.of("records.unit.wrongParent", child.kind().wire(), parent.kind().wire(), parent.id()));
        }
        if (!parent.active() && child.active()) {
            throw new RecordConflictException("inactive-parent", "parent", Message.of("records.unit.inactive", parent.id()));
        }
    }
}
