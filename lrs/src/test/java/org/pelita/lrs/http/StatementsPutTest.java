package org.pelita.lrs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pelita.lrs.http.StatementFixtures.byId;
import static org.pelita.lrs.http.StatementFixtures.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pelita.lrs.testing.XapiClient;

/**
 * PUT statements (xAPI 1.0.3 Communication §2.1.1): one statement with the id given as statementId; statements are
 * immutable, so the same statement again is 204 and a different one with that id 409 (§2.1.1.s2.b2, b3).
 */
class StatementsPutTest {
    private static final StatementServers SERVERS = new StatementServers();

    @AfterAll
    static void stop() {
        SERVERS.close();
    }

    private static XapiClient admin(String database) {
        return SERVERS.on(database).admin();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void putWithStatementIdGets204AndStoresTheStatementUnderThatId(String database) {
        StatementFixtures f = new StatementFixtures();
        UUID id = UUID.randomUUID();

        XapiClient.Response put = admin(database).put(byId(id), json(f.statement()));

        assertThat(put.status()).isEqualTo(204);
        assertThat(put.bytes()).isEmpty();
        XapiClient.Response get = admin(database).get(byId(id));
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.json().get("id").asText()).isEqualTo(id.toString());
        assertThat(get.json().get("object").get("id").asText()).isEqualTo(f.activity("course"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void putWithTheIdAlsoInTheBodyGets204(String database) {
        StatementFixtures f = new StatementFixtures();
        UUID id = UUID.randomUUID();

        assertThat(admin(database).put(byId(id), json(f.statementWithId(id))).status()).isEqualTo(204);

        assertThat(admin(database).get(byId(id)).status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void identicalPutOfAnExistingIdGets204AndChangesNothing(String database) {
        StatementFixtures f = new StatementFixtures();
        UUID id = UUID.randomUUID();
        assertThat(admin(database).put(byId(id), json(f.statement())).status()).isEqualTo(204);
        String stored = admin(database).get(byId(id)).json().get("stored").asText();

        XapiClient.Response again = admin(database).put(byId(id), json(f.statement()));

        assertThat(again.status()).isEqualTo(204);
        assertThat(admin(database).get(byId(id)).json().get("stored").asText()).isEqualTo(stored);
        assertThat(StatementFixtures.ids(admin(database).get("/statements?" + f.agentParameter("learner")))).containsExactly(id.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void putDifferingOnlyInWhatTheComparisonIgnoresIsTheSameStatement(String database) {
        // Data §2.3.1: verb displays, activity definitions and the case of e-mail addresses are not part of
        // the immutable statement.
        StatementFixtures f = new StatementFixtures();
        UUID id = UUID.randomUUID();
        assertThat(admin(database).put(byId(id), json(f.statement())).status()).isEqualTo(204);
        ObjectNode same = f.statement();
        ((ObjectNode) same.get("verb")).putObject("display").put("fr-FR", "a essayé");
        ((ObjectNode) same.get("object")).putObject("definition").putObject("name").put("en", "The course");
        ((ObjectNode) same.get("actor")).put("mbox", f.mbox("learner").replace("example.org", "EXAMPLE.org"));

        assertThat(admin(database).put(byId(id), json(same)).status()).isEqualTo(204);

        assertThat(admin(database).get(byId(id)).json().get("verb").get("display").has("en-US")).isTrue();
        // §2.1.1.s2.b2: a statement already stored changes no object either, so its definition is not taken in.
        XapiClient.Response activity = admin(database).get("/activities?" + XapiClient.query("activityId", f.activity("course")));
        assertThat(activity.json().path("definition").path("name").has("en")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void conflictingPutOfAnExistingIdGets409AndKeepsTheFirst(String database) {
        StatementFixtures f = new StatementFixtures();
        UUID id = UUID.randomUUID();
        assertThat(admin(database).put(byId(id), json(f.statement())).status()).isEqualTo(204);

        XapiClient.Response conflict = admin(database).put(byId(id), json(f.statement("learner", "completed", "course")));

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().get("message").asText()).contains(id.toString());
        XapiClient.Response kept = admin(database).get(byId(id));
        assertThat(kept.json().get("verb").get("id").asText()).isEqualTo(f.verb("attempted"));
        assertThat(StatementFixtures.ids(admin(database).get("/statements?" + XapiClient.query("verb", f.verb("completed"))))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void putOfAnIdAlreadyPostedWithOtherContentGets409(String database) {
        StatementFixtures f = new StatementFixtures();
        UUID id = UUID.randomUUID();
        assertThat(admin(database).post("/statements", json(f.statementWithId(id))).status()).isEqualTo(200);

        assertThat(admin(database).put(byId(id), json(f.statement("someone-else", "attempted", "course"))).status()).isEqualTo(409);

        assertThat(admin(database).get(byId(id)).json().get("actor").get("mbox").asText()).isEqualTo(f.mbox("learner"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void putWithoutStatementIdGets400AndStoresNothing(String database) {
        StatementFixtures f = new StatementFixtures();
        UUID id = UUID.randomUUID();

        XapiClient.Response put = admin(database).put("/statements", json(f.statementWithId(id)));

        assertThat(put.status()).isEqualTo(400);
        assertThat(put.json().get("message").asText()).contains("statementId");
        assertThat(admin(database).get(byId(id)).status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void putWhoseBodyIdDiffersFromTheParameterGets400AndStoresNeither(String database) {
        // Communication §2.1.1.s3.b3: where provided, the statement's id MUST match statementId.
        StatementFixtures f = new StatementFixtures();
        UUID parameter = UUID.randomUUID();
        UUID body = UUID.randomUUID();

        XapiClient.Response put = admin(database).put(byId(parameter), json(f.statementWithId(body)));

        assertThat(put.status()).isEqualTo(400);
        assertThat(put.json().get("message").asText()).contains("$.id").contains(parameter.toString());
        assertThat(admin(database).get(byId(parameter)).status()).isEqualTo(404);
        assertThat(admin(database).get(byId(body)).status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void putOfAnArrayGets400AndStoresNothing(String database) {
        StatementFixtures f = new StatementFixtures();
        UUID id = UUID.randomUUID();

        XapiClient.Response put = admin(database).put(byId(id), StatementFixtures.array(f.statementWithId(id)));

        assertThat(put.status()).isEqualTo(400);
        assertThat(admin(database).get(byId(id)).status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void putWithAnUnknownParameterGets400AndStoresNothing(String database) {
        StatementFixtures f = new StatementFixtures();
        UUID id = UUID.randomUUID();

        XapiClient.Response put = admin(database).put(byId(id) + "&registration=" + UUID.randomUUID(), json(f.statement()));

        assertThat(put.status()).isEqualTo(400);
        assertThat(put.json().get("message").asText()).contains("registration");
        assertThat(admin(database).get(byId(id)).status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void concurrentPutsOfOneIdWithDifferentContentStoreOneAndRefuseTheRest(String database) throws Exception {
        // PostgreSQL runs two writer threads: the conflict must be found across concurrent transactions too.
        StatementFixtures f = new StatementFixtures();
        UUID id = UUID.randomUUID();
        int count = 8;
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String verb = "did-" + i;
                statuses.add(pool.submit(() -> admin(database).put(byId(id), json(f.statement("learner", verb, "course"))).status()));
            }
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                results.add(status.get(30, TimeUnit.SECONDS));
            }

            assertThat(results).containsOnly(204, 409);
            assertThat(results).filteredOn(s -> s == 204).hasSize(1);
            String winner = "did-" + results.indexOf(204);
            assertThat(admin(database).get(byId(id)).json().get("verb").get("id").asText()).isEqualTo(f.verb(winner));
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void concurrentIdenticalPutsAllGet204AndStoreOneStatement(String database) throws Exception {
        StatementFixtures f = new StatementFixtures();
        UUID id = UUID.randomUUID();
        int count = 8;
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                statuses.add(pool.submit(() -> admin(database).put(byId(id), json(f.statement())).status()));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get(30, TimeUnit.SECONDS)).isEqualTo(204);
            }

            assertThat(StatementFixtures.ids(admin(database).get("/statements?" + f.agentParameter("learner")))).containsExactly(id.toString());
        } finally {
            pool.shutdownNow();
        }
    }
}
