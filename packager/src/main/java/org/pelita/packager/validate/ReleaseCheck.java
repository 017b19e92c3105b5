package org.pelita.packager.validate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.pelita.packager.archive.Sha256;
import org.pelita.packager.release.ReleaseArtifact;
import org.pelita.packager.release.ReleaseManifest;

/**
 * Says which module and version a Pelita package holds and whether it is a released package, byte for byte: its
 * SHA-256 against the release.json given, or else the one of the release folder the zip sits in
 * ({@code dist/<module>/<version>/<target>/<zip>}, docs/releases.md). So an administrator can tell which zip a partner
 * actually imported.
 */
final class ReleaseCheck {
    private ReleaseCheck() {
    }

    static void check(Path zip, ZipScan scan, Optional<Path> releaseFile, Findings findings) {
        Optional<PelitaIdentity.Identity> identity = PelitaIdentity.read(zip, scan);
        identity.ifPresent(id -> findings.info("pelita-module", Location.ZIP, "Pelita module " + id.module() + ", version "
                + id.version() + "."));
        Optional<Path> release = releaseFile.or(() -> nearby(zip));
        if (release.isEmpty()) {
            return;
        }
        ReleaseManifest manifest;
        String hash;
        try {
            manifest = ReleaseManifest.read(release.get());
            hash = Sha256.of(zip);
        } catch (IOException e) {
            findings.warning("release-unreadable", Location.ZIP, release.get() + " cannot be read as a release.json: "
                    + e.getMessage());
            return;
        }
        Optional<ReleaseArtifact> match = manifest.artifacts().stream().filter(a -> a.sha256().equals(hash)).findFirst();
        if (match.isPresent()) {
            findings.info("release-match", Location.ZIP, "Byte for byte the released package " + match.get().file() + " of "
                    + manifest.module() + " " + manifest.version() + " (" + match.get().target() + ", "
                    + String.join(", ", match.get().languages()) + "), SHA-256 " + hash + ".");
        } else {
            boolean sameVersion = identity.map(id -> id.module().equals(manifest.module()) && id.version().equals(manifest.version()))
                    .orElse(false);
            findings.warning("release-mismatch", Location.ZIP, "Not a package of the release " + manifest.module() + " "
                    + manifest.version() + " (" + release.get() + "): no package there has its SHA-256 " + hash + ". "
                    + (sameVersion ? "It holds that module and version, so it was built or changed after the release."
                    : identity.map(id -> "It holds " + id.module() + " " + id.version() + ".").orElse("")));
        }
    }

    /** release.json of the release folder a zip sits in: its own folder or the one above (the target's folder). */
    private static Optional<Path> nearby(Path zip) {
        Path folder = zip.toAbsolutePath().getParent();
        for (int up = 0; up < 2 && folder != null; up++, folder = folder.getParent()) {
            Path candidate = folder.resolve(ReleaseManifest.FILE);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
