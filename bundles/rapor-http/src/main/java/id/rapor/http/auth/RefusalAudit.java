package id.rapor.http.auth;

import id.rapor.api.AuditTrail;
import id.rapor.api.model.AuditEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * Puts refused calls (401, 403) in the audit trail without letting one client fill it: each
 * address gets at most {@code perMinute} entries a minute recorded one by one; further refusals
 * in that minute are only counted, and the count is recorded as one summary entry ("… and 4,321
 * more refusals from 1.2.3.4") once the minute is over — at the next refusal from anyone, when
 * the trail is read, or when Rapor stops. Every refusal is still answered; only its record is
 * summarised. Changes (proposals, activations) never pass through here and are always recorded.
 */
public final class RefusalAudit {
    static final long WINDOW_MILLIS = 60_000;
    /** Addresses tracked at once; refusals from further addresses share one window. */
    static final int MAX_ADDRESSES = 10_000;
    static final String OTHER_ADDRESSES = "(other addresses)";
    static final String SUMMARY_ACTION = "refusal.summary";

    private static final class Window {
        final long start;
        int recorded;
        final Map<Integer, Integer> unrecorded = new TreeMap<>(); // status -> count

        Window(long start) { this.start = start; }

        int unrecordedTotal() { return unrecorded.values().stream().mapToInt(Integer::intValue).sum(); }
    }

    private final AuditTrail audit;
    private final LongSupplier clock;
    private final int perMinute;
    private final Map<String, Window> windows = new HashMap<>();
    private long lastSweep;

    RefusalAudit(AuditTrail audit, LongSupplier clock, int perMinute) {
        this.audit = audit;
        this.clock = clock;
        this.perMinute = perMinute;
    }

    void refused(AuditEntry entry) {
        List<AuditEntry> toRecord = new ArrayList<>(2);
        synchronized (this) {
            long now = clock.getAsLong();
            if (now - lastSweep >= 1000) sweep(now, toRecord);
            String key = entry.address() == null ? OTHER_ADDRESSES : entry.address();
            if (!windows.containsKey(key) && windows.size() >= MAX_ADDRESSES) key = OTHER_ADDRESSES;
            Window w = windows.get(key);
            if (w != null && w.start + WINDOW_MILLIS <= now) {
                summarise(key, w, now, toRecord);
                w = null;
            }
            if (w == null) windows.put(key, w = new Window(now));
            if (w.recorded < perMinute) {
                w.recorded++;
                toRecord.add(entry);
            } else {
                w.unrecorded.merge(entry.status(), 1, Integer::sum);
            }
        }
        // Outside the lock: the trail forces each line to disk.
        toRecord.forEach(audit::record);
    }

    /** Records the summary of every minute that is over; the trail is about to be read. */
    void settle() {
        List<AuditEntry> toRecord = new ArrayList<>();
        synchronized (this) {
            sweep(clock.getAsLong(), toRecord);
        }
        toRecord.forEach(audit::record);
    }

    /** Records what was counted but not yet summarised, minute over or not: Rapor is stopping. */
    void close() {
        List<AuditEntry> toRecord = new ArrayList<>();
        synchronized (this) {
            long now = clock.getAsLong();
            windows.forEach((address, w) -> summarise(address, w, now, toRecord));
            windows.clear();
        }
        toRecord.forEach(audit::record);
    }

    private void sweep(long now, List<AuditEntry> toRecord) {
        lastSweep = now;
        var it = windows.entrySet().iterator();
        while (it.hasNext()) {
            var e = it.next();
            if (e.getValue().start + WINDOW_MILLIS <= now) {
                summarise(e.getKey(), e.getValue(), now, toRecord);
                it.remove();
            }
        }
    }

    private static void summarise(String address, Window w, long now, List<AuditEntry> toRecord) {
        int total = w.unrecordedTotal();
        if (total == 0) return;
        int status = w.unrecorded.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        StringBuilder byStatus = new StringBuilder();
        w.unrecorded.forEach((s, n) -> byStatus.append(byStatus.length() == 0 ? "" : ", ").append(s).append(": ").append(String.format("%,d", n)));
        String detail = String.format("… and %,d more refusals from %s in the minute from %s, not recorded one by one (%s)",
                total, address, Instant.ofEpochMilli(w.start), byStatus);
        toRecord.add(new AuditEntry(Instant.ofEpochMilli(now), null, OTHER_ADDRESSES.equals(address) ? null : address, null,
                SUMMARY_ACTION, null, null, status, detail));
    }
}
