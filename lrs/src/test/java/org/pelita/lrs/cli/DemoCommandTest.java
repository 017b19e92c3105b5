package org.pelita.lrs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pelita.lrs.cli.CommandLineRun.run;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pelita.lrs.auth.SecretHasher;
import org.pelita.lrs.cli.CommandLineRun.Result;
import org.pelita.lrs.config.ConfigLoader;
import org.pelita.lrs.config.LrsConfig;
import org.pelita.lrs.demo.Demo;
import org.pelita.lrs.demo.ModuleBuilder;
import org.pelita.lrs.demo.SampleModule;
import org.pelita.lrs.store.CredentialStore;
import org.pelita.lrs.testing.TestLrs;
import org.pelita.lrs.xapi.attachment.Sha2;

/**
 * {@code pelita-lrs demo} (docs/demo.md) on the repository's samples, a free port and a temporary data folder.
 *
 * <p>The packager cannot be on this module's class path (it depends on the LRS for its own browser tests, and Maven
 * refuses the cycle), so here a stand-in packager writes a small web package and records the arguments it was given;
 * the packager's {@code DemoBrowserTest} runs the demo with the real packager and Chromium.
 */
class DemoCommandTest {
    private static final SecretHasher FAST = new SecretHasher(4);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Path SAMPLES = Path.of(System.getProperty("pelita.repo", "..")).resolve("samples");

    @TempDir
    Path data;

    /**
     * Writes {@code <id>-<version>-web.zip} as the packager's build would (a few of its files), or a release folder as its
     * release would (a SCORM 1.2 package per language, release.json with their hashes), and keeps each call's options.
     */
    static final class StandInPackager implements ModuleBuilder {
        final List<Map<String, String>> calls = new ArrayList<>();
        final List<Map<String, String>> releases = new ArrayList<>();

        @Override
        public int run(List<String> args, PrintWriter out, PrintWriter err) throws IOException {
            if (args.get(0).equals("release")) {
                return release(args);
            }
            assertThat(args.get(0)).isEqualTo("build");
            Map<String, String> options = options(args);
            calls.add(options);
            SampleModule module = SampleModule.read(Path.of(options.get("module")));
            Path zip = Path.of(options.get("--out")).resolve(module.id() + "-" + module.version() + "-web.zip");
            try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream entries = new ZipOutputStream(file)) {
                entry(entries, "index.html", "<!DOCTYPE html><title>" + module.defaultTitle() + "</title><a href=\"start-en.html\">English</a>");
                entry(entries, "start-en.html", "<!DOCTYPE html><title>start</title>");
                entry(entries, "pelita/web.js", "'use strict';");
                entry(entries, "pelita/pelita.css", "body{}");
            }
            out.println("wrote " + zip);
            return 0;
        }

        /** The command's options by name, and its module folder as "module". */
        private static Map<String, String> options(List<String> args) {
            Map<String, String> options = new LinkedHashMap<>();
            options.put("module", args.get(1));
            for (int i = 2; i < args.size(); i += 2) {
                options.put(args.get(i), args.get(i + 1));
            }
            return options;
        }

        private int release(List<String> args) throws IOException {
            Map<String, String> options = options(args);
            releases.add(options);
            SampleModule module = SampleModule.read(Path.of(options.get("module")));
            Path folder = Path.of(options.get("--dist")).resolve(module.id()).resolve(module.version());
            Files.createDirectories(folder.resolve("scorm12"));
            StringBuilder artifacts = new StringBuilder();
            for (String language : module.languages()) {
                String file = "scorm12/" + module.id() + "-" + module.version() + "-scorm12-" + language + ".zip";
                byte[] content = scormPackage(module, language);
                Files.write(folder.resolve(file), content);
                artifacts.append(artifacts.length() == 0 ? "" : ",").append("{\"target\":\"scorm12\",\"languages\":[\"").append(language)
                        .append("\"],\"file\":\"").append(file).append("\",\"size\":").append(content.length).append(",\"sha256\":\"")
                        .append(Sha2.sha256Hex(content)).append("\"}");
            }
            Files.writeString(folder.resolve("release.json"), "{\"module\":\"" + module.id() + "\",\"version\":\"" + module.version()
                    + "\",\"packager\":\"stand-in\",\"artifacts\":[" + artifacts + "]}\n");
            return 0;
        }

