package org.pelita.lrs.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pelita.lrs.store.PackageStore;
import org.pelita.lrs.store.StoredPackage;
import org.pelita.lrs.store.StoredRelease;
import org.pelita.lrs.testing.ReleaseUpload;
import org.pelita.lrs.testing.TestLrs;
import org.pelita.lrs.testing.XapiClient;
import org.pelita.lrs.xapi.attachment.Sha2;

/**
 * Published packages (docs/packages.md): a release is published once by an administrator and then served at
 * /packages/&lt;module&gt;/&lt;version&gt;/&lt;target&gt;/&lt;language&gt;.zip and at the same address under latest, with an
 * ETag and Last-Modified so that a client that has the package gets 304. Each test publishes its own module.
 */
class PackagesResourceTest {
    private static final StatementServers SERVERS = new StatementServers(Map.of(),
            lrs -> lrs.credential("moodle", "packages").credential("researcher", "research"));
    private static final AtomicInteger MODULES = new AtomicInteger();

    @AfterAll
    static void stop() {
        SERVERS.close();
    }

    private static String newModule() {
        return "module-" + MODULES.incrementAndGet();
    }

    private static XapiClient admin(String database) {
        return SERVERS.on(database).packages(TestLrs.ADMIN);
    }

    private static XapiClient moodle(String database) {
        return SERVERS.on(database).packages("moodle");
    }

    static XapiClient.Response publish(XapiClient client, String module, String version, ReleaseUpload release) {
        return client.send("PUT", "/" + module + "/" + version, release.zip(), "application/zip");
    }

