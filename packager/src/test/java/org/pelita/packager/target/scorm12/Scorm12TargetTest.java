package org.pelita.packager.target.scorm12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pelita.packager.Packager;
import org.pelita.packager.content.RenderOptions;
import org.pelita.packager.content.RuntimeFiles;
import org.pelita.packager.content.UnitLayout;
import org.pelita.packager.scorm12.Scorm12Schema;
import org.pelita.packager.target.BuildOptions;
import org.pelita.packager.target.LanguageMode;
import org.pelita.packager.target.PackagingException;
import org.pelita.packager.testing.Repository;
import org.pelita.packager.testing.Zips;
import org.pelita.packager.validate.PackageValidator;
import org.pelita.packager.validate.Severity;
import org.pelita.packager.validate.ValidationReport;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The SCORM 1.2 packages: schema-valid manifests and what Moodle checks on import (shared/notes/moodle-scorm-import.md). */
class Scorm12TargetTest {
    @TempDir
    Path work;

    private List<Path> build(Path module, LanguageMode mode, UnitLayout layout) throws Exception {
        Optional<String> language = mode == LanguageMode.ONE ? Optional.of("en") : Optional.empty();
        return new Packager().build(module, new Scorm12Target(), new BuildOptions(mode, language, layout),
                Files.createTempDirectory(work, "out")).packages();
    }

    private static Path sample() {
        return Repository.sample("feature-tour");
    }

    private static Path fixture(String name) {
        return Repository.fixture(name);
    }

