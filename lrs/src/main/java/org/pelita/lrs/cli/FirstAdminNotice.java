package org.pelita.lrs.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.pelita.lrs.Lrs;

/**
 * How the administrator credential created at a first start reaches the operator. On a terminal it is printed once.
 * Otherwise the output is most likely kept (systemd's journal, a log file), where a secret must not stay: it goes into
 * a file only its owner can read, and the output names the file.
 */
final class FirstAdminNotice {
    private FirstAdminNotice() {
    }

    static void announce(Lrs.Bootstrap admin, boolean terminal, Path file, PrintStream out) {
        if (terminal) {
            out.printf("%n  First start: an administrator credential was created. It is shown only now.%n"
                    + "  key:    %s%n  secret: %s%n  Create others with: java -jar pelita-lrs.jar credentials create --help%n%n",
                    admin.key(), admin.secret());
            return;
        }
        Path target = file.toAbsolutePath();
        try {
            write(target, "key: " + admin.key() + "\nsecret: " + admin.secret() + "\nscopes: all\n");
            out.printf("%n  First start: an administrator credential (key %s) was created. Its secret is in %s, readable only by"
                    + " this user: keep it in a password manager, then delete the file.%n%n", admin.key(), target);
        } catch (IOException e) {
            out.printf("%n  First start: an administrator credential (key %s) was created, but its secret could not be written to"
                    + " %s (%s). Revoke it and create your own: java -jar pelita-lrs.jar credentials --help%n%n", admin.key(), target,
                    e.getMessage());
        }
    }

    private static void write(Path file, String text) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Files.deleteIfExists(file);
        if (posix) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
