package org.pelita.packager.release;

import java.util.List;

/**
 * One package of a release, as release.json lists it.
 *
 * @param target    the build: scorm12, scorm12-xapi (SCORM 1.2 that also reports to an LRS), xapi, cmi5 or web
 * @param languages the languages the package holds (one, or every language of a web site)
 * @param file      its path under the release's folder
 * @param sha256    lower-case hex of the zip's SHA-256
 */
public record ReleaseArtifact(String target, List<String> languages, String file, long size, String sha256) {
    public ReleaseArtifact {
        languages = List.copyOf(languages);
    }
}