    private static Document manifest(Path zip) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(Zips.read(zip).get("imsmanifest.xml")));
    }

    private static List<Element> elements(Document document, String namespace, String name) {
        NodeList nodes = document.getElementsByTagNameNS(namespace, name);
        List<Element> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"EACH, SINGLE", "MULTILINGUAL, SINGLE", "EACH, PER_LESSON", "MULTILINGUAL, PER_LESSON"})
    void everyManifestIsValidAgainstTheOfficialScorm12Schemas(LanguageMode mode, UnitLayout layout) throws Exception {
        List<Path> zips = build(sample(), mode, layout);
        assertThat(zips).hasSize(mode == LanguageMode.EACH ? 2 : 1);
        for (Path zip : zips) {
            assertThat(Scorm12Schema.validate(Zips.read(zip).get("imsmanifest.xml"))).as(zip.toString()).isEmpty();
        }
    }

    @Test
    void aModuleWithoutQuizzesGivesAValidManifestWithoutMasteryScore() throws Exception {
        Path zip = build(fixture("minimal"), LanguageMode.EACH, UnitLayout.SINGLE).get(0);
        assertThat(Scorm12Schema.validate(Zips.read(zip).get("imsmanifest.xml"))).isEmpty();
        assertThat(elements(manifest(zip), Scorm12Schema.ADLCP_NS, "masteryscore")).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"EACH, SINGLE", "MULTILINGUAL, PER_LESSON"})
    void everyPackageBuiltPassesValidateWithoutErrorsOrWarnings(LanguageMode mode, UnitLayout layout) throws Exception {
        for (Path zip : build(sample(), mode, layout)) {
            ValidationReport report = PackageValidator.validate(zip);
            assertThat(report.findings()).as(report.toText()).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
            assertThat(report.withCode("launch-item")).singleElement().extracting(f -> f.message()).asString().contains("index.html");
        }
    }

    @Test
    void theManifestAndItsSchemasAreAtTheZipRoot() throws Exception {
        Path zip = build(sample(), LanguageMode.ONE, UnitLayout.SINGLE).get(0);
        assertThat(zip.getFileName()).hasToString("feature-tour-1.0.0-scorm12-en.zip");
        assertThat(Zips.names(zip)).startsWith("imsmanifest.xml")
                .contains("imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd", "imsmd_rootv1p2p1.xsd", "ims_xml.xsd", "index.html")
                .allSatisfy(name -> assertThat(name).doesNotStartWith("/").doesNotContain(".."));
        assertThat(Zips.read(zip).get("adlcp_rootv1p2.xsd")).isEqualTo(Files.readAllBytes(
                Repository.root().resolve("packager/src/main/resources/org/pelita/packager/scorm12/schema/adlcp_rootv1p2.xsd")));
    }

    @Test
    void imsCpIsTheDefaultNamespaceAndTheAdlExtensionUsesThePrefixAdlcp() throws Exception {
        Path zip = build(sample(), LanguageMode.ONE, UnitLayout.SINGLE).get(0);
        String xml = new String(Zips.read(zip).get("imsmanifest.xml"), StandardCharsets.UTF_8);
        assertThat(xml).contains("xmlns=\"" + Scorm12Schema.IMSCP_NS + "\"", "xmlns:adlcp=\"" + Scorm12Schema.ADLCP_NS + "\"",
                "<resource identifier=\"RES-module\" type=\"webcontent\" adlcp:scormtype=\"sco\" href=\"index.html\">",
                "<adlcp:masteryscore>70</adlcp:masteryscore>", "<manifest ", "<organizations default=\"ORG-feature-tour\">");
        assertThat(xml).doesNotContain("ns2:", "ns1:", "scormType");
        Document document = manifest(zip);
        assertThat(document.getDocumentElement().getPrefix()).isNull();
        assertThat(elements(document, Scorm12Schema.ADLCP_NS, "masteryscore")).allSatisfy(e -> assertThat(e.getPrefix()).isEqualTo("adlcp"));
    }

    @Test
    void theSchemaVersionIs12() throws Exception {
        Document document = manifest(build(sample(), LanguageMode.ONE, UnitLayout.SINGLE).get(0));
        assertThat(elements(document, Scorm12Schema.IMSCP_NS, "schema")).singleElement().extracting(Element::getTextContent).isEqualTo("ADL SCORM");
        assertThat(elements(document, Scorm12Schema.IMSCP_NS, "schemaversion")).singleElement().extracting(Element::getTextContent).isEqualTo("1.2");
    }

    @Test
    void everyFileTheManifestNamesIsInTheZipAndEveryScoLaunchesAnExistingFile() throws Exception {
        for (UnitLayout layout : UnitLayout.values()) {
            Path zip = build(sample(), LanguageMode.ONE, layout).get(0);
            List<String> names = Zips.names(zip);
            Document document = manifest(zip);
            assertThat(elements(document, Scorm12Schema.IMSCP_NS, "file")).isNotEmpty()
                    .allSatisfy(file -> assertThat(names).contains(file.getAttribute("href")));
            List<Element> scos = elements(document, Scorm12Schema.IMSCP_NS, "resource").stream()
                    .filter(r -> "sco".equals(r.getAttributeNS(Scorm12Schema.ADLCP_NS, "scormtype"))).toList();
            assertThat(scos).isNotEmpty().allSatisfy(sco -> assertThat(names).contains(sco.getAttribute("href")));
            assertThat(elements(document, Scorm12Schema.IMSCP_NS, "item")).allSatisfy(item ->
                    assertThat(scos).extracting(s -> s.getAttribute("identifier")).contains(item.getAttribute("identifierref")));
        }
    }

    @Test
    void oneScoPerLessonPutsTheMasteryScoreOnThePostTestOnly() throws Exception {
        Document document = manifest(build(sample(), LanguageMode.ONE, UnitLayout.PER_LESSON).get(0));
        List<Element> items = elements(document, Scorm12Schema.IMSCP_NS, "item");
        assertThat(items).extracting(i -> i.getAttribute("identifier"))
                .containsExactly("ITEM-pre-test", "ITEM-lesson-passwords", "ITEM-lesson-two-step", "ITEM-post-test");
        assertThat(elements(document, Scorm12Schema.IMSCP_NS, "resource")).extracting(r -> r.getAttribute("href"))
                .containsExactly("index.html", "lesson-passwords.html", "lesson-two-step.html", "post-test.html", "");
        List<Element> mastery = elements(document, Scorm12Schema.ADLCP_NS, "masteryscore");
        assertThat(mastery).singleElement().satisfies(m -> {
            assertThat(m.getTextContent()).isEqualTo("70");
            assertThat(((Element) m.getParentNode()).getAttribute("identifier")).isEqualTo("ITEM-post-test");
        });
    }

    @Test
    void theSameDefinitionBuildsIntoByteIdenticalZipsWhateverTheMachinesZoneAndLocale() throws Exception {
        TimeZone zone = TimeZone.getDefault();
        Locale locale = Locale.getDefault();
        try {
            byte[] first = Files.readAllBytes(build(sample(), LanguageMode.MULTILINGUAL, UnitLayout.SINGLE).get(0));
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Bangkok"));
            Locale.setDefault(Locale.forLanguageTag("th-TH"));
            byte[] second = Files.readAllBytes(build(sample(), LanguageMode.MULTILINGUAL, UnitLayout.SINGLE).get(0));
            assertThat(second).isEqualTo(first);
        } finally {
            TimeZone.setDefault(zone);
            Locale.setDefault(locale);
        }
    }

    @Test
    void aUnitWhoseSavedStateCouldExceedScorm12sLimitIsRefused() throws Exception {
        Path module = work.resolve("long-quiz");
        Files.createDirectories(module.resolve("content/en/basics"));
        Files.writeString(module.resolve("content/en/basics/intro.md"), "# Intro\n\nText.\n");
        StringBuilder yaml = new StringBuilder("id: long-quiz\nversion: 1.0.0\nlanguages: [en]\ntitle: Long\ndescription: Many fill-ins.\n"
                + "lessons:\n  - id: basics\n    title: Basics\n    pages: [intro]\nquizzes:\n  - id: final\n    kind: post-test\n"
                + "    title: Final\n    questions:\n");
        for (int i = 1; i <= 30; i++) {
            yaml.append("      - id: q").append(i).append("\n        type: fill-in\n        prompt: Question ").append(i)
                    .append("\n        accept: [yes]\n");
        }
        Files.writeString(module.resolve("module.yaml"), yaml);
        Path out = work.resolve("long-out");
        assertThatThrownBy(() -> new Packager().build(module, new Scorm12Target(), BuildOptions.defaults(), out))
                .isInstanceOf(PackagingException.class)
                .hasMessageContaining("unit 'module' may save up to").hasMessageContaining("over SCORM 1.2's limit of 4095");
        assertThat(out).doesNotExist();
    }

    /** What a SCORM package carries: the stylesheet, the main script and the SCORM adapter (xAPI targets: TinCanTargetTest). */
    @Test
    void theRuntimeScriptsAndStylesOfAScormPackageStayUnder30Kilobytes() {
        assertThat(RuntimeFiles.packageSize(new RenderOptions("scorm12.js", List.of()))).isLessThan(30 * 1024);
    }

    @Test
    void everyPackageCarriesItsMediaOnce() throws IOException, Exception {
        Map<String, byte[]> files = Zips.read(build(sample(), LanguageMode.MULTILINGUAL, UnitLayout.PER_LESSON).get(0));
        assertThat(files.keySet()).filteredOn(n -> n.startsWith("assets/"))
                .containsExactly("assets/media/padlock.svg", "assets/media/phone-code.svg", "assets/media/tip-en.wav");
        assertThat(files.get("assets/media/tip-en.wav")).isEqualTo(Files.readAllBytes(sample().resolve("media/tip-en.wav")));
    }
}
