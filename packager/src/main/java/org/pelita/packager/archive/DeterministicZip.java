package org.pelita.packager.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.pelita.packager.target.PackageContents;
import org.pelita.packager.target.PackageEntry;

/**
 * Writes packages so that the same contents always give the same bytes: entries in a fixed order (the manifest
 * first, then by path), one fixed timestamp without time-zone conversion, no extra fields, fixed compression.
 * A zip is written to a temporary file and moved into place, so a failed build never leaves a partial zip.
 */
public final class DeterministicZip {
    /** Zip's DOS timestamps have no zone; setTimeLocal stores this value as is, whatever the machine's zone. */
    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(2000, 1, 1, 0, 0, 0);
    /** A package's descriptor goes first: the SCORM manifest, tincan.xml or cmi5.xml (one per package). */
    private static final Set<String> FIRST = Set.of("imsmanifest.xml", "tincan.xml", "cmi5.xml");

    private DeterministicZip() {
    }

    public static Path write(PackageContents contents, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path target = directory.resolve(contents.fileName());
        // Not Files.createTempFile: its files are private (0600) whatever the umask, so a shared dist/ or a web server
        // could not read the packages. A new file with a unique name gets the umask's permissions, as any other output.
        Path temporary = directory.resolve("." + contents.fileName() + "." + ProcessHandle.current().pid() + "-"
                + UUID.randomUUID() + ".part");
        try {
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                write(contents, out);
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    public static void write(PackageContents contents, OutputStream out) throws IOException {
        List<PackageEntry> entries = new ArrayList<>(contents.entries());
        entries.sort(Comparator.comparing((PackageEntry e) -> !FIRST.contains(e.path())).thenComparing(PackageEntry::path));
        for (int i = 1; i < entries.size(); i++) {
            if (entries.get(i).path().equals(entries.get(i - 1).path())) {
                throw new IllegalArgumentException("two entries have the path " + entries.get(i).path());
            }
        }
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.setLevel(Deflater.BEST_COMPRESSION);
        for (PackageEntry entry : entries) {
            ZipEntry zipEntry = new ZipEntry(entry.path());
            zipEntry.setTimeLocal(FIXED_TIME);
            zipEntry.setMethod(ZipEntry.DEFLATED);
            zip.putNextEntry(zipEntry);
            if (entry.bytes() != null) {
                zip.write(entry.bytes());
            } else {
                Files.copy(entry.source(), zip);
            }
            zip.closeEntry();
        }
        zip.finish();
    }
}
