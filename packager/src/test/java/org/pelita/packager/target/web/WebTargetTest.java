package org.pelita.packager.target.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.pelita.packager.model.Module;
import org.pelita.packager.target.BuildOptions;
import org.pelita.packager.target.LanguageMode;
import org.pelita.packager.target.PackagingException;
import org.pelita.packager.target.Targets;
import org.pelita.packager.testing.Repository;
import org.pelita.packager.testing.Zips;

/** The web target's site: its pages, policies and runtime, and what it refuses. */
class WebTargetTest {
    private static final LrsConnection LRS = LrsConnection.of("https://lrs.example.org/xapi/", "pkg-feature-tour:s3cret",
            "a-pseudonym-key-of-some-length");

    @TempDir
    Path work;

    private Path build(LanguageMode mode, Optional<String> language) throws Exception {
        return new Packager().build(Repository.sample("feature-tour"), new WebTarget(),
                new BuildOptions(mode, language, UnitLayout.SINGLE, Optional.empty(), Optional.of(LRS)),
                Files.createTempDirectory(work, "out")).packages().get(0);
    }

    private static String text(Map<String, byte[]> files, String name) {
        assertThat(files).containsKey(name);
        return new String(files.get(name), StandardCharsets.UTF_8);
    }

    private static String csp(String html) {
        Matcher m = Pattern.compile("http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1).replace("&#39;", "'");
    }

    private static Module sample() throws Exception {
        return new ModuleLoader().load(Repository.sample("feature-tour")).module();
    }

    @Test
    void theTargetIsRegisteredAsWeb() {
        assertThat(Targets.byName("web")).get().isInstanceOf(WebTarget.class);
    }

    @Test
    void oneZipHoldsTheIndexAStartPageAndAModulePagePerLanguageTheRuntimeAndTheMedia() throws Exception {
        Path zip = build(LanguageMode.EACH, Optional.empty());
        assertThat(zip.getFileName()).hasToString("feature-tour-1.0.0-web.zip");
        Map<String, byte[]> files = Zips.read(zip);
        assertThat(files.keySet()).contains("index.html", "start-en.html", "learn-en.html", "start-id.html", "learn-id.html")
                .contains("pelita/pelita.css", "pelita/xapi.js", "pelita/pseudonym.js", "pelita/web.js", "pelita/pelita.js",
                        "pelita/web-start.js", "assets/media/padlock.svg")
                .doesNotContain("imsmanifest.xml", "tincan.xml", "pelita/scorm12.js");
        String index = text(files, "index.html");
        assertThat(index).contains("href=\"start-en.html\">English</a>", "href=\"start-id.html\">Indonesia</a>")
                .contains("<li lang=\"id\"");
        String start = text(files, "start-id.html");
        assertThat(start).contains("<html lang=\"id\"", "data-next=\"learn-id.html\"", "Kode Anda", "Bukan Anda? Gunakan kode lain",
                "pelita/web-start.js", "class=\"quick-exit\"");
        assertThat(text(files, "start-en.html")).contains("Never use your e-mail address", "This looks like an e-mail address",
                "Not you? Use another code");
        assertThat(text(files, "learn-en.html")).contains("\"endpoint\":\"https://lrs.example.org/xapi/\"", "\"pseudonymKey\":")
                .contains("src=\"pelita/xapi.js\"", "src=\"pelita/pseudonym.js\"", "src=\"pelita/web.js\"");
    }

    @Test
    void startPagesSpeakTheLanguageOfTheirVersionAndTakeTheModulesOverrides() throws Exception {
        Map<String, byte[]> files = Zips.read(buildFixture("web-languages"));
        String thai = text(files, "start-th.html");
        assertThat(thai).contains("<html lang=\"th\"", "รหัสของคุณ", "ห้ามใช้อีเมล", "ไม่ใช่คุณใช่ไหม ใช้รหัสอื่น", ">เริ่ม</button>");
        assertThat(text(files, "start-vi.html")).contains("<html lang=\"vi\"", "Mã tham gia của bạn", "Không phải bạn? Dùng mã khác");
        assertThat(text(files, "index.html")).contains("<html lang=\"th\"", "เลือกภาษาของคุณ", ">ไทย</a>", ">Tiếng Việt</a>");
    }

    @Test
    void theSitesOwnPagesEscapeTheModulesTexts() throws Exception {
        Map<String, byte[]> files = Zips.read(buildFixture("web-languages"));
        for (String page : List.of("index.html", "start-th.html", "start-vi.html")) {
            assertThat(text(files, page)).as(page).doesNotContain("<b>").contains("&lt;b&gt;", "&amp;");
        }
    }

    @Test
    void theModulesPagesDoNotCarryTheStartPagesTexts() throws Exception {
        Map<String, byte[]> files = Zips.read(buildFixture("web-languages"));
        assertThat(text(files, "learn-th.html")).doesNotContain("codeHelp").doesNotContain("รหัสของคุณ").contains("\"quickExit\"");
    }

    private Path buildFixture(String name) throws Exception {
        return new Packager().build(Repository.fixture(name), new WebTarget(),
                new BuildOptions(LanguageMode.EACH, Optional.empty(), UnitLayout.SINGLE, Optional.empty(), Optional.of(LRS)),
                Files.createTempDirectory(work, "out")).packages().get(0);
    }

    @Test
    void modulepagesMayReachOnlyTheLrsAndStartPagesNothing() throws Exception {
        Map<String, byte[]> files = Zips.read(build(LanguageMode.EACH, Optional.empty()));
        assertThat(csp(text(files, "learn-en.html"))).contains("connect-src https://lrs.example.org;").contains("script-src 'self';");
        for (String page : List.of("index.html", "start-en.html", "start-id.html")) {
            assertThat(csp(text(files, page))).as(page).contains("connect-src 'none';").contains("script-src 'self';");
            assertThat(text(files, page)).as(page).doesNotContain("<script>").doesNotContain("s3cret");
        }
    }

    @Test
    void oneLanguageOrAllInOnePageAreVersionsToo() throws Exception {
        Path one = build(LanguageMode.ONE, Optional.of("id"));
        assertThat(one.getFileName()).hasToString("feature-tour-1.0.0-web-id.zip");
        assertThat(Zips.names(one)).contains("start-id.html", "learn-id.html").doesNotContain("learn-en.html");
        Path multi = build(LanguageMode.MULTILINGUAL, Optional.empty());
        assertThat(Zips.names(multi)).contains("start-multi.html", "learn-multi.html");
    }

    @Test
    void twoBuildsGiveTheSameBytes() throws Exception {
        assertThat(Arrays.equals(Files.readAllBytes(build(LanguageMode.EACH, Optional.empty())),
                Files.readAllBytes(build(LanguageMode.EACH, Optional.empty())))).isTrue();
    }

    @Test
    void withoutAnLrsOrWithOneScoPerLessonItIsRefused() throws Exception {
        Module module = sample();
        assertThatThrownBy(() -> new WebTarget().build(module, BuildOptions.defaults()))
                .isInstanceOf(PackagingException.class).hasMessageContaining("--lrs-endpoint, --lrs-key and --pseudonym-key");
        assertThatThrownBy(() -> new WebTarget().build(module,
                new BuildOptions(LanguageMode.EACH, Optional.empty(), UnitLayout.PER_LESSON, Optional.empty(), Optional.of(LRS))))
                .isInstanceOf(PackagingException.class).hasMessageContaining("--sco-per-lesson");
    }

    /** The module page carries the xAPI core, the pseudonyms and the web adapter; the start page its small script. */
    @Test
    void theRuntimeOfASiteStaysUnder48Kilobytes() throws Exception {
        long size = WebTarget.runtimeFiles(WebTarget.renderOptions(sample(),
                new BuildOptions(LanguageMode.EACH, Optional.empty(), UnitLayout.SINGLE, Optional.empty(), Optional.of(LRS))))
                .values().stream().mapToLong(b -> b.length).sum();
        assertThat(size).isLessThan(48 * 1024);
        assertThat(RuntimeFiles.totalSize()).isGreaterThan(size);
    }
}
