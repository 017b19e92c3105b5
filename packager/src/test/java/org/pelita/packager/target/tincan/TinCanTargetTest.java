package org.pelita.packager.target.tincan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pelita.packager.Packager;
import org.pelita.packager.content.RuntimeFiles;
import org.pelita.packager.content.UnitLayout;
import org.pelita.packager.target.BuildOptions;
import org.pelita.packager.target.LanguageMode;
import org.pelita.packager.target.PackagingException;
import org.pelita.packager.target.Targets;
import org.pelita.packager.target.scorm12.Scorm12Target;
import org.pelita.packager.testing.Repository;
import org.pelita.packager.testing.Zips;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** TinCan packages: tincan.xml, the launch page's policy and xAPI data, stable IRIs and deterministic bytes. */
class TinCanTargetTest {
    private static final String NS = "http://projecttincan.com/tincan.xsd";
    private static final String MODULE_IRI = "urn:pelita:module:feature-tour";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    private List<Path> build(LanguageMode mode, Optional<String> base) throws Exception {
        Optional<String> language = mode == LanguageMode.ONE ? Optional.of("en") : Optional.empty();
        return new Packager().build(Repository.sample("feature-tour"), new TinCanTarget(),
                new BuildOptions(mode, language, UnitLayout.SINGLE, base), Files.createTempDirectory(work, "out")).packages();
    }

