package org.pelita.packager.target.scorm12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pelita.packager.Packager;
import org.pelita.packager.content.LrsConnection;
import org.pelita.packager.content.RuntimeFiles;
import org.pelita.packager.content.UnitLayout;
import org.pelita.packager.definition.ModuleLoader;
import org.pelita.packager.scorm12.Scorm12Schema;
import org.pelita.packager.target.BuildOptions;
import org.pelita.packager.target.LanguageMode;
import org.pelita.packager.target.PackagingException;
import org.pelita.packager.testing.Repository;
import org.pelita.packager.testing.Zips;
import org.pelita.packager.validate.Finding;
import org.pelita.packager.validate.PackageValidator;
import org.pelita.packager.validate.ValidationReport;

/** SCORM 1.2 packages built with an LRS (--lrs-endpoint): the same manifest and SCORM behaviour, plus the xAPI runtime. */
class Scorm12XapiTargetTest {
    private static final LrsConnection LRS = LrsConnection.of("https://lrs.example.org:8443/xapi", "pkg-feature-tour:s3cret",
            "a-pseudonym-key-of-some-length");

    @TempDir
    Path work;

    private Path build(Optional<LrsConnection> lrs, Optional<String> activityBase) throws Exception {
        return new Packager().build(Repository.sample("feature-tour"), new Scorm12Target(),
                new BuildOptions(LanguageMode.ONE, Optional.of("en"), UnitLayout.SINGLE, activityBase, lrs),
                Files.createTempDirectory(work, "out")).packages().get(0);
    }

    private static String page(Path zip) throws Exception {
        return new String(Zips.read(zip).get("index.html"), StandardCharsets.UTF_8);
    }

