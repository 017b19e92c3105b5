package org.pelita.packager.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pelita.packager.testing.Repository;

/** bench --samples: the sizes of real modules, per target and language, as docs/benchmarks.md records them. */
class BenchCommandTest {
    private final CommandLineRun cli = new CommandLineRun();

    @TempDir
    Path folder;

    @Test
    void samplesPrintsOneRowPerModuleTargetAndLanguageWithSizesThatAddUp() {
        Repository.copyOfFixture("web-languages", folder);
        assertThat(cli.run("bench", "--samples", folder.toString())).isZero();
        List<String[]> rows = cli.out().lines().filter(line -> line.startsWith("web-languages "))
                .map(line -> line.trim().split("\\s+")).toList();
        assertThat(rows).extracting(row -> row[1] + " " + row[2]).containsExactly(
                "scorm12 th", "scorm12+xapi th", "xapi th", "cmi5 th", "web th",
                "scorm12 vi", "scorm12+xapi vi", "xapi vi", "cmi5 vi", "web vi");
        for (String[] row : rows) {
            long[] sizes = Arrays.stream(row, 3, 7).mapToLong(n -> Long.parseLong(n.replace(",", ""))).toArray();
            assertThat(sizes[1]).as("without media ≤ zip").isLessThanOrEqualTo(sizes[0]).isPositive();
            assertThat(sizes[3]).as("gzip < plain first view").isLessThan(sizes[2]).isPositive();
        }
    }
}
