package org.pelita.packager.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Sizes of a written zip. */
public final class ZipSizes {
    private ZipSizes() {
    }

    /** The zip's size less the compressed size of its entries under a folder (e.g. the module's media, "assets/"). */
    public static long without(Path zip, String folder) throws IOException {
        long excluded = 0;
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : Collections.list(file.entries())) {
                if (entry.getName().startsWith(folder)) {
                    excluded += entry.getCompressedSize();
                }
            }
        }
        return Files.size(zip) - excluded;
    }
}
