package id.rapor.engine.revision;

import java.time.Instant;

/** Who made a revision (0: the rule bundles) serve its methodology, and when. */
record Activation(int revision, String by, Instant at) {
}