    private static Document descriptor(Path zip) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(Zips.read(zip).get("tincan.xml")));
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

    private static Map<String, String> texts(Element activity, String name) {
        Map<String, String> texts = new java.util.LinkedHashMap<>();
        for (Element e : children(activity, name)) {
            texts.put(e.getAttribute("lang"), e.getTextContent());
        }
        return texts;
    }

    private static List<Element> activities(Document document) {
        Element root = document.getDocumentElement();
        return children(children(root, "activities").get(0), "activity");
    }

    private static JsonNode runtimeData(Path zip) throws Exception {
        String html = new String(Zips.read(zip).get("index.html"), StandardCharsets.UTF_8);
        int start = html.indexOf('>', html.indexOf("id=\"pelita-data\"")) + 1;
        return JSON.readTree(html.substring(start, html.indexOf("</script>", start)));
    }

    @Test
    void theTargetIsCalledXapiAndNamesItsZipsLikeScorm() throws Exception {
        assertThat(Targets.byName("xapi")).get().isInstanceOf(TinCanTarget.class);
        assertThat(build(LanguageMode.EACH, Optional.empty())).extracting(p -> p.getFileName().toString())
                .containsExactly("feature-tour-1.0.0-xapi-en.zip", "feature-tour-1.0.0-xapi-id.zip");
        assertThat(build(LanguageMode.MULTILINGUAL, Optional.empty())).extracting(p -> p.getFileName().toString())
                .containsExactly("feature-tour-1.0.0-xapi-multi.zip");
    }

    @Test
    void tincanXmlHasTheModuleAsCourseAndTheLessonsAsModulesNamedInEveryLanguage() throws Exception {
        Path zip = build(LanguageMode.MULTILINGUAL, Optional.empty()).get(0);
        Document document = descriptor(zip);
        assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo(NS);
        assertThat(document.getDocumentElement().getLocalName()).isEqualTo("tincan");
        List<Element> activities = activities(document);
        assertThat(activities).extracting(a -> a.getAttribute("id")).containsExactly(
                MODULE_IRI, MODULE_IRI + "/lessons/passwords", MODULE_IRI + "/lessons/two-step");
        assertThat(activities).extracting(a -> a.getAttribute("type")).containsExactly(
                "http://adlnet.gov/expapi/activities/course", "http://adlnet.gov/expapi/activities/module",
                "http://adlnet.gov/expapi/activities/module");
        Element course = activities.get(0);
        assertThat(texts(course, "name")).containsExactly(Map.entry("en", "Safer accounts in ten minutes"),
                Map.entry("id", "Akun lebih aman dalam sepuluh menit"));
        assertThat(texts(course, "description")).containsOnlyKeys("en", "id");
        assertThat(texts(course, "description").get("en")).startsWith("Strong passphrases and two-step verification");
        assertThat(texts(course, "launch")).containsExactly(Map.entry("en", "index.html"), Map.entry("id", "index.html"));
        assertThat(texts(activities.get(2), "name")).containsExactly(Map.entry("en", "Two-step verification"),
                Map.entry("id", "Verifikasi dua langkah"));
        assertThat(children(activities.get(2), "launch")).isEmpty();
        assertThat(new String(Zips.read(zip).get("tincan.xml"), StandardCharsets.UTF_8))
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<tincan xmlns=\"" + NS + "\">");
    }

    @Test
    void theZipHoldsTheDescriptorFirstThenThePageTheRuntimeWithTheXapiScriptsAndTheMedia() throws Exception {
        Path zip = build(LanguageMode.ONE, Optional.empty()).get(0);
        List<String> names = Zips.names(zip);
        assertThat(names.get(0)).isEqualTo("tincan.xml");
        assertThat(names).contains("index.html", "pelita/pelita.css", "pelita/pelita.js", "pelita/xapi.js", "pelita/tincan.js",
                "assets/media/padlock.svg").doesNotContain("pelita/scorm12.js", "imsmanifest.xml");
        String html = new String(Zips.read(zip).get("index.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("<script src=\"pelita/xapi.js\"></script>\n<script src=\"pelita/tincan.js\"></script>\n"
                + "<script src=\"pelita/pelita.js\"></script>");
        assertThat(html).contains("connect-src https: http://127.0.0.1:* http://localhost:*;").doesNotContain("unsafe");
    }

    @Test
    void theRuntimeDataCarriesTheActivitiesAndCmiInteractionDefinitionsInEveryPackageLanguage() throws Exception {
        JsonNode x = runtimeData(build(LanguageMode.MULTILINGUAL, Optional.empty()).get(0)).get("xapi");
        assertThat(x.get("activity").asText()).isEqualTo(MODULE_IRI);
        assertThat(x.get("pages").get("page:passwords/passphrases").get("path").asText()).isEqualTo("/pages/passwords/passphrases");
        assertThat(x.get("pages").get("page:passwords/passphrases").get("lesson").asText()).isEqualTo("passwords");
        assertThat(x.get("quizzes").get("passwords-check").get("lesson").asText()).isEqualTo("passwords");
        assertThat(x.get("quizzes").get("post-test").has("lesson")).isFalse();
        assertThat(x.get("questions").size()).isEqualTo(9);

        JsonNode matching = x.get("questions").get("post_test__factor_kinds");
        assertThat(matching.get("path").asText()).matches("/questions/post-test/factor-kinds/[0-9a-f]{12}");
        JsonNode definition = matching.get("definition");
        assertThat(definition.get("type").asText()).isEqualTo("http://adlnet.gov/expapi/activities/cmi.interaction");
        assertThat(definition.get("interactionType").asText()).isEqualTo("matching");
        assertThat(definition.get("correctResponsesPattern")).containsExactly(JSON.valueToTree("1[.]a[,]2[.]b[,]3[.]c"));
        assertThat(definition.get("source")).extracting(s -> s.get("id").asText()).containsExactly("1", "2", "3");
        assertThat(definition.get("target")).extracting(s -> s.get("id").asText()).startsWith("a", "b", "c");
        for (JsonNode question : x.get("questions")) {
            JsonNode d = question.get("definition");
            assertThat(fieldNames(d.get("name"))).as(question.toString()).containsExactly("en", "id");
            for (String component : List.of("choices", "source", "target")) {
                if (d.has(component)) {
                    d.get(component).forEach(c -> assertThat(fieldNames(c.get("description"))).containsExactly("en", "id"));
                }
            }
        }
        JsonNode questions = x.get("questions");
        assertThat(questions.get("pre_test__reuse_password").get("definition").get("correctResponsesPattern"))
                .containsExactly(JSON.valueToTree("false"));
        assertThat(questions.get("passwords_check__passphrase_words").get("definition").get("correctResponsesPattern"))
                .extracting(JsonNode::asText).contains("4", "four");
        assertThat(questions.get("passwords_check__password_manager").get("definition").get("correctResponsesPattern"))
                .containsExactly(JSON.valueToTree("a[,]b"));
        assertThat(questions.get("post_test__setup_order").get("definition").get("interactionType").asText()).isEqualTo("sequencing");
        assertThat(questions.get("post_test__setup_order").get("definition").get("correctResponsesPattern"))
                .containsExactly(JSON.valueToTree("a[,]b[,]c[,]d"));
    }

    private static List<String> fieldNames(JsonNode node) {
        return StreamSupport.stream(((Iterable<String>) node::fieldNames).spliterator(), false).toList();
    }

    @Test
    void activityIrisAreTheSameInEveryLanguageAndFollowTheActivityBase() throws Exception {
        List<Path> zips = build(LanguageMode.EACH, Optional.of("https://lrs.example.org/modules/"));
        for (Path zip : zips) {
            assertThat(activities(descriptor(zip))).extracting(a -> a.getAttribute("id")).containsExactly(
                    "https://lrs.example.org/modules/feature-tour", "https://lrs.example.org/modules/feature-tour/lessons/passwords",
                    "https://lrs.example.org/modules/feature-tour/lessons/two-step");
        }
        assertThat(iris(runtimeData(zips.get(0)))).isEqualTo(iris(runtimeData(zips.get(1)))).hasSize(1 + 2 + 4 + 3 + 9)
                .allSatisfy((kind, iri) -> assertThat(iri).startsWith("https://lrs.example.org/modules/feature-tour"));
    }

    /** Every activity IRI the runtime will use, by kind and key. */
    private static Map<String, String> iris(JsonNode data) {
        JsonNode x = data.get("xapi");
        Map<String, String> iris = new java.util.TreeMap<>();
        iris.put("module", x.get("activity").asText());
        for (String kind : List.of("lessons", "pages", "quizzes", "questions")) {
            x.get(kind).properties().forEach(e -> iris.put(kind + " " + e.getKey(), x.get("activity").asText() + e.getValue().get("path").asText()));
        }
        return iris;
    }

    @Test
    void twoBuildsGiveTheSameBytes() throws Exception {
        Path first = build(LanguageMode.MULTILINGUAL, Optional.empty()).get(0);
        Path second = build(LanguageMode.MULTILINGUAL, Optional.empty()).get(0);
        assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
    }

    @Test
    void oneLaunchPerLessonIsRefused() {
        assertThatThrownBy(() -> new TinCanTarget().build(
                new org.pelita.packager.definition.ModuleLoader().load(Repository.sample("feature-tour")).module(),
                new BuildOptions(LanguageMode.EACH, Optional.empty(), UnitLayout.PER_LESSON)))
                .isInstanceOf(PackagingException.class).hasMessageContaining("--sco-per-lesson is for SCORM 1.2 and cmi5 only");
    }

    @Test
    void scormPackagesCarryNoXapiData() throws Exception {
        Path zip = new Packager().build(Repository.sample("feature-tour"), new Scorm12Target(),
                new BuildOptions(LanguageMode.ONE, Optional.of("en"), UnitLayout.SINGLE), work.resolve("scorm")).packages().get(0);
        assertThat(runtimeData(zip).has("xapi")).isFalse();
        assertThat(Zips.names(zip)).doesNotContain("pelita/xapi.js", "pelita/tincan.js");
    }

    /**
     * What a TinCan package carries: the stylesheet, the main script, the xAPI core (statements, queue, retry) and the
     * TinCan adapter, about 39 KB uncompressed. The budget is per package: SCORM 1.2 keeps its 30 KB
     * (Scorm12TargetTest); TinCan gets 40 KB, so growth in the shared core is noticed.
     */
    @Test
    void theRuntimeEachPackageCarriesStaysWithinItsBudget() {
        assertThat(RuntimeFiles.packageSize(TinCanTarget.renderOptions(MODULE_IRI))).isLessThan(40 * 1024);
    }
}