        /** A package whose bytes say which it is (the same every time: a release never changes). */
        static byte[] scormPackage(SampleModule module, String language) {
            return ("scorm12 " + module.id() + " " + module.version() + " " + language).getBytes(StandardCharsets.UTF_8);
        }

        private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(text.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }

    private LrsConfig config(int port) {
        return ConfigLoader.load(Optional.empty(), Map.of(), Map.of("host", "127.0.0.1", "port", String.valueOf(port),
                "db", "jdbc:h2:file:" + data.resolve("lrs")));
    }

    private Demo start(StandInPackager packager, int port) throws Exception {
        return Demo.start(config(port), data, SAMPLES, packager, FAST, new PrintWriter(new StringWriter(), true));
    }

    private static List<SampleModule> samples() throws IOException {
        List<SampleModule> samples = new ArrayList<>();
        for (Path folder : SampleModule.folders(SAMPLES)) {
            samples.add(SampleModule.read(folder));
        }
        assertThat(samples).as("the repository's samples").isNotEmpty();
        return samples;
    }

    static HttpResponse<String> get(String url, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> postStatement(String endpoint, String key, String secret, String activity) throws Exception {
        String statement = "{\"actor\":{\"objectType\":\"Agent\",\"account\":{\"homePage\":\"http://127.0.0.1\",\"name\":\"t-" + UUID.randomUUID()
                + "\"}},\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/experienced\"},\"object\":{\"id\":\"" + activity + "\"}}";
        return HTTP.send(HttpRequest.newBuilder(URI.create(endpoint + "statements")).header("Authorization", basic(key, secret))
                .header("X-Experience-API-Version", "1.0.3").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(statement)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String basic(String key, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theLandingPageListsEachSampleAndServesItsWebPackage() throws Exception {
        StandInPackager packager = new StandInPackager();
        try (Demo demo = start(packager, 0)) {
            String base = "http://127.0.0.1:" + demo.lrs().port();
            assertThat(demo.landingUrl()).isEqualTo(base + "/");
            HttpResponse<String> landing = get(demo.landingUrl());
            assertThat(landing.statusCode()).isEqualTo(200);
            assertThat(landing.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
            assertThat(get(base + "/demo/").body()).isEqualTo(landing.body());
            assertThat(landing.body()).contains("<html lang=\"en\">", "<h1>Pelita demo</h1>", "href=\"/dashboard/\"", "demo-reader")
                    .doesNotContain(demo.readerSecret()).doesNotContain("http://", "https://");
            assertThat(get(base + "/demo/demo.css").headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");

            Matcher links = Pattern.compile("<a class=\"take\" href=\"([^\"]+)\"").matcher(landing.body());
            List<String> hrefs = new ArrayList<>();
            while (links.find()) {
                hrefs.add(links.group(1));
            }
            List<SampleModule> samples = samples();
            assertThat(hrefs).containsExactlyElementsOf(samples.stream().map(s -> "/demo/" + s.id() + "/").toList());
            for (SampleModule sample : samples) {
                assertThat(landing.body()).contains(">" + escaped(sample.defaultTitle()) + "</h3>");
                HttpResponse<String> index = get(base + "/demo/" + sample.id() + "/");
                assertThat(index.statusCode()).isEqualTo(200);
                assertThat(index.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
                assertThat(index.body()).contains("<a href=\"start-en.html\">English</a>");
                assertThat(get(base + "/demo/" + sample.id() + "/pelita/web.js").headers().firstValue("Content-Type").orElseThrow())
                        .startsWith("text/javascript");
                // Relative links inside a package need the final slash.
                HttpResponse<String> bare = get(base + "/demo/" + sample.id());
                assertThat(bare.statusCode()).isEqualTo(302);
                assertThat(bare.headers().firstValue("Location").orElseThrow()).endsWith("/demo/" + sample.id() + "/");
            }
            // The secrets and the database sit beside the served folder, never in it.
            assertThat(get(base + "/demo/../demo-secrets.properties").statusCode()).isEqualTo(404);
            assertThat(get(base + "/demo/%2e%2e/demo-secrets.properties").statusCode()).isEqualTo(404);
            assertThat(get(base + "/demo/%2e%2e/lrs.mv.db").statusCode()).isEqualTo(404);

            // Each module was built for the web, reporting to this LRS with its own key and the study's pseudonym key.
            assertThat(packager.calls).hasSize(samples.size());
            for (Map<String, String> call : packager.calls) {
                String id = SampleModule.read(Path.of(call.get("module"))).id();
                assertThat(call).containsEntry("--target", "web").containsEntry("--lrs-endpoint", base + "/xapi/")
                        .containsEntry("--activity-base", Demo.ACTIVITY_BASE);
                assertThat(call.get("--lrs-key")).startsWith(Demo.writerKey(id) + ":");
                assertThat(call.get("--pseudonym-key")).hasSizeGreaterThanOrEqualTo(16);
            }
        }
    }

    @Test
    void eachSamplesReleaseIsPublishedAndTheLmsKeyDownloadsItFromItsLatestAddress() throws Exception {
        StandInPackager packager = new StandInPackager();
        try (Demo demo = start(packager, 0)) {
            String landing = get(demo.landingUrl()).body();
            assertThat(packager.releases).hasSize(samples().size());
            assertThat(demo.published()).hasSize(samples().size());
            for (SampleModule sample : samples()) {
                assertThat(landing).contains("href=\"/packages/" + sample.id() + "/latest/scorm12/" + sample.languages().get(0) + ".zip\"");
                String url = demo.latestPackageUrl(sample.id(), "scorm12", sample.languages().get(0));
                HttpResponse<String> download = get(url, "Authorization", basic(Demo.LMS_KEY, demo.lmsSecret()));
                assertThat(download.statusCode()).as(url).isEqualTo(200);
                assertThat(download.body()).isEqualTo("scorm12 " + sample.id() + " " + sample.version() + " " + sample.languages().get(0));
                assertThat(get(url).statusCode()).as("downloads need a key by default").isEqualTo(401);
                assertThat(get(url, "Authorization", basic(Demo.LMS_KEY, demo.lmsSecret())).headers().firstValue("Content-Location")
                        .orElseThrow()).isEqualTo("/packages/" + sample.id() + "/" + sample.version() + "/scorm12/"
                        + sample.languages().get(0) + ".zip");
            }
            assertThat(landing).contains("<code>" + Demo.LMS_KEY + "</code>");
            assertThat(landing).doesNotContain(demo.lmsSecret());
        }
    }

    @Test
    void aModuleKeyWritesOnlyAboutItsModuleAndTheReaderOnlyReads() throws Exception {
        StandInPackager packager = new StandInPackager();
        try (Demo demo = start(packager, 0)) {
            String endpoint = "http://127.0.0.1:" + demo.lrs().port() + "/xapi/";
            Map<String, String> call = packager.calls.get(0);
            String[] credential = call.get("--lrs-key").split(":", 2);
            String module = Demo.ACTIVITY_BASE + SampleModule.read(Path.of(call.get("module"))).id();

            assertThat(postStatement(endpoint, credential[0], credential[1], module + "/lessons/one").statusCode()).isEqualTo(200);
            assertThat(postStatement(endpoint, credential[0], credential[1], "urn:pelita:module:another-module").statusCode()).isEqualTo(403);
            assertThat(get(endpoint + "statements", "Authorization", basic(credential[0], credential[1]),
                    "X-Experience-API-Version", "1.0.3").statusCode()).isEqualTo(403);

            HttpResponse<String> read = get(endpoint + "statements", "Authorization", basic(Demo.READER_KEY, demo.readerSecret()),
                    "X-Experience-API-Version", "1.0.3");
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.body()).contains(module + "/lessons/one");
            assertThat(postStatement(endpoint, Demo.READER_KEY, demo.readerSecret(), module).statusCode()).isEqualTo(403);
        }
    }

    @Test
    void aRestartReusesTheCredentialsAndSecretsAndRebuildsThePackages() throws Exception {
        StandInPackager first = new StandInPackager();
        int port;
        String readerSecret;
        int credentials;
        String pseudonymKey;
        List<String> keys;
        try (Demo demo = start(first, 0)) {
            port = demo.lrs().port();
            readerSecret = demo.readerSecret();
            credentials = new CredentialStore(demo.lrs().database()).all().size();
            assertThat(demo.lrs().bootstrap()).as("an administrator on first start").isPresent();
            pseudonymKey = first.calls.get(0).get("--pseudonym-key");
            keys = first.calls.stream().map(c -> c.get("--lrs-key")).toList();
        }
        assertThat(credentials).isEqualTo(samples().size() + 3); // one per sample, the reader, the LMS, the administrator
        Files.writeString(data.resolve("site").resolve(samples().get(0).id()).resolve("index.html"), "stale");

        StandInPackager second = new StandInPackager();
        try (Demo demo = start(second, port)) {
            assertThat(demo.lrs().bootstrap()).isEmpty();
            assertThat(new CredentialStore(demo.lrs().database()).all()).hasSize(credentials);
            assertThat(demo.readerSecret()).isEqualTo(readerSecret);
            assertThat(second.calls).hasSize(first.calls.size());
            assertThat(second.calls.get(0).get("--pseudonym-key")).isEqualTo(pseudonymKey);
            assertThat(second.calls.stream().map(c -> c.get("--lrs-key")).toList()).isEqualTo(keys);
            assertThat(get(demo.sampleUrl(samples().get(0).id())).body()).as("rebuilt").contains("start-en.html");
            assertThat(demo.published()).as("the same releases again: already published").hasSize(samples().size());
        }
    }

    @Test
    void secretsThatNoLongerMatchTheDatabaseStopTheDemoWithAMessage() throws Exception {
        try (Demo demo = start(new StandInPackager(), 0)) {
            assertThat(demo.samples()).isNotEmpty();
        }
        Files.delete(data.resolve("demo-secrets.properties"));
        assertThatThrownBy(() -> start(new StandInPackager(), 0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("demo-reader").hasMessageContaining("Delete " + data.toAbsolutePath().normalize());
    }

    @Test
    void titlesAreEscapedAndASampleThatFailsToBuildIsNamed(@TempDir Path samples) throws Exception {
        Path odd = Files.createDirectories(samples.resolve("odd"));
        Files.writeString(odd.resolve("module.yaml"), "id: odd\nversion: 1.0.0\nlanguages: [en, th]\n"
                + "title:\n  en: \"<script>alert('x')</script> & \\\"more\\\"\"\n  th: ไทย\n");
        Path broken = Files.createDirectories(samples.resolve("broken"));
        Files.writeString(broken.resolve("module.yaml"), "id: broken\nversion: 1.0.0\nlanguages: [en]\ntitle: Broken\n");
        ModuleBuilder packager = (args, out, err) -> {
            if (args.get(1).endsWith("broken")) {
                err.println("module.yaml:1: something is wrong");
                return 1;
            }
            return new StandInPackager().run(args, out, err);
        };
        StringWriter log = new StringWriter();
        try (Demo demo = Demo.start(config(0), data, samples, packager, FAST, new PrintWriter(log, true))) {
            String page = get(demo.landingUrl()).body();
            assertThat(page).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;").doesNotContain("<script>");
            assertThat(page).contains("Languages: English, Thai.");
            assertThat(page).contains("Not built (see the console for the errors): broken.");
            assertThat(demo.samples()).extracting(SampleModule::id).containsExactly("odd");
            assertThat(get(demo.sampleUrl("broken")).statusCode()).isEqualTo(404);
        }
        assertThat(log.toString()).contains("broken: module.yaml:1: something is wrong", "could not build");
    }

    @Test
    void theLrsWithoutTheDemoServesNoStaticFiles() throws Exception {
        try (TestLrs lrs = TestLrs.h2()) {
            String base = lrs.base();
            assertThat(get(base + "/").statusCode()).isEqualTo(404);
            assertThat(get(base + "/demo/").statusCode()).isEqualTo(404);
            assertThat(get(base + "/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void theCommandRefusesAnotherHostAndAMissingPackagerOrSamplesFolder() {
        Result host = run("demo", "--host", "0.0.0.0", "--port", "0", "--data", data.toString(), "--samples", SAMPLES.toString());
        assertThat(host.exit()).isEqualTo(2);
        assertThat(host.err()).contains("127.0.0.1 or localhost only");

        Result samples = run("demo", "--port", "0", "--data", data.toString(), "--samples", data.resolve("none").toString());
        assertThat(samples.exit()).isEqualTo(2);
        assertThat(samples.err()).contains("no samples folder at");

        Result jar = run("demo", "--port", "0", "--data", data.toString(), "--samples", SAMPLES.toString(),
                "--packager", data.resolve("missing.jar").toString());
        assertThat(jar.exit()).isEqualTo(1);
        assertThat(jar.err()).contains("no packager jar at");
        assertThat(data.resolve("lrs.mv.db")).as("nothing started").doesNotExist();
    }

    /** A text as the landing page writes it: escaped for HTML ("women's" → "women&#39;s"). */
    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
