package org.pelita.lrs.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pelita.lrs.testing.ReleaseUpload;
import org.pelita.lrs.testing.TestLrs;
import org.pelita.lrs.testing.XapiClient;

/**
 * An upload that is not exactly the release its URL names is refused with 400 (or 413 when too large), a message that
 * says what is wrong and where (a JSON path into release.json, or the file), and nothing stored.
 */
class PackagesBadUploadTest {
    private static final StatementServers SERVERS = new StatementServers(Map.of("packages-max-bytes", "4096"), lrs -> { });

    @AfterAll
    static void stop() {
        SERVERS.close();
    }

    private static void refused(String database, String module, String version, byte[] body, int status, String... message) {
        XapiClient admin = SERVERS.on(database).packages(TestLrs.ADMIN);
        XapiClient.Response response = admin.send("PUT", "/" + module + "/" + version, body, "application/zip");

        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.json().get("message").asText()).contains(message);
        assertThat(admin.get("").json().get("modules")).as("nothing stored").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aBodyThatIsNotAZip(String database) {
        refused(database, "m-not-zip", "1.0.0", "not a zip".getBytes(StandardCharsets.UTF_8), 400, "the body is not a zip file");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void anEmptyBody(String database) {
        refused(database, "m-empty", "1.0.0", new byte[0], 400, "the body is empty");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aZipWithoutReleaseJson(String database) {
        byte[] zip = ReleaseUpload.of("m-no-manifest", "1.0.0").zip();
        // Renaming release.json inside the zip: same bytes, another name (its length is the same).
        byte[] renamed = new String(zip, StandardCharsets.ISO_8859_1).replace("release.json", "releasX.json")
                .getBytes(StandardCharsets.ISO_8859_1);
        refused(database, "m-no-manifest", "1.0.0", renamed, 400, "the upload has no release.json at its root");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aReleaseOfAnotherModuleThanTheUrlNames(String database) {
        refused(database, "m-other", "1.0.0", ReleaseUpload.of("m-something-else", "1.0.0").zip(), 400,
                "release.json: $.module is \"m-something-else\", but the upload's URL names module m-other");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aReleaseOfAnotherVersionThanTheUrlNames(String database) {
        refused(database, "m-version", "1.0.1", ReleaseUpload.of("m-version", "1.0.0").zip(), 400,
                "$.version is \"1.0.0\", but the upload's URL names version 1.0.1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aPackageWhoseHashIsNotTheOneReleaseJsonGives(String database) {
        ReleaseUpload release = ReleaseUpload.of("m-hash", "1.0.0")
                .file("scorm12/m-hash-1.0.0-scorm12-id.zip", "tampered".getBytes(StandardCharsets.UTF_8));
        refused(database, "m-hash", "1.0.0", release.zip(), 400,
                "release.json: $.artifacts[1]: scorm12/m-hash-1.0.0-scorm12-id.zip in the upload has 8 bytes and SHA-256");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aPackageReleaseJsonListsButTheUploadLacks(String database) {
        ReleaseUpload release = ReleaseUpload.of("m-missing", "1.0.0").file("web/m-missing-1.0.0-web.zip", null);
        refused(database, "m-missing", "1.0.0", release.zip(), 400,
                "release.json: $.artifacts[2].file names web/m-missing-1.0.0-web.zip, which the upload does not hold");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aFileReleaseJsonDoesNotList(String database) {
        ReleaseUpload release = ReleaseUpload.of("m-extra", "1.0.0").file("notes.txt", new byte[] {1});
        refused(database, "m-extra", "1.0.0", release.zip(), 400, "the upload holds notes.txt, which release.json does not list");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void twoPackagesOfOneTargetAndLanguage(String database) {
        ReleaseUpload release = ReleaseUpload.of("m-twice", "1.0.0").manifest(m -> ((com.fasterxml.jackson.databind.node.ObjectNode)
                m.get("artifacts").get(1)).putArray("languages").add("en"));
        refused(database, "m-twice", "1.0.0", release.zip(), 400, "$.artifacts[1] is a second scorm12 package in en");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void anArtifactWithoutLanguages(String database) {
        ReleaseUpload release = ReleaseUpload.of("m-languages", "1.0.0").manifest(m -> ((com.fasterxml.jackson.databind.node.ObjectNode)
                m.get("artifacts").get(0)).remove("languages"));
        refused(database, "m-languages", "1.0.0", release.zip(), 400, "$.artifacts[0].languages must be a non-empty array");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void latestAsAVersion(String database) {
        refused(database, "m-latest", "latest", ReleaseUpload.of("m-latest", "1.0.0").zip(), 400, "latest is not a version");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aVersionThatIsNotAVersionNumber(String database) {
        refused(database, "m-bad-version", "v1", ReleaseUpload.of("m-bad-version", "v1").zip(), 400, "'v1' is not a module version");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aModuleIdThatIsNotOne(String database) {
        refused(database, "Bad_Module", "1.0.0", ReleaseUpload.of("Bad_Module", "1.0.0").zip(), 400, "'Bad_Module' is not a module id");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aReleaseLargerThanPackagesMaxBytes(String database) {
        ReleaseUpload release = ReleaseUpload.of("m-large", "1.0.0").add("xapi", "en").file("xapi/m-large-1.0.0-xapi-en.zip", null);
        byte[] large = new byte[5000];
        refused(database, "m-large", "1.0.0", concat(release.zip(), large), 413, "this LRS accepts releases of up to 4096 bytes");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aReleaseLargerThanPackagesMaxBytesSentWithoutALength(String database) throws Exception {
        // Chunked, so the LRS cannot refuse it by its Content-Length: it counts as it reads.
        HttpRequest request = HttpRequest.newBuilder(URI.create(SERVERS.on(database).base()
                        + "/packages/m-chunked/1.0.0"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((TestLrs.ADMIN + ":" + TestLrs.ADMIN
                        + "-secret").getBytes(StandardCharsets.UTF_8)))
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[9000])))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("larger than the 4096 bytes this LRS accepts");
        assertThat(SERVERS.on(database).packages(TestLrs.ADMIN).get("").json().get("modules")).isEmpty();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
