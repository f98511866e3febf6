package id.rapor.http.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.rapor.api.AuditTrail;
import id.rapor.api.model.AuditEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

public class RefusalAuditTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final List<AuditEntry> trail = new ArrayList<>();
    private final AuditTrail fake = new AuditTrail() {
        @Override public void record(AuditEntry entry) { trail.add(entry); }
        @Override public List<AuditEntry> page(String methodology, Long before, int limit) { return trail; }
    };
    private final RefusalAudit refusals = new RefusalAudit(fake, now::get, 20, 200);

    private static AuditEntry refusal(String address, int status) {
        return new AuditEntry(Instant.EPOCH, null, address, "r", "revision.propose", "pekppp-2022", null, status, "refused");
    }

    @Test
    void anAddressGetsTwentyEntriesAMinuteAndOneSummaryOfTheRest() {
        for (int k = 0; k < 5_000; k++) {
            refusals.refused(refusal("1.2.3.4", k % 100 == 0 ? 403 : 401));
            now.addAndGet(10); // 5,000 refusals in 50 s
        }
        assertEquals(20, trail.size(), "only the first twenty of the minute one by one");
        now.addAndGet(10_000);
        refusals.refused(refusal("1.2.3.4", 401)); // the next minute's first
        assertEquals(22, trail.size());
        AuditEntry summary = trail.get(20);
        assertEquals(RefusalAudit.SUMMARY_ACTION, summary.action());
        assertEquals("1.2.3.4", summary.address());
        assertEquals(401, summary.status(), "the most frequent refusal");
        assertTrue(summary.detail().startsWith("… and 4,980 more refusals from 1.2.3.4 in the minute from "), summary.detail());
        assertTrue(summary.detail().endsWith("(401: 4,931, 403: 49)"), summary.detail());
        assertEquals("revision.propose", trail.get(21).action(), "then the new minute's refusal itself");
    }

    @Test
    void addressesAreCountedApart() {
        for (int k = 0; k < 30; k++) refusals.refused(refusal("1.2.3.4", 401));
        for (int k = 0; k < 5; k++) refusals.refused(refusal("5.6.7.8", 401));
        assertEquals(25, trail.size(), "twenty from the first, all five from the second");
    }

    @Test
    void aMinuteThatIsOverIsSummarisedAtTheNextRefusalFromAnyoneOrWhenTheTrailIsRead() {
        for (int k = 0; k < 25; k++) refusals.refused(refusal("1.2.3.4", 401));
        now.addAndGet(61_000);
        refusals.refused(refusal("5.6.7.8", 401));
        assertEquals(22, trail.size());
        assertEquals("1.2.3.4", trail.get(20).address());
        assertTrue(trail.get(20).detail().contains("5 more refusals"), trail.get(20).detail());

        for (int k = 0; k < 30; k++) refusals.refused(refusal("5.6.7.8", 401));
        now.addAndGet(61_000);
        refusals.settle();
        assertEquals(RefusalAudit.SUMMARY_ACTION, trail.get(trail.size() - 1).action());
        assertTrue(trail.get(trail.size() - 1).detail().contains("11 more refusals from 5.6.7.8"), trail.get(trail.size() - 1).detail());
    }

    @Test
    void stoppingRecordsWhatWasCountedButNotYetSummarised() {
        for (int k = 0; k < 23; k++) refusals.refused(refusal("1.2.3.4", 403));
        refusals.close();
        assertEquals(21, trail.size());
        assertEquals(403, trail.get(20).status());
        refusals.close();
        assertEquals(21, trail.size(), "nothing twice");
    }

    private static String address(int k) {
        return "10." + (k >> 16) + "." + ((k >> 8) & 255) + "." + (k & 255);
    }

    @Test
    void thirtyAddressesGetTwoHundredEntriesAMinuteInAllNotTwentyEach() {
        // The review: 750 refusals from 30 addresses added 600 synced lines (20 each); with 10,000 addresses
        // that is 200,000 a minute.
        for (int a = 0; a < 30; a++) {
            for (int k = 0; k < 25; k++) refusals.refused(refusal(address(a), 401));
        }
        assertEquals(200, trail.size(), "two hundred one by one, from the first ten addresses");
        now.addAndGet(60_000);
        refusals.settle();
        List<AuditEntry> summaries = trail.subList(200, trail.size());
        assertEquals(11, summaries.size(), "then a summary for each address over its own twenty, and one for all: " + summaries);
        for (AuditEntry s : summaries) assertEquals(RefusalAudit.SUMMARY_ACTION, s.action());
        AuditEntry all = summaries.get(summaries.size() - 1);
        assertNull(all.address());
        assertTrue(all.detail().startsWith("… and 500 more refusals from 20 addresses in the minute from "), all.detail());
        assertTrue(all.detail().endsWith("200 were, from all addresses together (401: 500)"), all.detail());
    }

    @Test
    void tenThousandAddressesAddAboutTwoHundredLinesAMinute() {
        for (int minute = 0; minute < 3; minute++) {
            int before = trail.size();
            for (int a = 0; a < RefusalAudit.MAX_ADDRESSES; a++) {
                for (int k = 0; k < 25; k++) refusals.refused(refusal(address(a), 401));
            }
            now.addAndGet(60_000);
            refusals.settle();
            assertEquals(200 + 10 + 1, trail.size() - before, "250,000 refusals in minute " + minute);
        }
    }

    @Test
    void anIpv6ClientIsCountedByItsSlash64() {
        for (int k = 0; k < 25; k++) refusals.refused(refusal("[2001:db8:0:1::" + Integer.toHexString(k + 1) + "]", 401));
        assertEquals(20, trail.size(), "one client, however many of its /64's addresses it uses");
        assertEquals("[2001:db8:0:1::1]", trail.get(0).address(), "an entry recorded one by one keeps the address itself");
        for (int k = 0; k < 5; k++) refusals.refused(refusal("[2001:db8:0:2::1]", 401));
        assertEquals(25, trail.size(), "the next /64 is another client");
        refusals.close();
        AuditEntry summary = trail.get(25);
        assertEquals("2001:db8:0:1::/64", summary.address());
        assertTrue(summary.detail().contains("5 more refusals from 2001:db8:0:1::/64"), summary.detail());
    }

    @Test
    void manyAddressesShareOneWindowBeyondTheTrackedNumber() {
        RefusalAudit refusals = new RefusalAudit(fake, now::get, 20, Integer.MAX_VALUE);
        for (int k = 0; k < RefusalAudit.MAX_ADDRESSES + 100; k++) refusals.refused(refusal(address(k), 401));
        assertEquals(RefusalAudit.MAX_ADDRESSES + 20, trail.size(), "then twenty for all the others together");
        refusals.close();
        AuditEntry summary = trail.get(trail.size() - 1);
        assertNull(summary.address());
        assertTrue(summary.detail().contains("80 more refusals from (other addresses)"), summary.detail());
    }
}
