package org.pelita.lrs.store;

import java.io.IOException;
import java.io.InputStream;

/**
 * A package to store with its release.
 *
 * @param content opens the package's bytes; the store reads them once, in chunks, as it writes them
 */
public record NewPackageFile(StoredPackage metadata, Source content) {
    /** Where a package's bytes are read from (an entry of the uploaded zip). */
    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }
}
