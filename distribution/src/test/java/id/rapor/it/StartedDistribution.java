package id.rapor.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A test class that talks to its own freshly started distribution. Classes run one after
 * another, so the one field serves each in turn.
 */
abstract class StartedDistribution {
    static RaporDistribution rapor;

    @BeforeAll
    static void startDistribution() throws Exception {
        rapor = RaporDistribution.start();
    }

    @AfterAll
    static void stopDistribution() throws Exception {
        if (rapor != null) rapor.close();
        rapor = null;
    }
}
