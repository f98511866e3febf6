package id.rapor.api.records;

import java.time.Instant;

/**
 * One entry of the records' audit trail: who changed what, when and from where.
 *
 * @param subject {@code unit:<id>} or {@code assessment:<id>}
 * @param action  e.g. {@code unit.create}, {@code assessment.finalize}, {@code evidence.attach}
 * @param detail  what changed, in words a reader of the trail understands (before -> after)
 */
public record RecordChange(long id, Instant time, String user, String address, String action, String subject, String detail) {}
