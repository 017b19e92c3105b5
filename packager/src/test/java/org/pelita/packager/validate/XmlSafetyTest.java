package org.pelita.packager.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XmlSafetyTest {
    @TempDir
    Path dir;

    @Test
    void malformedXmlIsAnErrorAtTheLineOfTheMistake() throws IOException {
        String broken = TestPackages.manifestWith("<title>Lesson</title>", "<title>Lesson</titel>");

        ValidationReport report = TestPackages.validateManifest(broken, dir);

        assertThat(report.findings()).extracting(Finding::code).containsExactly("manifest-malformed");
        assertThat(report.findings().get(0).location())
                .isEqualTo(Location.at("imsmanifest.xml", TestPackages.lineOf(broken, "</titel>")));
    }

    @Test
    void anExternalEntityIsRefusedAndTheFileItPointsAtIsNeverRead() throws IOException {
        String secret = "pelita-secret-" + System.nanoTime();
        Path local = Files.writeString(dir.resolve("hostname"), secret);
        for (String target : List.of(local.toUri().toString(), "file:///etc/hostname")) {
            String manifest = """
                    <?xml version="1.0"?>
                    <!DOCTYPE manifest [ <!ENTITY leak SYSTEM "%s"> ]>
                    <manifest identifier="M" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2">
                      <organizations><organization identifier="O"><title>&leak;</title></organization></organizations>
                      <resources/>
                    </manifest>
                    """.formatted(target);

            ValidationReport report = TestPackages.validateManifest(manifest, dir);

            assertThat(report.findings()).extracting(Finding::code).containsExactly("manifest-doctype");
            assertThat(report.findings().get(0).message()).contains("DTDs and entities are not allowed");
            String everything = report.toText() + report.toJson();
            assertThat(everything).doesNotContain(secret);
            Path hostname = Path.of("/etc/hostname");
            if (Files.isReadable(hostname) && !Files.readString(hostname).isBlank()) {
                assertThat(everything).doesNotContain(Files.readString(hostname).trim());
            }
        }
    }

    @Test
    void anEntityExpansionBombIsRefusedAsADoctype() throws IOException {
        String manifest = """
                <?xml version="1.0"?>
                <!DOCTYPE manifest [
                  <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
                  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
                  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
                  <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
                ]>
                <manifest identifier="M">&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;</manifest>
                """;

        ValidationReport report = TestPackages.validateManifest(manifest, dir);

        assertThat(report.findings()).extracting(Finding::code).containsExactly("manifest-doctype");
    }

    @Test
    void absurdlyDeepNestingIsRefusedBeforeAnyCheckRecursesIntoIt() throws IOException {
        int depth = ManifestDom.MAX_DEPTH + 50;
        String items = "<item identifier=\"I\">".repeat(depth) + "</item>".repeat(depth);
        String manifest = TestPackages.manifestWith("<title>Course</title>", "<title>Course</title>" + items);

        ValidationReport report = TestPackages.validateManifest(manifest, dir);

        assertThat(report.findings()).extracting(Finding::code).containsExactly("manifest-too-deep");
    }

    @Test
    void aRootElementOtherThanManifestIsReported() throws IOException {
        ValidationReport report = TestPackages.validateManifest("<?xml version=\"1.0\"?>\n<course/>", dir);

        assertThat(report.withCode("root-not-manifest")).singleElement()
                .satisfies(f -> assertThat(f.location().line()).isEqualTo(2));
    }
}
