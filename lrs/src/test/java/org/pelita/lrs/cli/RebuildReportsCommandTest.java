package org.pelita.lrs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pelita.lrs.testing.PilotStatements;
import org.pelita.lrs.testing.TestLrs;

/** rebuild-reports gives the reports the statements stored before the LRS had them (their research rows missing). */
class RebuildReportsCommandTest {
    static java.util.List<String> databases() {
        return TestLrs.databases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void statementsWithoutResearchRowsCountAgainAfterARebuildAndASecondRebuildWritesNothing(String database) {
        try (TestLrs lrs = TestLrs.on(database, Map.of()).credential("researcher", "research")) {
            String module = "urn:pelita:module:rebuild";
            for (String learner : new String[] {"R1", "R2"}) {
                PilotStatements statements = new PilotStatements(module, "1", "en", learner, PilotStatements.day(3)).initialized()
                        .quiz("pre-test", "pre", "b", "a").moduleResult(true, 90).terminated(Duration.ofMinutes(7));
                assertThat(lrs.admin().post("/statements", statements.json()).status()).isEqualTo(200);
            }
            JsonNode before = lrs.research("researcher").get("/reports/funnel").json();
            assertThat(before.get("modules").get(0).get("launched").asInt()).isEqualTo(2);
            lrs.lrs().database().sql().execute("DELETE FROM learning_event"); // as in a store written before reports existed
            assertThat(lrs.research("researcher").get("/reports/funnel").json().get("modules")).isEmpty();

            CommandLineRun.Result first = CommandLineRun.run("rebuild-reports", "--db", lrs.databaseUrl());
            CommandLineRun.Result second = CommandLineRun.run("rebuild-reports", "--db", lrs.databaseUrl());

            assertThat(first.exit()).as(first.err()).isZero();
            assertThat(first.out()).contains("wrote the research rows of 14 statements"); // 2 × (initialized, 2 answers, completed, passed, completed, terminated)
            assertThat(second.out()).contains("wrote the research rows of 0 statements");
            assertThat(lrs.research("researcher").get("/reports/funnel").json()).isEqualTo(before);
        }
    }
}
