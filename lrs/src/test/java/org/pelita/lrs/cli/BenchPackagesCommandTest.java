package org.pelita.lrs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code bench --packages}: a small run prints each figure (the bench fails if a download differs from what it published). */
class BenchPackagesCommandTest {
    @Test
    void aSmallRunPublishesDownloadsAndTimesTheConditionalRequests() {
        CommandLineRun.Result result = CommandLineRun.run("bench", "--packages", "3", "--clients", "2", "--gets", "5");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("-- published packages: a 3 MB package", "publish 3 MB release:",
                "2 downloads at once of the 3 MB package, each checked:", "GET 50,000-byte package, 5 requests: p50",
                "GET with its ETag (304), 5 requests: p50", "H2 database file:");
    }
}
