package id.rapor.engine.source;

import java.util.List;

/**
 * The files of one rule bundle, wherever they live (an OSGi bundle, a folder, a jar). Paths
 * are relative to the bundle root and use '/'.
 */
public interface RuleSource {

    /** Where the files come from, for messages (a bundle symbolic name, a folder). */
    String name();

    /** The rule bundle's version, shown with every score it produces. */
    String version();

    /** The text of a file, or null if the bundle has none at that path. */
    String read(String path);

    /** The paths of the files in {@code folder} whose names end with {@code suffix}, sorted. */
    List<String> list(String folder, String suffix);
}
