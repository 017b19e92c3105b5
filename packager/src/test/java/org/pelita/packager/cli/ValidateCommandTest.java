package org.pelita.packager.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pelita.packager.validate.TestPackages;
import org.pelita.packager.validate.TestZip;
import picocli.CommandLine;

class ValidateCommandTest {
    @TempDir
    Path dir;

    private Path good;
    private Path bad;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void writeZips() throws IOException {
        good = TestPackages.withManifest(TestPackages.MANIFEST).writeTo(dir.resolve("good.zip"));
        bad = TestZip.create().add("course/imsmanifest.xml", TestPackages.MANIFEST).writeTo(dir.resolve("bad.zip"));
    }

    private int run(String... args) {
        CommandLine command = new CommandLine(new ValidateCommand());
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        return command.execute(args);
    }

    @Test
    void aValidZipExitsWith0AndPrintsASummary() {
        int exit = run(good.toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("INFO launch-item imsmanifest.xml:").endsWith(good + ": OK (0 errors, 0 warnings, 1 info)\n");
    }

    @Test
    void aZipWithErrorsExitsWith1AndPrintsEachFindingOnItsLine() {
        int exit = run(bad.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).startsWith("ERROR manifest-not-at-root course/imsmanifest.xml  ")
                .contains(bad + ": FAILED (1 error");
    }

    @Test
    void oneBadZipAmongSeveralMakesTheExitCode1AndEveryZipIsReported() {
        int exit = run(good.toString(), bad.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains(good + ": OK").contains(bad + ": FAILED");
    }

    @Test
    void aFileThatIsNotAZipExitsWith1NotWithAStackTrace() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.zip"), "hello");

        assertThat(run(text.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("ERROR not-a-zip");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void jsonOutputParsesWithJacksonAndMirrorsTheExitCode() throws IOException {
        int exit = run("--format", "json", good.toString(), bad.toString());

        assertThat(exit).isEqualTo(1);
        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertThat(root.get("valid").asBoolean()).isFalse();
        assertThat(root.get("reports")).hasSize(2);
        assertThat(root.get("reports").get(0).get("valid").asBoolean()).isTrue();
        JsonNode finding = root.get("reports").get(1).get("findings").get(0);
        assertThat(finding.get("code").asText()).isEqualTo("manifest-not-at-root");
        assertThat(finding.get("severity").asText()).isEqualTo("ERROR");
    }

    @Test
    void theLimitsOptionsReachTheValidator() throws IOException {
        assertThat(run("--max-entries", "2", good.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("too-many-entries");

        assertThat(run("--max-total-size", "10", good.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("too-large");

        assertThat(run("--max-total-size", "2M", good.toString())).isZero();
    }

    @Test
    void usageErrorsExitWith2() {
        assertThat(run()).as("no zip").isEqualTo(2);
        assertThat(run("--format", "xml", good.toString())).as("unknown format").isEqualTo(2);
        assertThat(run("--max-total-size", "lots", good.toString())).as("not a size").isEqualTo(2);
        assertThat(run("--max-entries", "0", good.toString())).as("zero entries").isEqualTo(2);
        assertThat(run("--no-such-option", good.toString())).as("unknown option").isEqualTo(2);
        assertThat(err.toString()).contains("Usage:");
    }

    @Test
    void theSizeConverterReadsBinarySuffixes() {
        ValidateCommand.SizeConverter sizes = new ValidateCommand.SizeConverter();

        assertThat(sizes.convert("512")).isEqualTo(512L);
        assertThat(sizes.convert("4k")).isEqualTo(4096L);
        assertThat(sizes.convert("200M")).isEqualTo(200L << 20);
        assertThat(sizes.convert("2GiB")).isEqualTo(2L << 30);
    }

    @Test
    void helpExitsWith0() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("validate", "--format", "--max-total-size", "--max-entries");
    }
}