    private static Instant lastModified(XapiClient.Response response) {
        return ZonedDateTime.parse(response.header("Last-Modified"), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    }

    private static void published(String database, String module, String version, ReleaseUpload release) {
        XapiClient.Response response = publish(admin(database), module, version, release);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    /**
     * Waits into the next second: a package's Last-Modified is sent only once its second is over, as HTTP dates could not
     * tell a change from another in the same second.
     */
    private static void nextSecond() {
        try {
            Thread.sleep(1000 - Instant.now().toEpochMilli() % 1000 + 10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aPublishedPackageIsServedAtItsVersionAndAtLatest(String database) {
        String module = newModule();
        ReleaseUpload release = ReleaseUpload.of(module, "1.0.0");
        published(database, module, "1.0.0", release);
        nextSecond();
        byte[] expected = release.bytes("scorm12/" + module + "-1.0.0-scorm12-id.zip");

        for (String version : new String[] {"1.0.0", "latest"}) {
            XapiClient.Response response = moodle(database).get("/" + module + "/" + version + "/scorm12/id.zip");

            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.bytes()).isEqualTo(expected);
            assertThat(response.header("Content-Type")).isEqualTo("application/zip");
            assertThat(response.header("ETag")).isEqualTo("\"" + Sha2.sha256Hex(expected) + "\"");
            assertThat(response.header("Content-Disposition")).isEqualTo("attachment; filename=\"" + module + "-1.0.0-scorm12-id.zip\"");
            assertThat(lastModified(response)).isBetween(Instant.now().minusSeconds(60), Instant.now());
        }
        XapiClient.Response latest = moodle(database).get("/" + module + "/latest/scorm12/id.zip");
        assertThat(latest.header("Content-Location")).isEqualTo("/packages/" + module + "/1.0.0/scorm12/id.zip");
        assertThat(latest.header("Cache-Control")).isEqualTo("private, no-cache");
        assertThat(moodle(database).get("/" + module + "/1.0.0/scorm12/id.zip").header("Cache-Control"))
                .isEqualTo("private, max-age=31536000, immutable");
        assertThat(moodle(database).get("/" + module + "/latest/web/all.zip").bytes())
                .isEqualTo(release.bytes("web/" + module + "-1.0.0-web.zip"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aPackageOfSeveralChunksIsStoredAndServedByteForByte(String database) {
        String module = newModule();
        byte[] video = new byte[PackageStore.CHUNK * 2 + 12_345]; // three chunks, the last one partial
        new Random(7).nextBytes(video);
        published(database, module, "1.0.0", ReleaseUpload.of(module, "1.0.0").add(video, "cmi5", "en"));

        XapiClient.Response download = moodle(database).get("/" + module + "/1.0.0/cmi5/en.zip");
        XapiClient.Response head = moodle(database).head("/" + module + "/1.0.0/cmi5/en.zip");

        assertThat(download.status()).isEqualTo(200);
        assertThat(download.bytes()).isEqualTo(video);
        assertThat(download.header("ETag")).isEqualTo("\"" + Sha2.sha256Hex(video) + "\"");
        assertThat(head.header("Content-Length")).isEqualTo(String.valueOf(video.length));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aGetWithTheEtagItHasAnswers304WithoutABody(String database) {
        String module = newModule();
        published(database, module, "1.0.0", ReleaseUpload.of(module, "1.0.0"));
        XapiClient.Response first = moodle(database).get("/" + module + "/latest/scorm12/en.zip");

        XapiClient.Response again = moodle(database).with("If-None-Match", first.header("ETag")).get("/" + module + "/latest/scorm12/en.zip");
        XapiClient.Response headAgain = moodle(database).with("If-None-Match", "W/" + first.header("ETag"))
                .head("/" + module + "/latest/scorm12/en.zip");
        XapiClient.Response other = moodle(database).with("If-None-Match", "\"0000\", \"1111\"").get("/" + module + "/latest/scorm12/en.zip");

        assertThat(again.status()).isEqualTo(304);
        assertThat(again.bytes()).isEmpty();
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(again.header("Last-Modified")).isEqualTo(first.header("Last-Modified"));
        assertThat(again.header("Content-Length")).as("RFC 9110 §8.6: absent, or the size a 200 would send")
                .isEqualTo(String.valueOf(first.bytes().length));
        assertThat(headAgain.status()).as("a weak tag matches for If-None-Match (RFC 9110 §13.1.2)").isEqualTo(304);
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.bytes()).isEqualTo(first.bytes());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aGetIfModifiedSinceTheLastModificationAnswers304AndIfModifiedSinceEarlier200(String database) {
        String module = newModule();
        published(database, module, "1.0.0", ReleaseUpload.of(module, "1.0.0"));
        nextSecond();
        String path = "/" + module + "/1.0.0/scorm12/en.zip";
        XapiClient.Response first = moodle(database).get(path);
        String earlier = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.parse(first.header("Last-Modified"),
                DateTimeFormatter.RFC_1123_DATE_TIME).minusSeconds(1));

        assertThat(moodle(database).with("If-Modified-Since", first.header("Last-Modified")).get(path).status()).isEqualTo(304);
        assertThat(moodle(database).with("If-Modified-Since", earlier).get(path).status()).isEqualTo(200);
        assertThat(moodle(database).with("If-Modified-Since", "yesterday").get(path).status())
                .as("an invalid date is ignored (RFC 9110 §13.1.3)").isEqualTo(200);
        assertThat(moodle(database).with("If-Modified-Since", first.header("Last-Modified")).with("If-None-Match", "\"other\"")
                .get(path).status()).as("If-None-Match decides alone when sent (RFC 9110 §13.2.2)").isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void latestMovesToANewVersionSoItsOldEtagNoLongerMatchesButTheVersionsAddressStillDoes(String database) {
        String module = newModule();
        published(database, module, "1.0.0", ReleaseUpload.of(module, "1.0.0"));
        XapiClient.Response old = moodle(database).get("/" + module + "/latest/scorm12/en.zip");
        ReleaseUpload next = ReleaseUpload.of(module, "1.1.0");
        published(database, module, "1.1.0", next);

        XapiClient.Response latest = moodle(database).with("If-None-Match", old.header("ETag"))
                .with("If-Modified-Since", old.header("Last-Modified")).get("/" + module + "/latest/scorm12/en.zip");
        XapiClient.Response pinned = moodle(database).with("If-None-Match", old.header("ETag")).get("/" + module + "/1.0.0/scorm12/en.zip");

        assertThat(latest.status()).isEqualTo(200);
        assertThat(latest.bytes()).isEqualTo(next.bytes("scorm12/" + module + "-1.1.0-scorm12-en.zip"));
        assertThat(latest.header("Content-Location")).isEqualTo("/packages/" + module + "/1.1.0/scorm12/en.zip");
        assertThat(pinned.status()).isEqualTo(304);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void latestIsTheHighestVersionThatIsNeitherAPreReleaseNorWithdrawnWhateverTheOrderOfPublishing(String database) {
        String module = newModule();
        published(database, module, "1.10.0", ReleaseUpload.of(module, "1.10.0"));
        published(database, module, "1.9.0", ReleaseUpload.of(module, "1.9.0"));
        published(database, module, "2.0.0-rc.1", ReleaseUpload.of(module, "2.0.0-rc.1"));

        JsonNode listing = moodle(database).get("/" + module).json();

        assertThat(listing.get("latest").asText()).isEqualTo("1.10.0");
        assertThat(listing.get("releases")).extracting(r -> r.get("version").asText()).containsExactly("2.0.0-rc.1", "1.10.0", "1.9.0");
        assertThat(moodle(database).get("/" + module + "/latest/scorm12/en.zip").header("Content-Location")).contains("/1.10.0/");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void publishingTheSameReleaseAgainChangesNothing(String database) {
        String module = newModule();
        published(database, module, "1.0.0", ReleaseUpload.of(module, "1.0.0"));
        nextSecond();
        String lastModified = moodle(database).get("/" + module + "/latest/scorm12/en.zip").header("Last-Modified");

        XapiClient.Response again = publish(admin(database), module, "1.0.0", ReleaseUpload.of(module, "1.0.0"));

        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("outcome").asText()).isEqualTo("already-published");
        assertThat(moodle(database).get("/" + module + "/latest/scorm12/en.zip").header("Last-Modified")).isEqualTo(lastModified);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void otherContentUnderAPublishedVersionIsRefusedAndThePublishedPackagesStayAsTheyWere(String database) {
        String module = newModule();
        ReleaseUpload release = ReleaseUpload.of(module, "1.0.0");
        published(database, module, "1.0.0", release);

        XapiClient.Response refused = publish(admin(database), module, "1.0.0", ReleaseUpload.of(module, "1.0.0").changed());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("message").asText()).contains("version 1.0.0 of " + module + " is published with other content")
                .contains("scorm12/en has SHA-256").contains("give the module a new version");
        assertThat(moodle(database).get("/" + module + "/1.0.0/scorm12/en.zip").bytes())
                .isEqualTo(release.bytes("scorm12/" + module + "-1.0.0-scorm12-en.zip"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aReleasePublishedFromFourClientsAtOnceIsStoredOnce(String database) throws Exception {
        String module = newModule();
        ReleaseUpload release = ReleaseUpload.of(module, "1.0.0");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<XapiClient.Response>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(() -> publish(admin(database), module, "1.0.0", release)));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<XapiClient.Response> answer : answers) {
                statuses.add(answer.get().status());
            }

            // One stores it; the others find it stored (200) or still being written (409, try again).
            assertThat(statuses).containsOnlyOnce(201).isSubsetOf(201, 200, 409);
        } finally {
            pool.shutdown();
        }
        JsonNode listing = moodle(database).get("/" + module).json();
        assertThat(listing.get("releases")).hasSize(1);
        assertThat(listing.get("releases").get(0).get("packages")).hasSize(3);
    }

    /** A publication in progress (its row claimed, its chunks not all written) as another request or a dead process left it. */
    private static void claimed(String database, String module, OffsetDateTime since) {
        StoredRelease release = new StoredRelease(module, "1.0.0", "{}", Optional.empty(), since, "another", Optional.empty(), since, false);
        assertThat(new PackageStore(SERVERS.on(database).lrs().database()).claim(release,
                List.of(new StoredPackage(module, "1.0.0", "scorm12", "en", "x.zip", 1, "0".repeat(64))))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aReleaseStillBeingWrittenIsNotServedAndAnotherPublicationOfItWaits(String database) {
        String module = newModule();
        claimed(database, module, OffsetDateTime.now(ZoneOffset.UTC));

        XapiClient.Response download = moodle(database).get("/" + module + "/1.0.0/scorm12/en.zip");
        XapiClient.Response again = publish(admin(database), module, "1.0.0", ReleaseUpload.of(module, "1.0.0"));

        assertThat(download.status()).isEqualTo(404);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("message").asText()).contains("is being published by another request", "try again when it is done");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aPublicationAbandonedLongAgoIsDiscardedByTheNextOne(String database) {
        String module = newModule();
        claimed(database, module, OffsetDateTime.now(ZoneOffset.UTC).minusHours(1));
        ReleaseUpload release = ReleaseUpload.of(module, "1.0.0");

        XapiClient.Response published = publish(admin(database), module, "1.0.0", release);

        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        assertThat(moodle(database).get("/" + module + "/1.0.0/scorm12/en.zip").bytes())
                .isEqualTo(release.bytes("scorm12/" + module + "-1.0.0-scorm12-en.zip"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void publishingAndWithdrawingNeedAnAdministrator(String database) {
        String module = newModule();
        TestLrs lrs = SERVERS.on(database);

        assertThat(publish(lrs.packages(null), module, "1.0.0", ReleaseUpload.of(module, "1.0.0")).status()).isEqualTo(401);
        assertThat(publish(lrs.packages("moodle"), module, "1.0.0", ReleaseUpload.of(module, "1.0.0")).status()).isEqualTo(403);
        assertThat(publish(lrs.packages("researcher"), module, "1.0.0", ReleaseUpload.of(module, "1.0.0")).status()).isEqualTo(403);
        published(database, module, "1.0.0", ReleaseUpload.of(module, "1.0.0"));
        assertThat(lrs.packages("moodle").delete("/" + module + "/1.0.0").status()).isEqualTo(403);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void downloadingNeedsACredentialWithScopePackagesUnlessDownloadsArePublic(String database) {
        String module = newModule();
        published(database, module, "1.0.0", ReleaseUpload.of(module, "1.0.0"));
        TestLrs lrs = SERVERS.on(database);

        assertThat(lrs.packages(null).get("/" + module + "/latest/scorm12/en.zip").status()).isEqualTo(401);
        assertThat(lrs.packages("researcher").get("/" + module + "/latest/scorm12/en.zip").status()).isEqualTo(403);
        assertThat(lrs.packages("moodle").get("/" + module + "/latest/scorm12/en.zip").status()).isEqualTo(200);
        assertThat(lrs.packages(null).get("").status()).isEqualTo(401);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aWithdrawnVersionAnswers410AndLatestFallsBackUntilTheSameReleaseIsPublishedAgain(String database) {
        String module = newModule();
        published(database, module, "1.0.0", ReleaseUpload.of(module, "1.0.0"));
        published(database, module, "1.1.0", ReleaseUpload.of(module, "1.1.0"));
        nextSecond();
        XapiClient.Response before = moodle(database).get("/" + module + "/latest/scorm12/en.zip");

        XapiClient.Response withdrawn = admin(database).delete("/" + module + "/1.1.0");
        XapiClient.Response gone = moodle(database).get("/" + module + "/1.1.0/scorm12/en.zip");
        XapiClient.Response latest = moodle(database).with("If-Modified-Since", before.header("Last-Modified"))
                .get("/" + module + "/latest/scorm12/en.zip");

        assertThat(withdrawn.status()).isEqualTo(204);
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.json().get("message").asText()).contains("version 1.1.0 of " + module + " was withdrawn");
        assertThat(latest.status()).as("withdrawing changes latest's Last-Modified").isEqualTo(200);
        assertThat(latest.header("Content-Location")).contains("/1.0.0/");

        XapiClient.Response back = publish(admin(database), module, "1.1.0", ReleaseUpload.of(module, "1.1.0"));
        assertThat(back.json().get("outcome").asText()).isEqualTo("republished");
        assertThat(moodle(database).get("/" + module + "/latest/scorm12/en.zip").header("Content-Location")).contains("/1.1.0/");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void addressesThatNameNothingPublishedAnswer404SayingWhatIs(String database) {
        String module = newModule();
        published(database, module, "1.0.0", ReleaseUpload.of(module, "1.0.0"));

        XapiClient.Response noModule = moodle(database).get("/nothing-here/latest/scorm12/en.zip");
        XapiClient.Response noVersion = moodle(database).get("/" + module + "/2.0.0/scorm12/en.zip");
        XapiClient.Response noPackage = moodle(database).get("/" + module + "/1.0.0/cmi5/th.zip");

        assertThat(noModule.status()).isEqualTo(404);
        assertThat(noModule.json().get("message").asText()).contains("no release of module nothing-here");
        assertThat(noVersion.status()).isEqualTo(404);
        assertThat(noVersion.json().get("message").asText()).contains("published: 1.0.0");
        assertThat(noPackage.status()).isEqualTo(404);
        assertThat(noPackage.json().get("message").asText()).contains("scorm12/en.zip, scorm12/id.zip, web/all.zip");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void theListingGivesEachReleaseWithItsPackagesAddressesAndHashes(String database) {
        String module = newModule();
        ReleaseUpload release = ReleaseUpload.of(module, "1.0.0");
        published(database, module, "1.0.0", release);

        JsonNode modules = moodle(database).get("").json().get("modules");
        JsonNode entry = null;
        for (JsonNode m : modules) {
            if (m.get("module").asText().equals(module)) {
                entry = m;
            }
        }

        assertThat(entry).isNotNull();
        JsonNode scorm = entry.get("releases").get(0).get("packages").get(0);
        assertThat(scorm.get("target").asText()).isEqualTo("scorm12");
        assertThat(scorm.get("language").asText()).isEqualTo("en");
        assertThat(scorm.get("url").asText()).isEqualTo("/packages/" + module + "/1.0.0/scorm12/en.zip");
        assertThat(scorm.get("latestUrl").asText()).isEqualTo("/packages/" + module + "/latest/scorm12/en.zip");
        assertThat(scorm.get("sha256").asText()).isEqualTo(Sha2.sha256Hex(release.bytes("scorm12/" + module + "-1.0.0-scorm12-en.zip")));
        assertThat(moodle(database).get("/" + module + "/1.0.0/release.json").json().get("version").asText()).isEqualTo("1.0.0");
        assertThat(moodle(database).get("/" + module + "/latest/RELEASE-NOTES.md").text()).startsWith("# " + module + " 1.0.0");
    }
}
