package org.pelita.packager.validate;

import java.util.Optional;

/** Moodle reads only /imsmanifest.xml, spelled exactly so, at the zip root. */
final class ManifestPlacement {
    private ManifestPlacement() {
    }

    static void check(ZipScan zip, Findings findings) {
        if (zip.rootManifestPresent()) {
            return;
        }
        Optional<String> nested = zip.files().stream().filter(f -> f.endsWith("/" + ZipScan.MANIFEST)).findFirst();
        if (nested.isPresent()) {
            String folder = nested.get().substring(0, nested.get().length() - ZipScan.MANIFEST.length());
            findings.error("manifest-not-at-root", Location.entry(nested.get()), "imsmanifest.xml is in the folder '"
                    + folder + "', not at the zip root: the zip wraps a folder. Moodle refuses it (\"bad manifest"
                    + " location\"). Open the folder, select everything inside it and zip that, not the folder itself.");
            return;
        }
        Optional<String> miscased = zip.files().stream().filter(f -> f.equalsIgnoreCase(ZipScan.MANIFEST)).findFirst();
        findings.error("manifest-missing", Location.ZIP, miscased
                .map(f -> "The zip has '" + f + "' but Moodle looks for 'imsmanifest.xml' exactly, in lower case. Rename it.")
                .orElse("The zip has no imsmanifest.xml, so it is not a SCORM package and Moodle refuses it. Export the"
                        + " course as SCORM 1.2, or zip the folder that contains imsmanifest.xml from inside."));
    }
}
