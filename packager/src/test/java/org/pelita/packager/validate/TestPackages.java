package org.pelita.packager.validate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** A small valid SCORM 1.2 package, and variants of its manifest for tests that break one rule each. */
public final class TestPackages {
    /** Valid against the schemas, launchable in Moodle, every file listed: the validator finds nothing wrong. */
    public static final String MANIFEST = """
            <?xml version="1.0" encoding="UTF-8"?>
            <manifest identifier="MANIFEST-1" version="1.0"
                      xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
                      xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
              <metadata>
                <schema>ADL SCORM</schema>
                <schemaversion>1.2</schemaversion>
              </metadata>
              <organizations default="ORG-1">
                <organization identifier="ORG-1">
                  <title>Course</title>
                  <item identifier="ITEM-1" identifierref="RES-1">
                    <title>Lesson</title>
                    <adlcp:masteryscore>80</adlcp:masteryscore>
                  </item>
                </organization>
              </organizations>
              <resources>
                <resource identifier="RES-1" type="webcontent" adlcp:scormtype="sco" href="index.html">
                  <file href="index.html"/>
                  <file href="style.css"/>
                </resource>
              </resources>
            </manifest>
            """;

    private TestPackages() {
    }

    /** The baseline package with the manifest replaced. */
    public static TestZip withManifest(String manifest) {
        return TestZip.create()
                .add("imsmanifest.xml", manifest)
                .add("index.html", "<!doctype html><title>Lesson</title>")
                .add("style.css", "body { margin: 0 }");
    }

    /** The baseline manifest with one piece of text replaced; fails loudly if the piece is not there. */
    public static String manifestWith(String find, String replacement) {
        if (!MANIFEST.contains(find)) {
            throw new IllegalArgumentException("baseline manifest has no '" + find + "'");
        }
        return MANIFEST.replace(find, replacement);
    }

    /** The 1-based line of the first occurrence of a snippet, so tests need not count lines. */
    public static int lineOf(String manifest, String snippet) {
        int index = manifest.indexOf(snippet);
        if (index < 0) {
            throw new IllegalArgumentException("no '" + snippet + "' in the manifest");
        }
        return (int) manifest.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    }

    public static ValidationReport validate(TestZip zip, Path folder) throws IOException {
        return PackageValidator.validate(zip.writeTo(folder.resolve("package.zip")), ZipLimits.DEFAULTS);
    }

    public static ValidationReport validateManifest(String manifest, Path folder) throws IOException {
        return validate(withManifest(manifest), folder);
    }

    public static byte[] resource(String name) {
        try (InputStream in = TestPackages.class.getResourceAsStream("/validate/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
