package org.pelita.lrs.store;

/**
 * One package of a published release, without its bytes (table package_file).
 *
 * @param language the package's language, or "all" for one package with every language of the release
 * @param fileName its name in the release (e.g. cyber-resilience-1.0.0-scorm12-en.zip)
 */
public record StoredPackage(String module, String version, String target, String language, String fileName, long size,
                            String sha256) {
}
