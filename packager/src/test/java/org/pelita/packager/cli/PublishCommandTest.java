package org.pelita.packager.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pelita.packager.archive.Sha256;
import org.pelita.packager.testing.InProcessLrs;
import org.pelita.packager.testing.Repository;

/**
 * {@code publish}: a real release of the test module, published on the real LRS, then fetched as an LMS that updates
 * automatically would: through the latest URL, and again with a conditional request that gets 304 until a new
 * version is published.
 */
class PublishCommandTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final CommandLineRun cli = new CommandLineRun();
    @TempDir
    Path work;
    private InProcessLrs lrs;

    @BeforeEach
    void start() throws Exception {
        lrs = new InProcessLrs("http://127.0.0.1:9").credential("moodle", "packages", null);
    }

    @AfterEach
    void stop() {
        lrs.close();
    }

    private Path release(Path module) {
        assertThat(cli.run("release", module.toString(), "--dist", work.resolve("dist").toString())).as(cli.err()).isZero();
        return work.resolve("dist/released/" + moduleVersion(module));
    }

    private static String moduleVersion(Path module) {
        try {
            return Files.readAllLines(module.resolve("module.yaml")).stream().filter(l -> l.startsWith("version:"))
                    .map(l -> l.substring("version:".length()).trim()).findFirst().orElseThrow();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private int publish(Path release) {
        return cli.run("publish", release.toString(), "--lrs", lrs.base() + "/", "--credential", InProcessLrs.ADMIN + ":" + InProcessLrs.ADMIN + "-secret");
    }

    private HttpResponse<byte[]> get(String path, String header, String value) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(lrs.base() + path)).header("Authorization", InProcessLrs.basicAuth("moodle"));
        if (header != null) {
            request.header(header, value);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void nextSecond() throws InterruptedException {
        Thread.sleep(1000 - Instant.now().toEpochMilli() % 1000 + 10);
    }

    @Test
    void aPublishedPackageIsFetchedThroughItsStableUrlAndAConditionalRequestGets304UntilANewVersion() throws Exception {
        Path module = Repository.copyOfFixture("released", work);
        Path release = release(module);

        assertThat(publish(release)).as(cli.err()).isZero();
        assertThat(cli.out()).contains("published released 1.0.0 on " + lrs.base() + " (6 packages)", lrs.base() + "/packages/released/1.0.0/scorm12/en.zip",
                "latest (for LMSs that update automatically):", lrs.base() + "/packages/released/latest/scorm12/id.zip");
        nextSecond();

        HttpResponse<byte[]> first = get("/packages/released/latest/scorm12/en.zip", null, null);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo(Files.readAllBytes(release.resolve("scorm12/released-1.0.0-scorm12-en.zip")));
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).isEqualTo("\"" + Sha256.of(release.resolve("scorm12/released-1.0.0-scorm12-en.zip")) + "\"");
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();

        HttpResponse<byte[]> unchanged = get("/packages/released/latest/scorm12/en.zip", "If-None-Match", etag);
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
        assertThat(get("/packages/released/latest/scorm12/en.zip", "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);

        // Version 1.1.0, with a changed page: latest now answers the new package in full.
        Files.writeString(module.resolve("module.yaml"), Files.readString(module.resolve("module.yaml"))
                .replaceFirst("(?m)^version: 1.0.0$", "version: 1.1.0")
                .replace("changelog:\n", "changelog:\n  - version: 1.1.0\n    changes:\n      - A friendlier introduction.\n"));
        Files.writeString(module.resolve("content/en/basics/intro.md"), "# Introduction\n\nWelcome back.\n");
        Path next = release(module);
        assertThat(publish(next)).as(cli.err()).isZero();

        HttpResponse<byte[]> updated = get("/packages/released/latest/scorm12/en.zip", "If-None-Match", etag);
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(updated.body()).isEqualTo(Files.readAllBytes(next.resolve("scorm12/released-1.1.0-scorm12-en.zip")));
        assertThat(get("/packages/released/1.0.0/scorm12/en.zip", "If-None-Match", etag).statusCode()).as("1.0.0 itself never changes")
                .isEqualTo(304);
    }

    @Test
    void publishingAgainIsANoOpAndOtherContentUnderTheSameVersionIsRefusedByTheLrs() throws Exception {
        Path module = Repository.copyOfFixture("released", work);
        Path release = release(module);
        assertThat(publish(release)).isZero();

        assertThat(publish(release)).as(cli.err()).isZero();
        assertThat(cli.out()).contains("already-published released 1.0.0 on " + lrs.base() + " (6 packages)");

        // Another build of 1.0.0 (released elsewhere, so the packager's own refusal does not stop it first).
        Files.writeString(module.resolve("content/en/basics/intro.md"), "# Introduction\n\nOther words.\n");
        assertThat(cli.run("release", module.toString(), "--dist", work.resolve("elsewhere").toString())).isZero();
        assertThat(publish(work.resolve("elsewhere/released/1.0.0"))).isEqualTo(1);
        assertThat(cli.err()).contains("the LRS refused the release (HTTP 409)", "is published with other content");
    }

    @Test
    void aPackageChangedAfterTheReleaseIsNotPublished() throws Exception {
        Path release = release(Repository.copyOfFixture("released", work));
        Files.write(release.resolve("cmi5/released-1.0.0-cmi5-id.zip"), new byte[] {1, 2, 3});

        assertThat(publish(release)).isEqualTo(1);
        assertThat(cli.err()).contains("cmi5/released-1.0.0-cmi5-id.zip has SHA-256", "it changed after the release");
        assertThat(get("/packages", null, null).statusCode()).isEqualTo(200);
        assertThat(new String(get("/packages", null, null).body())).isEqualTo("{\"modules\":[]}");
    }

    @Test
    void withoutACredentialPublishIsWrongUsage() {
        assertThat(cli.run("publish", work.toString(), "--lrs", lrs.base())).isEqualTo(2);
        assertThat(cli.err()).contains("give an administrator's credential as key:secret");
    }
}