    private static String csp(String html) {
        Matcher m = Pattern.compile("http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1).replace("&#39;", "'");
    }

    private static JsonNode data(String html) throws Exception {
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"pelita-data\">(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as("runtime data").isTrue();
        return new ObjectMapper().readTree(m.group(1));
    }

    private static List<String> scripts(String html) {
        return Pattern.compile("<script src=\"pelita/([^\"]+)\"").matcher(html).results().map(r -> r.group(1)).toList();
    }

    @Test
    void withoutAnLrsThePackageIsTheSameBytesAsBeforeAndCarriesNoXapi() throws Exception {
        Path plain = build(Optional.empty(), Optional.empty());
        Path defaults = new Packager().build(Repository.sample("feature-tour"), new Scorm12Target(),
                new BuildOptions(LanguageMode.ONE, Optional.of("en"), UnitLayout.SINGLE), Files.createTempDirectory(work, "d")).packages().get(0);
        assertThat(Arrays.equals(Files.readAllBytes(plain), Files.readAllBytes(defaults))).isTrue();
        String html = page(plain);
        assertThat(csp(html)).contains("connect-src 'none';");
        assertThat(scripts(html)).containsExactly("scorm12.js", "pelita.js");
        assertThat(data(html).has("lrs")).isFalse();
        assertThat(data(html).has("xapi")).isFalse();
        assertThat(Zips.names(plain)).noneMatch(n -> n.contains("xapi"));
    }

    @Test
    void withAnLrsOnlyThePageAndTheAddedScriptsDifferAndTheManifestIsUnchanged() throws Exception {
        Map<String, byte[]> plain = Zips.read(build(Optional.empty(), Optional.empty()));
        Map<String, byte[]> tracked = Zips.read(build(Optional.of(LRS), Optional.empty()));
        assertThat(tracked.keySet()).containsAll(plain.keySet());
        assertThat(tracked.keySet()).filteredOn(n -> !plain.containsKey(n))
                .containsExactlyInAnyOrder("pelita/xapi.js", "pelita/pseudonym.js", "pelita/scorm12-xapi.js");
        for (String name : plain.keySet()) {
            if (!name.equals("index.html") && !name.equals("imsmanifest.xml")) {
                assertThat(Arrays.equals(tracked.get(name), plain.get(name))).as(name).isTrue();
            }
        }
        // The manifest only lists the added scripts in the shared asset resource.
        String manifest = new String(tracked.get("imsmanifest.xml"), StandardCharsets.UTF_8);
        assertThat(manifest.replace("            <file href=\"pelita/xapi.js\"/>\n", "")
                .replace("            <file href=\"pelita/pseudonym.js\"/>\n", "")
                .replace("            <file href=\"pelita/scorm12-xapi.js\"/>\n", ""))
                .isEqualTo(new String(plain.get("imsmanifest.xml"), StandardCharsets.UTF_8));
        assertThat(Scorm12Schema.validate(tracked.get("imsmanifest.xml"))).isEmpty();
    }

    @Test
    void validateFindsNothingMoreThanInThePlainPackage() throws Exception {
        ValidationReport plain = PackageValidator.validate(build(Optional.empty(), Optional.empty()));
        ValidationReport tracked = PackageValidator.validate(build(Optional.of(LRS), Optional.empty()));
        assertThat(tracked.findings()).extracting(Finding::code, Finding::severity)
                .isEqualTo(plain.findings().stream().map(f -> org.assertj.core.groups.Tuple.tuple(f.code(), f.severity())).toList());
    }

    @Test
    void thePolicyAllowsExactlyTheLrsOriginAndThePageLoadsTheXapiCoreThenBothAdapters() throws Exception {
        String html = page(build(Optional.of(LRS), Optional.of("https://lrs.example.org/modules/")));
        assertThat(csp(html)).contains("connect-src https://lrs.example.org:8443;").doesNotContain("https:;").doesNotContain("'none'; form");
        assertThat(scripts(html)).containsExactly("xapi.js", "pseudonym.js", "scorm12.js", "scorm12-xapi.js", "pelita.js");
        JsonNode data = data(html);
        assertThat(data.at("/lrs/endpoint").asText()).isEqualTo("https://lrs.example.org:8443/xapi/");
        assertThat(data.at("/lrs/auth").asText()).isEqualTo("Basic cGtnLWZlYXR1cmUtdG91cjpzM2NyZXQ=");
        assertThat(data.at("/lrs/pseudonymKey").asText()).isEqualTo("a-pseudonym-key-of-some-length");
        assertThat(data.at("/xapi/activity").asText()).isEqualTo("https://lrs.example.org/modules/feature-tour");
    }

    @Test
    void twoBuildsWithTheSameLrsGiveTheSameBytes() throws Exception {
        assertThat(Arrays.equals(Files.readAllBytes(build(Optional.of(LRS), Optional.empty())),
                Files.readAllBytes(build(Optional.of(LRS), Optional.empty())))).isTrue();
    }

    @Test
    void oneScoPerLessonCannotAlsoReportToAnLrs() throws Exception {
        var module = new ModuleLoader().load(Repository.sample("feature-tour")).module();
        assertThatThrownBy(() -> new Scorm12Target().build(module,
                new BuildOptions(LanguageMode.EACH, Optional.empty(), UnitLayout.PER_LESSON, Optional.empty(), Optional.of(LRS))))
                .isInstanceOf(PackagingException.class).hasMessageContaining("--sco-per-lesson cannot be combined with --lrs-endpoint");
    }

    @Test
    void anEndpointMustBeHttpsUnlessLocalAndTheKeyAndPseudonymKeyWellFormed() {
        assertThat(LrsConnection.of("http://127.0.0.1:8080/xapi/", "k:s", "0123456789abcdef").origin()).isEqualTo("http://127.0.0.1:8080");
        assertThat(LrsConnection.of("https://LRS.example.org:443/xapi/", "k:s:t", "0123456789abcdef"))
                .satisfies(c -> {
                    assertThat(c.origin()).isEqualTo("https://lrs.example.org");
                    assertThat(c.key()).isEqualTo("k");
                    assertThat(c.secret()).isEqualTo("s:t");
                });
        assertThatThrownBy(() -> LrsConnection.of("http://lrs.example.org/xapi/", "k:s", "0123456789abcdef"))
                .hasMessageContaining("must use https");
        assertThatThrownBy(() -> LrsConnection.of("lrs.example.org/xapi", "k:s", "0123456789abcdef"))
                .hasMessageContaining("http(s) URL");
        assertThatThrownBy(() -> LrsConnection.of("https://lrs.example.org/xapi/?x=1", "k:s", "0123456789abcdef"))
                .hasMessageContaining("without query");
        assertThatThrownBy(() -> LrsConnection.of("https://lrs.example.org/xapi/", "k", "0123456789abcdef"))
                .hasMessageContaining("KEY:SECRET");
        assertThatThrownBy(() -> LrsConnection.of("https://lrs.example.org/xapi/", "k:s", "short"))
                .hasMessageContaining("at least 16 characters");
        assertThat(LRS.toString()).doesNotContain("s3cret").doesNotContain("pseudonym-key");
    }

    /**
     * A SCORM package with an LRS carries the xAPI core, the pseudonyms and the composite adapter too (about 46 KB uncompressed
     * with the stylesheet); the plain SCORM package keeps its 30 KB budget (Scorm12TargetTest).
     */
    @Test
    void theRuntimeOfAScormPackageWithAnLrsStaysUnder48Kilobytes() throws Exception {
        var module = new ModuleLoader().load(Repository.sample("feature-tour")).module();
        assertThat(RuntimeFiles.packageSize(Scorm12Target.renderOptions(module,
                new BuildOptions(LanguageMode.EACH, Optional.empty(), UnitLayout.SINGLE, Optional.empty(), Optional.of(LRS)))))
                .isLessThan(48 * 1024);
    }
}
