package org.pelita.lrs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pelita.lrs.http.StatementFixtures.array;
import static org.pelita.lrs.http.StatementFixtures.byId;
import static org.pelita.lrs.http.StatementFixtures.byVoidedId;
import static org.pelita.lrs.http.StatementFixtures.json;
import static org.pelita.lrs.http.StatementFixtures.posted;
import static org.pelita.lrs.testing.XapiClient.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pelita.lrs.testing.XapiClient;

/**
 * Voiding (xAPI 1.0.3 Data §2.3.2, Communication §2.1.4): a statement with verb voided and a StatementRef object voids
 * its target, which then comes back only by voidedStatementId; a voiding statement cannot itself be voided; statements
 * targeting a voided statement, the voiding one included, still meet its filters (§2.1.4.s1.b2).
 */
class StatementsVoidingTest {
    private static final StatementServers SERVERS = new StatementServers();

    @AfterAll
    static void stop() {
        SERVERS.close();
    }

    private static XapiClient admin(String database) {
        return SERVERS.on(database).admin();
    }

    private static UUID post(XapiClient client, ObjectNode statement) {
        XapiClient.Response post = client.post("/statements", json(statement));
        assertThat(post.status()).as(post.toString()).isEqualTo(200);
        return UUID.fromString(posted(post).get(0));
    }

    private static List<String> find(XapiClient client, String parameters) {
        XapiClient.Response get = client.get("/statements?" + parameters);
        assertThat(get.status()).isEqualTo(200);
        return StatementFixtures.ids(get);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aVoidingStatementVoidsItsTargetAndIsItselfAnOrdinaryStatement(String database) {
        StatementFixtures f = new StatementFixtures();
        UUID target = post(admin(database), f.statement());

        UUID voiding = post(admin(database), f.voiding(target));

        assertThat(admin(database).get(byId(target)).status()).isEqualTo(404);
        assertThat(admin(database).get(byVoidedId(target)).json().get("id").asText()).isEqualTo(target.toString());
        assertThat(admin(database).get(byId(voiding)).status()).isEqualTo(200);
        assertThat(admin(database).get(byVoidedId(voiding)).status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void filteredQueriesLeaveTheVoidedStatementOutButReturnThoseTargetingIt(String database) {
        // Communication §2.1.4.s1.b1 and b2: never the voided statement, but every statement targeting it that meets
        // the filter through it, the voiding statement included.
        StatementFixtures f = new StatementFixtures();
        XapiClient admin = admin(database);
        UUID target = post(admin, f.statement("ben", "passed", "explosives"));
        UUID comment = post(admin, f.referring(target, "commented"));
        UUID voiding = post(admin, f.voiding(target));

        for (String filter : List.of(f.agentParameter("ben"), query("activity", f.activity("explosives")),
                query("verb", f.verb("passed")))) {
            assertThat(find(admin, filter)).as(filter).containsExactlyInAnyOrder(comment.toString(), voiding.toString());
        }
        // Without filters (only a time window, which only this test's statements fall in) it is left out as well.
        OffsetDateTime stored = OffsetDateTime.parse(admin.get(byVoidedId(target)).json().get("stored").asText());
        assertThat(find(admin, query("since", stored.minusNanos(1_000_000).toString())))
                .containsExactlyInAnyOrder(comment.toString(), voiding.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aStatementVoidedBeforeItArrivesIsStoredVoided(String database) {
        // Data §2.3.2.s2.b5: the LRS SHOULD NOT reject a voiding statement because its target is not there (yet).
        StatementFixtures f = new StatementFixtures();
        UUID target = UUID.randomUUID();
        UUID voiding = post(admin(database), f.voiding(target));

        assertThat(admin(database).put(byId(target), json(f.statement())).status()).isEqualTo(204);

        assertThat(admin(database).get(byId(target)).status()).isEqualTo(404);
        assertThat(admin(database).get(byVoidedId(target)).status()).isEqualTo(200);
        assertThat(find(admin(database), f.agentParameter("learner"))).containsExactly(voiding.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aTargetAndItsVoidingStatementInOneBatchEndVoided(String database) {
        StatementFixtures f = new StatementFixtures();
        UUID target = UUID.randomUUID();

        XapiClient.Response post = admin(database).post("/statements", array(f.voiding(target), f.statement().put("id", target.toString())));

        assertThat(post.status()).isEqualTo(200);
        assertThat(admin(database).get(byId(target)).status()).isEqualTo(404);
        assertThat(admin(database).get(byVoidedId(target)).status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aVoidingStatementCannotBeVoided(String database) {
        // Data §2.3.2: "Any Statement that voids another cannot itself be voided" (s2.b3). The LRS may reject such a
        // statement or accept and ignore it (conformance requirement XAPI-00016); this LRS accepts and ignores it.
        StatementFixtures f = new StatementFixtures();
        UUID target = post(admin(database), f.statement());
        UUID voiding = post(admin(database), f.voiding(target));

        XapiClient.Response again = admin(database).post("/statements", json(f.voiding(voiding)));

        assertThat(again.status()).isEqualTo(200);
        assertThat(admin(database).get(byId(voiding)).status()).isEqualTo(200);
        assertThat(admin(database).get(byVoidedId(voiding)).status()).isEqualTo(404);
        assertThat(admin(database).get(byVoidedId(target)).status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void voidingAnAlreadyVoidedStatementLeavesItVoided(String database) {
        StatementFixtures f = new StatementFixtures();
        UUID target = post(admin(database), f.statement());
        post(admin(database), f.voiding(target));

        assertThat(admin(database).post("/statements", json(f.voiding(target))).status()).isEqualTo(200);

        assertThat(admin(database).get(byId(target)).status()).isEqualTo(404);
        assertThat(admin(database).get(byVoidedId(target)).status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aVoidedStatementSentAgainStaysVoidedAndUnchanged(String database) {
        // Statements are immutable (Communication §2.1.1.s2.b2): sending a voided statement again does not unvoid it;
        // to "unvoid", a provider sends it again under a new id (Data §2.3.2.s2.b7).
        StatementFixtures f = new StatementFixtures();
        UUID target = UUID.randomUUID();
        assertThat(admin(database).put(byId(target), json(f.statement())).status()).isEqualTo(204);
        post(admin(database), f.voiding(target));

        assertThat(admin(database).put(byId(target), json(f.statement())).status()).isEqualTo(204);
        assertThat(admin(database).put(byId(target), json(f.statement("learner", "completed", "course"))).status()).isEqualTo(409);

        assertThat(admin(database).get(byId(target)).status()).isEqualTo(404);
        assertThat(admin(database).get(byVoidedId(target)).json().get("verb").get("id").asText()).isEqualTo(f.verb("attempted"));
        UUID again = post(admin(database), f.statement());
        assertThat(find(admin(database), f.agentParameter("learner"))).contains(again.toString()).doesNotContain(target.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aVoidingStatementWhoseObjectIsNotAStatementRefGets400AndStoresNothing(String database) {
        // Data §2.3.2.s2.b1: the object of a voiding statement MUST be a StatementRef.
        StatementFixtures f = new StatementFixtures();
        UUID id = UUID.randomUUID();
        ObjectNode statement = f.statementWithId(id);
        ((ObjectNode) statement.get("verb")).put("id", StatementFixtures.VOIDED);

        XapiClient.Response post = admin(database).post("/statements", json(statement));

        assertThat(post.status()).isEqualTo(400);
        assertThat(post.json().get("message").asText()).contains("$.object").contains("StatementRef");
        assertThat(admin(database).get(byId(id)).status()).isEqualTo(404);
    }
}
