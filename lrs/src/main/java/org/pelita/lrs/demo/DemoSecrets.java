package org.pelita.lrs.demo;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;

/**
 * The demo's secrets, made once and kept in {@code <data>/demo-secrets.properties} (readable by its owner only) so
 * that every start builds the same packages and shows the same dashboard secret: the pseudonym key of the study, the
 * read secret of the dashboard credential and each sample's write secret. The database holds only their hashes; the
 * two go together (delete the data folder to start afresh).
 */
final class DemoSecrets {
    static final String FILE = "demo-secrets.properties";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final Properties values = new Properties();
    private boolean changed;

    private DemoSecrets(Path file) {
        this.file = file;
    }

    static DemoSecrets load(Path data) throws IOException {
        DemoSecrets secrets = new DemoSecrets(data.resolve(FILE));
        if (Files.isRegularFile(secrets.file)) {
            try (Reader in = Files.newBufferedReader(secrets.file, StandardCharsets.UTF_8)) {
                secrets.values.load(in);
            }
        }
        return secrets;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /** The secret of this name, made (random, 48 hex digits) when there is none yet. */
    String get(String name) {
        String value = values.getProperty(name);
        if (value == null) {
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            value = HexFormat.of().formatHex(bytes);
            values.setProperty(name, value);
            changed = true;
        }
        return value;
    }

    /** Writes new secrets, if any, through a temporary file that only the owner may read. */
    void save() throws IOException {
        if (!changed) {
            return;
        }
        Path temporary = file.resolveSibling(FILE + ".tmp");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary);
        try {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the data folder's own permissions apply
        }
        try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            values.store(out, "pelita-lrs demo: secrets made on first start. The LRS database holds their hashes; keep both or delete both.");
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        changed = false;
    }
}
