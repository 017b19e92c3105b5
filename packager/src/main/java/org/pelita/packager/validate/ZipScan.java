package org.pelita.packager.validate;

import java.util.List;

/**
 * What the manifest checks need from a zip, after {@link SafeZip} has read it safely.
 *
 * @param readable            false when the zip could not be opened: no manifest check can run
 * @param files               names of the file entries (not folders), each once, in zip order
 * @param rootManifestPresent whether an entry named exactly imsmanifest.xml is at the root
 * @param manifest            its bytes, or null if absent or refused (too large, damaged)
 */
record ZipScan(boolean readable, List<String> files, boolean rootManifestPresent, byte[] manifest) {
    static final String MANIFEST = "imsmanifest.xml";
    static final ZipScan UNREADABLE = new ZipScan(false, List.of(), false, null);

    ZipScan {
        files = List.copyOf(files);
        manifest = manifest == null ? null : manifest.clone();
    }

    @Override
    public byte[] manifest() {
        return manifest == null ? null : manifest.clone();
    }
}
