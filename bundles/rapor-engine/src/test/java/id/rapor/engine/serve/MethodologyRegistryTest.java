package id.rapor.engine.serve;

import id.rapor.engine.compile.Compilation;
import id.rapor.engine.testing.ToyBundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import id.rapor.api.model.Deployment;
import id.rapor.api.model.DeploymentState;
import id.rapor.api.model.RuleError;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Which version serves: the highest accepted one, and a rejected update never replaces working rules. */
public class MethodologyRegistryTest {
    private static Compilation v1;
    private static Compilation v2;

    @BeforeAll
    static void compile() throws Exception {
        v1 = new ToyBundle().compile("2024.1.0");
        v2 = new ToyBundle().compile("2024.2.0");
    }

    private static Compilation rejected(String version) {
        return new Compilation("toy", version, null, List.of(new RuleError("methodology/bands.csv", 3, 0, "gap")));
    }

    @Test
    void theHighestAcceptedVersionServesAndRemovalFallsBack() {
        MethodologyRegistry r = new MethodologyRegistry();
        r.record(1, "rules.toy", v1);
        r.record(2, "rules.toy", v2);
        assertSame(v2.compiled(), r.served("toy"));
        assertEquals(List.of(DeploymentState.STANDBY, DeploymentState.ACTIVE), r.deployments().stream().map(Deployment::state).toList());
        r.remove(2);
        assertSame(v1.compiled(), r.served("toy"));
        r.remove(1);
        assertNull(r.served("toy"));
    }

    @Test
    void aRejectedHigherVersionDoesNotServe() {
        MethodologyRegistry r = new MethodologyRegistry();
        r.record(1, "rules.toy", v1);
        r.record(2, "rules.toy", rejected("2024.9.0"));
        assertSame(v1.compiled(), r.served("toy"));
        Deployment bad = r.deployments().get(1);
        assertEquals(DeploymentState.REJECTED, bad.state());
        assertNull(bad.servedVersion());
        assertEquals("gap", bad.errors().get(0).message());
    }

    @Test
    void aRejectedUpdateOfTheServingBundleKeepsItsLastGoodContent() {
        MethodologyRegistry r = new MethodologyRegistry();
        r.record(1, "rules.toy", v1);
        r.record(1, "rules.toy", rejected("2024.1.0"));
        assertSame(v1.compiled(), r.served("toy"));
        Deployment d = r.deployments().get(0);
        assertEquals(DeploymentState.REJECTED, d.state());
        assertEquals("2024.1.0", d.servedVersion());
    }

    @Test
    void aMethodologyWithOnlyRejectedBundlesIsListedAsRejected() {
        MethodologyRegistry r = new MethodologyRegistry();
        r.record(1, "rules.toy", rejected("2024.1.0"));
        assertNull(r.served("toy"));
        assertEquals(DeploymentState.REJECTED, r.summaries().get(0).status());
        assertEquals(1, r.errorsOf("toy").size());
        assertEquals(List.of("toy"), r.knownIds());
    }

    @Test
    void versionsCompareNumerically() {
        assertEquals(1, Integer.signum(Versions.compare("2022.10.0", "2022.9.0")));
        assertEquals(-1, Integer.signum(Versions.compare("2022.1.0", "2022.1.0.hotfix")));
        assertEquals(0, Versions.compare("2022.1", "2022.1.0"));
    }

    @Test
    void aMethodologyAwaitingItsStoredRevisionIsNotServedByTheBundleItChanged() {
        MethodologyRegistry r = new MethodologyRegistry();
        r.awaitRevision("toy", "2024.1.0+r1");
        r.record(1, "rules.toy", v1);
        assertNull(r.served("toy"), "not the old rules while the revision is being restored");
        r.activateRevision(v2.compiled());
        assertSame(v2.compiled(), r.served("toy"));
        r.awaitRevision("other", "2024.1.0+r1");
        r.deactivateRevision("other"); // its revision no longer compiles: its bundles serve
        r.deactivateRevision("toy");
        assertSame(v1.compiled(), r.served("toy"));
    }

    /** Issue 12, point 15: deployments said servedVersion 2022.1.0 while revision 1 served, and a restoring methodology was "served by nothing". */
    @Test
    void deploymentsSayWhatActuallyServesAndARestoringMethodologyIsPending() throws Exception {
        MethodologyRegistry r = new MethodologyRegistry();
        r.awaitRevision("toy", "2024.1.0+r1");
        r.record(1, "rules.toy", v1);
        Deployment restoring = r.deployments().get(0);
        assertEquals(DeploymentState.PENDING, restoring.state(), "PENDING while its active revision is restored");
        assertNull(restoring.servedVersion());
        assertEquals("2024.1.0+r1", restoring.overriddenBy());
        assertEquals(DeploymentState.PENDING, r.summaries().get(0).status());
        assertEquals("2024.1.0+r1", r.awaitedRevision("toy"));

        r.activateRevision(new ToyBundle().compile("2024.1.0+r1").compiled());
        Deployment d = r.deployments().get(0);
        assertEquals("2024.1.0+r1", d.servedVersion(), "what serves, not the bundle's own version");
        assertEquals(1, d.servedRevision());
        assertEquals(DeploymentState.ACTIVE, d.state());
        r.deactivateRevision("toy");
        assertEquals("2024.1.0", r.deployments().get(0).servedVersion());
        assertEquals(0, r.deployments().get(0).servedRevision());
        assertNull(r.awaitedRevision("toy"));
    }
}
