package org.pelita.lrs.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pelita.lrs.testing.ReleaseUpload;
import org.pelita.lrs.testing.TestLrs;
import org.pelita.lrs.testing.XapiClient;

/** With packages-download: public, anyone downloads (and caches may share the copies); publishing still needs an administrator. */
class PackagesPublicDownloadTest {
    private static final StatementServers SERVERS = new StatementServers(Map.of("packages-download", "public"), lrs -> { });

    @AfterAll
    static void stop() {
        SERVERS.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void anyoneDownloadsButOnlyAnAdministratorPublishes(String database) {
        TestLrs lrs = SERVERS.on(database);
        ReleaseUpload release = ReleaseUpload.of("open-module", "1.0.0");

        assertThat(PackagesResourceTest.publish(lrs.packages(null), "open-module", "1.0.0", release).status()).isEqualTo(401);
        assertThat(PackagesResourceTest.publish(lrs.packages(TestLrs.ADMIN), "open-module", "1.0.0", release).status()).isEqualTo(201);
        XapiClient.Response pinned = lrs.packages(null).get("/open-module/1.0.0/scorm12/en.zip");
        XapiClient.Response latest = lrs.packages(null).get("/open-module/latest/scorm12/en.zip");

        assertThat(pinned.status()).isEqualTo(200);
        assertThat(pinned.bytes()).isEqualTo(release.bytes("scorm12/open-module-1.0.0-scorm12-en.zip"));
        assertThat(pinned.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
        assertThat(latest.header("Cache-Control")).isEqualTo("public, no-cache");
        assertThat(lrs.packages(null).delete("/open-module/1.0.0").status()).isEqualTo(401);
    }
}
