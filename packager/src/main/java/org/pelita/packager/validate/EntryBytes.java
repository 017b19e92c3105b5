package org.pelita.packager.validate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** One zip entry read into memory, counting the bytes actually inflated (a header's size can lie). */
final class EntryBytes {
    /** Pages are a few hundred kilobytes at most; this limit only stops a hostile entry from filling the memory. */
    static final long MAX_PAGE = 16L * 1024 * 1024;

    private EntryBytes() {
    }

    /** The entry's bytes, or empty when it inflates to more than {@code limit} bytes. */
    static Optional<byte[]> read(ZipFile file, ZipEntry entry, long limit) throws IOException {
        try (InputStream in = file.getInputStream(entry)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            long total = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                if (total > limit) {
                    return Optional.empty();
                }
                out.write(buffer, 0, n);
            }
            return Optional.of(out.toByteArray());
        }
    }
}
