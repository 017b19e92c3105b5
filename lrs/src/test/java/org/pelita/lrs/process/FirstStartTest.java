package org.pelita.lrs.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pelita.lrs.testing.LrsProcess;
import org.pelita.lrs.testing.TestDatabases;

/**
 * A first start creates an administrator. Run as a service, the LRS's output is kept (systemd's journal), so the
 * secret must not be in it: it goes into a file only the LRS's user can read, and the output names that file.
 */
class FirstStartTest {
    @Test
    void withoutATerminalTheFirstAdministratorsSecretGoesToAPrivateFileNotToTheOutput() throws Exception {
        String url = TestDatabases.h2();
        try (LrsProcess lrs = LrsProcess.start(url)) {
            assertThat(lrs.firstAdminFile()).exists();
            Map<String, String> credential = Files.readAllLines(lrs.firstAdminFile()).stream().map(line -> line.split(": ", 2))
                    .collect(Collectors.toMap(parts -> parts[0], parts -> parts[1]));
            assertThat(credential).containsKeys("key", "secret").containsEntry("scopes", "all");

            String output = lrs.output();
            assertThat(output).doesNotContain(credential.get("secret")).contains(lrs.firstAdminFile().toString(), credential.get("key"));
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(lrs.firstAdminFile()))).isEqualTo("rw-------");
            }
            assertThat(lrs.client(credential.get("key"), credential.get("secret")).get("/statements").status()).isEqualTo(200);
        } finally {
            TestDatabases.drop(url);
        }
    }
}
