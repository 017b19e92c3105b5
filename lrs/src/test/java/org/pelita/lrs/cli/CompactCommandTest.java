package org.pelita.lrs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pelita.lrs.cli.CommandLineRun.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pelita.lrs.cli.CommandLineRun.Result;
import org.pelita.lrs.store.Database;
import org.pelita.lrs.testing.TestDatabases;
import org.pelita.lrs.testing.TestLrs;
import org.pelita.lrs.testing.XapiClient;

/**
 * {@code pelita-lrs compact} (docs/lrs.md "H2 file size"): rewrites a stopped H2 database to its live data and keeps every
 * statement; refuses a database the LRS holds, a missing one, and PostgreSQL, with a message and exit code 1.
 */
class CompactCommandTest {
    private static String statement(int i) {
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"actor\":{\"mbox\":\"mailto:learner" + i + "@example.org\"},"
                + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/experienced\"},"
                + "\"object\":{\"id\":\"https://pelita.example.org/activities/page-" + i + "\"}}";
    }

    @Test
    void aStoppedH2DatabaseShrinksAndKeepsEveryStatement() throws Exception {
        String url = TestDatabases.h2();
        TestLrs lrs = TestLrs.at(url);
        XapiClient admin = lrs.admin();
        for (int i = 0; i < 200; i++) {
            assertThat(admin.post("/statements", statement(i)).status()).isEqualTo(200);
        }
        lrs.stop();
        Path file = Database.h2File(url).orElseThrow();
        long before = Files.size(file);

        Result compact = run("compact", "--db", url);

        assertThat(compact.exit()).as(compact.err()).isEqualTo(0);
        assertThat(compact.out()).startsWith("compacted " + file);
        assertThat(Files.size(file)).isLessThan(before);
        try (TestLrs reopened = TestLrs.at(url)) {
            assertThat(reopened.admin().get("/statements?limit=500").json().get("statements").size()).isEqualTo(200);
        }
    }

    @Test
    void aDatabaseTheLrsHoldsIsRefused() {
        try (TestLrs lrs = TestLrs.h2()) {
            Result compact = run("compact", "--db", lrs.databaseUrl());

            assertThat(compact.exit()).isEqualTo(1);
            assertThat(compact.err()).contains("in use (stop the LRS first)");
            assertThat(lrs.admin().get("/statements").status()).isEqualTo(200);
        }
    }

    @Test
    void aMissingDatabaseIsRefusedAndNotCreated() {
        String url = TestDatabases.h2();

        Result compact = run("compact", "--db", url);

        assertThat(compact.exit()).isEqualTo(1);
        assertThat(compact.err()).contains("there is no database at " + url);
        assertThat(Database.h2File(url).orElseThrow()).doesNotExist();
        TestDatabases.drop(url);
    }

    @Test
    void postgresqlIsRefusedBecauseItReclaimsSpaceItself() {
        Result compact = run("compact", "--db", "jdbc:postgresql://127.0.0.1:5432/test");

        assertThat(compact.exit()).isEqualTo(1);
        assertThat(compact.err()).contains("compact is for H2 files");
    }
}
