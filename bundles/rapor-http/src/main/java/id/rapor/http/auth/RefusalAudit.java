package id.rapor.http.auth;

import id.rapor.api.AuditTrail;
import id.rapor.api.model.AuditEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * Puts refused calls (401, 403) in the audit trail without letting clients fill it: each client
 * address (an IPv6 address by its /64, see {@link ClientAddress}) gets at most {@code perMinute}
 * entries a minute recorded one by one, and all addresses together at most {@code totalPerMinute};
 * otherwise the trail would grow with the number of addresses an attacker has. Further refusals
 * are only counted, and recorded as summary entries once their minute is over ("… and 4,321 more
 * refusals from 1.2.3.4"; beyond the total, one for all addresses) — at the next refusal from
 * anyone, when the trail is read, or when Rapor stops. So a minute adds at most about
 * {@code totalPerMinute} entries, {@code totalPerMinute / perMinute} summaries of single
 * addresses and one of all. Every refusal is still answered; only its record is summarised.
 * Changes (proposals, activations) never pass through here and are always recorded.
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
        /** In the window of all addresses: the addresses its unrecorded refusals came from. */
        final Set<String> from = new HashSet<>();

        Window(long start) { this.start = start; }

        int unrecordedTotal() { return unrecorded.values().stream().mapToInt(Integer::intValue).sum(); }
    }

    private final AuditTrail audit;
    private final LongSupplier clock;
    private final int perMinute;
    private final int totalPerMinute;
    private final Map<String, Window> windows = new HashMap<>();
    /** The current minute of all addresses together, or null. */
    private Window all;
    private long lastSweep;

    RefusalAudit(AuditTrail audit, LongSupplier clock, int perMinute, int totalPerMinute) {
        this.audit = audit;
        this.clock = clock;
        this.perMinute = perMinute;
        this.totalPerMinute = totalPerMinute;
    }

    void refused(AuditEntry entry) {
        List<AuditEntry> toRecord = new ArrayList<>(2);
        synchronized (this) {
            long now = clock.getAsLong();
            if (now - lastSweep >= 1000) sweep(now, toRecord);
            String key = entry.address() == null ? OTHER_ADDRESSES : ClientAddress.of(entry.address());
            if (!windows.containsKey(key) && windows.size() >= MAX_ADDRESSES) key = OTHER_ADDRESSES;
            Window w = windows.get(key);
            if (w != null && w.start + WINDOW_MILLIS <= now) {
                summarise(key, w, now, toRecord);
                w = null;
            }
            if (w == null) windows.put(key, w = new Window(now));
            if (all != null && all.start + WINDOW_MILLIS <= now) summariseAll(now, toRecord);
            if (all == null) all = new Window(now);
            if (w.recorded >= perMinute) {
                w.unrecorded.merge(entry.status(), 1, Integer::sum); // this address's share is used: its own summary
            } else if (all.recorded >= totalPerMinute) {
                all.unrecorded.merge(entry.status(), 1, Integer::sum); // everyone's is: one summary for all
                all.from.add(key);
            } else {
                w.recorded++;
                all.recorded++;
                toRecord.add(entry);
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
            if (all != null) summariseAll(now, toRecord);
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
        if (all != null && all.start + WINDOW_MILLIS <= now) summariseAll(now, toRecord);
    }

    /** Ends the minute of all addresses, with one entry for the refusals beyond its total, if there were any. */
    private void summariseAll(long now, List<AuditEntry> toRecord) {
        Window w = all;
        all = null;
        int total = w.unrecordedTotal();
        if (total == 0) return;
        String detail = String.format("… and %,d more refusals from %,d address%s in the minute from %s, not recorded one by one: "
                + "%,d were, from all addresses together (%s)", total, w.from.size(), w.from.size() == 1 ? "" : "es",
                Instant.ofEpochMilli(w.start), w.recorded, byStatus(w));
        toRecord.add(new AuditEntry(Instant.ofEpochMilli(now), null, null, null, SUMMARY_ACTION, null, null, mostFrequent(w), detail));
    }

    private static void summarise(String address, Window w, long now, List<AuditEntry> toRecord) {
        int total = w.unrecordedTotal();
        if (total == 0) return;
        String detail = String.format("… and %,d more refusals from %s in the minute from %s, not recorded one by one (%s)",
                total, address, Instant.ofEpochMilli(w.start), byStatus(w));
        toRecord.add(new AuditEntry(Instant.ofEpochMilli(now), null, OTHER_ADDRESSES.equals(address) ? null : address, null,
                SUMMARY_ACTION, null, null, mostFrequent(w), detail));
    }

    private static int mostFrequent(Window w) {
        return w.unrecorded.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    /** "401: 4,931, 403: 49" */
    private static String byStatus(Window w) {
        StringBuilder s = new StringBuilder();
        w.unrecorded.forEach((status, n) -> s.append(s.length() == 0 ? "" : ", ").append(status).append(": ").append(String.format("%,d", n)));
        return s.toString();
    }
}
