package org.pelita.packager.target.cmi5;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pelita.packager.Packager;
import org.pelita.packager.cmi5.Cmi5Schema;
import org.pelita.packager.content.RuntimeFiles;
import org.pelita.packager.content.UnitLayout;
import org.pelita.packager.target.BuildOptions;
import org.pelita.packager.target.LanguageMode;
import org.pelita.packager.target.Targets;
import org.pelita.packager.testing.Repository;
import org.pelita.packager.testing.Zips;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** cmi5 packages: cmi5.xml valid against the official schema in every layout and language mode, moveOn, IRIs, bytes. */
class Cmi5TargetTest {
    private static final String NS = Cmi5Schema.NAMESPACE;
    private static final String MODULE_IRI = "urn:pelita:module:feature-tour";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    private List<Path> build(LanguageMode mode, UnitLayout layout, Optional<String> base) throws Exception {
        Optional<String> language = mode == LanguageMode.ONE ? Optional.of("id") : Optional.empty();
        return new Packager().build(Repository.sample("feature-tour"), new Cmi5Target(),
                new BuildOptions(mode, language, layout, base), Files.createTempDirectory(work, "out")).packages();
    }

    private static Document descriptor(Path zip) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(Zips.read(zip).get("cmi5.xml")));
    }

    private static List<Element> children(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagNameNS(NS, name);
        List<Element> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getParentNode() == parent) {
                list.add((Element) nodes.item(i));
            }
        }
        return list;
    }

    private static Map<String, String> langstrings(Element parent, String name) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Element e : children(children(parent, name).get(0), "langstring")) {
            texts.put(e.getAttribute("lang"), e.getTextContent());
        }
        return texts;
    }

    static List<Arguments> layoutsAndLanguageModes() {
        List<Arguments> all = new ArrayList<>();
        for (UnitLayout layout : UnitLayout.values()) {
            for (LanguageMode mode : LanguageMode.values()) {
                all.add(Arguments.of(layout, mode));
            }
        }
        return all;
    }

    @ParameterizedTest
    @MethodSource("layoutsAndLanguageModes")
    void cmi5XmlIsValidAgainstTheOfficialSchemaAndEveryAuUrlIsInTheZip(UnitLayout layout, LanguageMode mode) throws Exception {
        for (Path zip : build(mode, layout, Optional.empty())) {
            Map<String, byte[]> files = Zips.read(zip);
            assertThat(Zips.names(zip).get(0)).isEqualTo("cmi5.xml");
            assertThat(Cmi5Schema.validate(files.get("cmi5.xml"))).as(zip.getFileName().toString()).isEmpty();
            Element root = descriptor(zip).getDocumentElement();
            assertThat(root.getLocalName()).isEqualTo("courseStructure");
            List<Element> aus = children(root, "au");
            assertThat(aus).hasSize(layout == UnitLayout.SINGLE ? 1 : 4);
            for (Element au : aus) {
                String url = children(au, "url").get(0).getTextContent();
                assertThat(files).containsKey(url);
                assertThat(au.getAttribute("launchMethod")).isEqualTo("AnyWindow");
                String html = new String(files.get(url), StandardCharsets.UTF_8);
                assertThat(html).contains("<script src=\"pelita/xapi.js\"></script>\n<script src=\"pelita/cmi5.js\"></script>\n"
                        + "<script src=\"pelita/pelita.js\"></script>");
                assertThat(html).contains("connect-src https: http://127.0.0.1:* http://localhost:*;");
            }
            List<String> languages = mode == LanguageMode.MULTILINGUAL ? List.of("en", "id")
                    : List.of(zip.getFileName().toString().endsWith("-id.zip") ? "id" : "en");
            Element course = children(root, "course").get(0);
            assertThat(langstrings(course, "title").keySet()).containsExactlyElementsOf(languages);
            assertThat(langstrings(course, "description").keySet()).containsExactlyElementsOf(languages);
            aus.forEach(au -> assertThat(langstrings(au, "title").keySet()).containsExactlyElementsOf(languages));
        }
    }

    @Test
    void theTargetIsCalledCmi5AndNamesItsZipsByLanguage() throws Exception {
        assertThat(Targets.byName("cmi5")).get().isInstanceOf(Cmi5Target.class);
        assertThat(build(LanguageMode.EACH, UnitLayout.SINGLE, Optional.empty())).extracting(p -> p.getFileName().toString())
                .containsExactly("feature-tour-1.0.0-cmi5-en.zip", "feature-tour-1.0.0-cmi5-id.zip");
        assertThat(build(LanguageMode.MULTILINGUAL, UnitLayout.PER_LESSON, Optional.empty())).extracting(p -> p.getFileName().toString())
                .containsExactly("feature-tour-1.0.0-cmi5-multi.zip");
        Path one = build(LanguageMode.ONE, UnitLayout.SINGLE, Optional.empty()).get(0);
        assertThat(one.getFileName().toString()).isEqualTo("feature-tour-1.0.0-cmi5-id.zip");
        assertThat(Zips.names(one)).contains("pelita/pelita.css", "pelita/pelita.js", "pelita/xapi.js", "pelita/cmi5.js",
                "assets/media/padlock.svg").doesNotContain("pelita/scorm12.js", "pelita/tincan.js", "imsmanifest.xml", "tincan.xml");
    }

    @Test
    void oneAuForTheModuleCompletedAndPassedWithTheMasteryScoreScaled() throws Exception {
        Element root = descriptor(build(LanguageMode.MULTILINGUAL, UnitLayout.SINGLE, Optional.empty()).get(0)).getDocumentElement();
        Element course = children(root, "course").get(0);
        assertThat(course.getAttribute("id")).isEqualTo(MODULE_IRI);
        assertThat(langstrings(course, "title")).containsExactly(Map.entry("en", "Safer accounts in ten minutes"),
                Map.entry("id", "Akun lebih aman dalam sepuluh menit"));
        assertThat(langstrings(course, "description").get("en")).startsWith("Strong passphrases and two-step verification");
        Element au = children(root, "au").get(0);
        assertThat(au.getAttribute("id")).isEqualTo(MODULE_IRI + "/units/module");
        assertThat(au.getAttribute("moveOn")).isEqualTo("CompletedAndPassed");
        assertThat(au.getAttribute("masteryScore")).isEqualTo("0.7");
        assertThat(children(au, "url").get(0).getTextContent()).isEqualTo("index.html");
    }

    @Test
    void perLessonTheAusAreThePreTestEachLessonAndThePostTestWhichAloneIsJudged() throws Exception {
        Path zip = build(LanguageMode.ONE, UnitLayout.PER_LESSON, Optional.empty()).get(0);
        List<Element> aus = children(descriptor(zip).getDocumentElement(), "au");
        assertThat(aus).extracting(a -> a.getAttribute("id")).containsExactly(MODULE_IRI + "/units/pre-test",
                MODULE_IRI + "/units/lesson-passwords", MODULE_IRI + "/units/lesson-two-step", MODULE_IRI + "/units/post-test");
        assertThat(aus).extracting(a -> children(a, "url").get(0).getTextContent()).containsExactly("index.html",
                "lesson-passwords.html", "lesson-two-step.html", "post-test.html");
        assertThat(aus).extracting(a -> a.getAttribute("moveOn")).containsExactly("Completed", "Completed", "Completed", "Passed");
        assertThat(aus).extracting(a -> a.getAttribute("masteryScore")).containsExactly("", "", "", "0.7");
        assertThat(langstrings(aus.get(2), "title")).containsExactly(Map.entry("id", "Verifikasi dua langkah"));
    }

    @Test
    void irisFollowTheActivityBaseAndAreTheSameInEveryLanguage() throws Exception {
        List<Path> zips = build(LanguageMode.EACH, UnitLayout.PER_LESSON, Optional.of("https://lrs.example.org/modules/"));
        List<List<String>> ids = new ArrayList<>();
        for (Path zip : zips) {
            Element root = descriptor(zip).getDocumentElement();
            List<String> list = new ArrayList<>();
            list.add(children(root, "course").get(0).getAttribute("id"));
            children(root, "au").forEach(a -> list.add(a.getAttribute("id")));
            ids.add(list);
            String html = new String(Zips.read(zip).get("index.html"), StandardCharsets.UTF_8);
            int start = html.indexOf('>', html.indexOf("id=\"pelita-data\"")) + 1;
            JsonNode data = JSON.readTree(html.substring(start, html.indexOf("</script>", start)));
            // The pages, quizzes and questions are named as in TinCan packages: from the module IRI, not the AU's.
            assertThat(data.at("/xapi/activity").asText()).isEqualTo("https://lrs.example.org/modules/feature-tour");
        }
        assertThat(ids.get(0)).isEqualTo(ids.get(1)).containsExactly("https://lrs.example.org/modules/feature-tour",
                "https://lrs.example.org/modules/feature-tour/units/pre-test",
                "https://lrs.example.org/modules/feature-tour/units/lesson-passwords",
                "https://lrs.example.org/modules/feature-tour/units/lesson-two-step",
                "https://lrs.example.org/modules/feature-tour/units/post-test");
    }

    @Test
    void twoBuildsGiveTheSameBytes() throws Exception {
        for (UnitLayout layout : UnitLayout.values()) {
            Path first = build(LanguageMode.MULTILINGUAL, layout, Optional.empty()).get(0);
            Path second = build(LanguageMode.MULTILINGUAL, layout, Optional.empty()).get(0);
            assertThat(Files.readAllBytes(first)).as(layout.toString()).isEqualTo(Files.readAllBytes(second));
        }
    }

    @Test
    void theSchemaRefusesABrokenCourseStructure() {
        byte[] noUrl = ("<courseStructure xmlns=\"" + NS + "\"><course id=\"urn:x\"><title><langstring lang=\"en\">T</langstring></title>"
                + "<description><langstring lang=\"en\">D</langstring></description></course>"
                + "<au id=\"urn:x/au\" moveOn=\"Sometimes\"><title><langstring>T</langstring></title>"
                + "<description><langstring>D</langstring></description></au></courseStructure>").getBytes(StandardCharsets.UTF_8);
        assertThat(Cmi5Schema.validate(noUrl)).extracting(Cmi5Schema.SchemaError::message)
                .anySatisfy(m -> assertThat(m).contains("Sometimes"))
                .anySatisfy(m -> assertThat(m).contains("url"));
    }

    /**
     * What a cmi5 package carries: the stylesheet, the main script, the xAPI core and the cmi5 adapter (launch sequence,
     * launch data, session and registration rules), about 50 KB uncompressed (17 KB gzipped). SCORM 1.2 keeps 30 KB and
     * TinCan 40 KB; cmi5 gets 52 KB (50 KB until the accessibility fixes and the lessons' definitions in statements,
     * 2026-11-28), so growth in the shared core or the adapter is noticed.
     */
    @Test
    void theRuntimeEachPackageCarriesStaysWithinItsBudget() {
        assertThat(RuntimeFiles.packageSize(Cmi5Target.renderOptions(MODULE_IRI))).isLessThan(52 * 1024);
    }
}
