package org.pelita.packager.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeZipTest {
    private static final long MIB = 1024 * 1024;
    /** 200 MiB of zeros, deflated to about 200 KiB; built once, streaming. */
    private static TestZip.Payload bomb;

    @TempDir
    Path dir;

    @BeforeAll
    static void buildBomb() {
        bomb = TestZip.zeros(200 * MIB);
    }

    private ValidationReport validate(TestZip zip) throws IOException {
        return TestPackages.validate(zip, dir);
    }

    private static TestZip baseline() {
        return TestPackages.withManifest(TestPackages.MANIFEST);
    }

    @Test
    void aFileThatIsNotAZipIsReportedAsNotAZipInsteadOfThrowing() throws IOException {
        Path file = Files.writeString(dir.resolve("course.zip"), "<html>this is a web page, not a zip</html>");

        ValidationReport report = PackageValidator.validate(file, ZipLimits.DEFAULTS);

        assertThat(report.findings()).extracting(Finding::code).containsExactly("not-a-zip");
        assertThat(report.findings().get(0).location()).isEqualTo(Location.ZIP);
    }

    @Test
    void aMissingFileAFolderAndAnEmptyFileAreNotZips() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.zip"));

        for (Path path : new Path[] {dir.resolve("absent.zip"), dir, empty}) {
            assertThat(PackageValidator.validate(path, ZipLimits.DEFAULTS).findings())
                    .as(path.toString()).extracting(Finding::code).containsExactly("not-a-zip");
        }
    }

    @Test
    void namesThatEscapeTheExtractionFolderAreZipSlipErrors() throws IOException {
        ValidationReport report = validate(baseline()
                .add("../evil.txt", "x")
                .add("/abs.txt", "x")
                .add("C:/windows.txt", "x")
                .add("content/../../up.txt", "x")
                .add("content/..hidden/fine.txt", "x"));

        assertThat(report.withCode("zip-slip")).extracting(f -> f.location().entry())
                .containsExactlyInAnyOrder("../evil.txt", "/abs.txt", "C:/windows.txt", "content/../../up.txt");
    }

    @Test
    void backslashesInNamesAreErrorsAndABackslashDotDotIsAlsoZipSlip() throws IOException {
        ValidationReport report = validate(baseline().add("a\\b.txt", "x").add("..\\evil.txt", "x"));

        assertThat(report.withCode("entry-name-backslash")).extracting(f -> f.location().entry())
                .containsExactlyInAnyOrder("a\\b.txt", "..\\evil.txt");
        assertThat(report.withCode("zip-slip")).extracting(f -> f.location().entry()).containsExactly("..\\evil.txt");
    }

    @Test
    void duplicateEntryNamesAreReportedOncePerName() throws IOException {
        ValidationReport report = validate(baseline().add("index.html", "second").add("index.html", "third"));

        assertThat(report.withCode("duplicate-entry")).singleElement()
                .satisfies(f -> assertThat(f.location().entry()).isEqualTo("index.html"));
    }

    @Test
    void aBombHiddenBehindADuplicateNameIsStillInflatedAndFound() throws IOException {
        // Looked up by name, both entries would read the harmless second copy.
        TestZip zip = baseline().addDeflated("page.html".getBytes(StandardCharsets.UTF_8), bomb.deflated(), 1000, bomb.crc())
                .add("page.html", "harmless");

        ValidationReport report = validate(zip);

        assertThat(report.withCode("duplicate-entry")).hasSize(1);
        assertThat(report.withCode("zip-bomb")).hasSize(1);
    }

    @Test
    void anEncryptedEntryIsAnErrorAndTheContentsAreNotChecked() throws IOException {
        ValidationReport report = validate(baseline().add("secret.html", "x").withFlags(0x1));

        assertThat(report.withCode("encrypted-entry")).extracting(f -> f.location().entry()).containsExactly("secret.html");
        assertThat(report.withCode("contents-not-checked")).hasSize(1);
        assertThat(report.withCode("launch-item")).isEmpty();
    }

    @Test
    void anEntryCompressedWithAMethodServersCannotReadIsAnError() throws IOException {
        ValidationReport report = validate(baseline().add("video.mp4", "x").withMethod(9));

        assertThat(report.withCode("unsupported-compression")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("Deflate64"));
        assertThat(report.withCode("contents-not-checked")).hasSize(1);
    }

    @Test
    void aSymbolicLinkEntryIsAnError() throws IOException {
        ValidationReport report = validate(baseline().addStored("passwd", "/etc/passwd".getBytes(StandardCharsets.UTF_8)).asSymlink());

        assertThat(report.withCode("symlink-entry")).extracting(f -> f.location().entry()).containsExactly("passwd");
    }

    @Test
    void aMistakeRepeatedThousandsOfTimesIsListedFiftyTimesThenCounted() throws IOException {
        TestZip zip = baseline();
        for (int i = 0; i < 2000; i++) {
            zip.add("../evil" + i + ".txt", "x");
        }

        ValidationReport report = validate(zip);

        assertThat(report.withCode("zip-slip")).hasSize(50);
        assertThat(report.withCode("findings-truncated")).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("1950 more 'zip-slip' findings"));
    }

    @Test
    void anEntryWhoseChecksumDoesNotMatchIsCorrupt() throws IOException {
        ValidationReport report = validate(baseline().add("page.html", "hello").withCrc(0x1234));

        assertThat(report.withCode("corrupt-entry")).singleElement()
                .satisfies(f -> assertThat(f.location().entry()).isEqualTo("page.html"));
    }

    @Test
    void anEntryWhoseDataCannotBeInflatedIsCorrupt() throws IOException {
        byte[] garbage = "definitely not deflate data \u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        ValidationReport report = validate(baseline().addDeflated("page.html".getBytes(StandardCharsets.UTF_8),
                garbage, 100, 0));

        assertThat(report.withCode("corrupt-entry")).extracting(f -> f.location().entry()).containsExactly("page.html");
    }

    @Test
    void anEntryWhoseDeclaredSizeLiesIsAnErrorNamingBothSizes() throws IOException {
        byte[] content = "x".repeat(5000).getBytes(StandardCharsets.UTF_8);
        ValidationReport report = validate(baseline().add("page.html", content).withDeclaredSize(10));

        assertThat(report.withCode("entry-size-mismatch")).singleElement().satisfies(f -> {
            assertThat(f.location().entry()).isEqualTo("page.html");
            assertThat(f.message()).contains("10", "5000");
        });
    }

    @Test
    void aZipBombWithHonestHeadersIsRefusedWithoutInflatingIt() throws IOException {
        TestZip zip = baseline().addDeflated("zeros.bin".getBytes(StandardCharsets.UTF_8), bomb.deflated(), bomb.size(), bomb.crc());
        assertThat(Files.size(zip.writeTo(dir.resolve("bomb.zip")))).isLessThan(2 * MIB);

        long start = System.nanoTime();
        ValidationReport report = PackageValidator.validate(dir.resolve("bomb.zip"), ZipLimits.DEFAULTS);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(report.withCode("zip-bomb")).singleElement().satisfies(f -> {
            assertThat(f.location().entry()).isEqualTo("zeros.bin");
            assertThat(f.message()).contains("not inflated");
        });
        assertThat(millis).as("inflating 200 MiB would take far longer").isLessThan(2000);
        // The rest of the package is still checked.
        assertThat(report.withCode("launch-item")).hasSize(1);
    }

    @Test
    void aZipBombThatDeclaresATinySizeIsCaughtWhileInflatingAndReadingStopsEarlyInLittleMemory() throws IOException {
        TestZip zip = baseline().addDeflated("zeros.bin".getBytes(StandardCharsets.UTF_8), bomb.deflated(), 1000, bomb.crc());
        Path file = zip.writeTo(dir.resolve("liar.zip"));
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        PackageValidator.validate(file, ZipLimits.DEFAULTS); // warm up class loading and the schema
        long before = threads.getCurrentThreadAllocatedBytes();

        ValidationReport report = PackageValidator.validate(file, ZipLimits.DEFAULTS);

        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(report.withCode("zip-bomb")).singleElement().satisfies(f -> {
            assertThat(f.location().entry()).isEqualTo("zeros.bin");
            assertThat(f.message()).contains("declares 1000", "Reading stopped");
            // Stopped at 100 x the compressed size (about 20 MiB), far before the 200 MiB payload.
            long inflated = Long.parseLong(f.message().replaceAll(".*more than (\\d+) bytes.*", "$1"));
            assertThat(inflated).isLessThan(bomb.size() / 4).isGreaterThan(ZipLimits.DEFAULTS.ratioCheckFromSize());
        });
        assertThat(allocated).as("bytes allocated: the payload is never held in memory").isLessThan(16 * MIB);
    }

    @Test
    void theTotalLimitCountsBytesActuallyInflatedNotTheDeclaredSizes() throws IOException {
        byte[] noise = new byte[3 * (int) MIB];
        new Random(42).nextBytes(noise); // incompressible, so it is no bomb
        ZipLimits limits = ZipLimits.DEFAULTS.withMaxTotalSize(2 * MIB);
        Path file = baseline().add("video.bin", noise).withDeclaredSize(1000).add("after.html", "x")
                .writeTo(dir.resolve("liar.zip"));

        ValidationReport report = PackageValidator.validate(file, limits);

        assertThat(report.withCode("too-large")).singleElement().satisfies(f -> {
            assertThat(f.location().entry()).isEqualTo("video.bin");
            assertThat(f.message()).contains("Reading stopped");
        });
        assertThat(report.withCode("entry-size-mismatch")).as("the entry was abandoned, not finished").isEmpty();
    }

    @Test
    void aZipDeclaringMoreThanTheTotalLimitIsRefusedBeforeInflatingAnythingButItsManifest() throws IOException {
        ZipLimits limits = ZipLimits.DEFAULTS.withMaxTotalSize(1000);
        Path file = baseline().add("big.txt", "y".repeat(5000)).writeTo(dir.resolve("big.zip"));

        ValidationReport report = PackageValidator.validate(file, limits);

        assertThat(report.withCode("too-large")).singleElement()
                .satisfies(f -> assertThat(f.location()).isEqualTo(Location.ZIP));
        assertThat(report.withCode("launch-item")).as("the manifest is still checked").hasSize(1);
    }

    @Test
    void moreEntriesThanTheLimitStopTheCheckBeforeAnythingIsRead() throws IOException {
        TestZip zip = baseline();
        for (int i = 0; i < 10; i++) {
            zip.add("page" + i + ".html", "x");
        }

        ValidationReport report = PackageValidator.validate(zip.writeTo(dir.resolve("many.zip")),
                ZipLimits.DEFAULTS.withMaxEntries(5));

        assertThat(report.findings()).extracting(Finding::code).containsExactly("too-many-entries");
    }

    @Test
    void aCentralDirectoryTooLargeForTheEntryLimitIsRefusedBeforeJavaLoadsIt() throws IOException {
        TestZip zip = TestZip.create();
        for (int i = 0; i < 3; i++) {
            zip.add(i + "x".repeat(30_000), "x");
        }

        ValidationReport report = PackageValidator.validate(zip.writeTo(dir.resolve("names.zip")),
                ZipLimits.DEFAULTS.withMaxEntries(5));

        assertThat(report.findings()).extracting(Finding::code).containsExactly("directory-too-large");
    }

    @Test
    void aDamagedCentralDirectoryIsACorruptZip() throws IOException {
        byte[] bytes = baseline().toBytes();
        int central = indexOf(bytes, new byte[] {0x50, 0x4b, 0x01, 0x02});
        bytes[central + 2] = 0x7f;

        ValidationReport report = PackageValidator.validate(Files.write(dir.resolve("broken.zip"), bytes), ZipLimits.DEFAULTS);

        assertThat(report.findings()).extracting(Finding::code).containsExactly("corrupt-zip");
    }

    @Test
    void bytesPrependedToTheZipLikeASelfExtractorStubDoNotConfuseTheReader() throws IOException {
        byte[] zip = baseline().toBytes();
        byte[] stub = new byte[4096 + zip.length];
        System.arraycopy(zip, 0, stub, 4096, zip.length);

        ValidationReport report = PackageValidator.validate(Files.write(dir.resolve("sfx.zip"), stub), ZipLimits.DEFAULTS);

        assertThat(report.findings()).extracting(Finding::code).containsExactly("launch-item");
    }

    @Test
    void aZip64DirectoryIsReadFromItsZip64EndRecord() throws IOException {
        Path file = dir.resolve("zip64.zip");
        // Java switches to ZIP64 end records above 65,535 entries.
        int entries = 70_000;
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            zip.putNextEntry(new ZipEntry("imsmanifest.xml"));
            zip.write(TestPackages.MANIFEST.getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("index.html"));
            zip.putNextEntry(new ZipEntry("style.css"));
            for (int i = 3; i < entries; i++) {
                // Stored and empty: deflating 70,000 entries would take seconds.
                ZipEntry empty = new ZipEntry("f/" + i);
                empty.setMethod(ZipEntry.STORED);
                empty.setSize(0);
                empty.setCrc(0);
                zip.putNextEntry(empty);
            }
        }

        assertThat(PackageValidator.validate(file, ZipLimits.DEFAULTS.withMaxEntries(entries)).findings())
                .extracting(Finding::code).containsExactly("unreferenced-files", "launch-item");
        assertThat(PackageValidator.validate(file, ZipLimits.DEFAULTS.withMaxEntries(entries - 1)).findings())
                .extracting(Finding::code).containsExactly("too-many-entries");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }

    @Test
    void entriesSharingTheSameDataAreAnOverlapError() throws IOException {
        TestZip zip = baseline().add("payload.bin", "same bytes").addAlias("copy1.bin", 3).addAlias("copy2.bin", 3);

        ValidationReport report = validate(zip);

        assertThat(report.withCode("overlapping-entries")).hasSize(2);
    }

    @Test
    void aNonAsciiNameWithoutTheUtf8FlagIsOnlyAWarningAndTheZipIsStillChecked() throws IOException {
        byte[] cp437Name = {'c', 'a', 'f', (byte) 0x82, '.', 'h', 't', 'm', 'l'}; // "café.html" in CP437
        ValidationReport report = validate(baseline().add("x", "menu").withNameBytes(cp437Name));

        assertThat(report.withCode("entry-name-not-utf8")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
        assertThat(report.withCode("launch-item")).hasSize(1);
        assertThat(report.hasErrors()).isFalse();
    }

    @Test
    void aNameFlaggedUtf8WhoseBytesAreNotUtf8IsAnError() throws IOException {
        byte[] latin1Name = {'c', 'a', 'f', (byte) 0xE9, '.', 'h', 't', 'm', 'l'};
        ValidationReport report = validate(baseline().add("x", "menu").withNameBytes(latin1Name).withFlags(0x800));

        assertThat(report.withCode("entry-name-invalid-utf8")).hasSize(1);
        assertThat(report.withCode("contents-not-checked")).hasSize(1);
    }

    @Test
    void nestedZipsAreNotOpened() throws IOException {
        byte[] inner = TestZip.create().add("imsmanifest.xml", "<not-even-xml").add("../evil.txt", "x").toBytes();
        ValidationReport report = validate(baseline().add("extras/inner.zip", inner));

        assertThat(report.withCode("nested-archive")).singleElement()
                .satisfies(f -> assertThat(f.location().entry()).isEqualTo("extras/inner.zip"));
        assertThat(report.hasErrors()).isFalse();
    }

    @Test
    void aManifestLargerThanItsLimitIsNotParsed() throws IOException {
        String padded = TestPackages.MANIFEST.replace("</manifest>", "<!--" + "x".repeat(4000) + "--></manifest>");
        Path file = TestPackages.withManifest(padded).writeTo(dir.resolve("fat.zip"));

        ValidationReport report = PackageValidator.validate(file, ZipLimits.DEFAULTS.withMaxManifestSize(2000));

        assertThat(report.withCode("manifest-too-large")).hasSize(1);
        assertThat(report.withCode("launch-item")).isEmpty();
        assertThat(report.withCode("manifest-missing")).isEmpty();
    }

    @Test
    void aManifestWhoseDeclaredSizeLiesIsStoppedAtItsLimitWhileInflating() throws IOException {
        String padded = TestPackages.MANIFEST.replace("</manifest>", "<!--" + "x".repeat(4000) + "--></manifest>");
        Path file = TestZip.create().add("imsmanifest.xml", padded).withDeclaredSize(100).add("index.html", "x")
                .writeTo(dir.resolve("fat.zip"));

        ValidationReport report = PackageValidator.validate(file, ZipLimits.DEFAULTS.withMaxManifestSize(2000));

        assertThat(report.withCode("manifest-too-large")).hasSize(1);
    }
}
