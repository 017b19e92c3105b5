package org.pelita.packager.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pelita.packager.target.PackageContents;
import org.pelita.packager.target.PackageEntry;

/** Writing a package: atomically, and readable by whoever may read the author's other files. */
class DeterministicZipTest {
    @TempDir
    Path dir;

    private static PackageContents contents() {
        return new PackageContents("m-1.0.0-scorm12-en.zip", List.of(PackageEntry.of("index.html", "<!DOCTYPE html>".getBytes())));
    }

    @Test
    void aPackageGetsThePermissionsOfAnyNewFileNotThoseOfATemporaryFile() throws Exception {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path probe = Files.createFile(dir.resolve("probe"));

        Path zip = DeterministicZip.write(contents(), dir.resolve("out"));

        assertThat(Files.getPosixFilePermissions(zip)).isEqualTo(Files.getPosixFilePermissions(probe));
    }

    @Test
    void nothingButThePackageIsLeftInTheFolder() throws Exception {
        Path out = dir.resolve("out");
        DeterministicZip.write(contents(), out);
        DeterministicZip.write(contents(), out);

        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("m-1.0.0-scorm12-en.zip");
        }
    }
}
