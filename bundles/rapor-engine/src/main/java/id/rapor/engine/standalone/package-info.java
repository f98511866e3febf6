/**
 * A rule bundle checked, compiled and scored outside OSGi, through the same pipeline the
 * service uses: what rule tests, benchmarks and tools need from the engine, and nothing more.
 * The engine's other packages are its own and are not exported.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package id.rapor.engine.standalone;
