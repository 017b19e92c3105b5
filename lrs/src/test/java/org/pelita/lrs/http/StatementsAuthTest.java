package org.pelita.lrs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pelita.lrs.http.StatementFixtures.array;
import static org.pelita.lrs.http.StatementFixtures.byId;
import static org.pelita.lrs.http.StatementFixtures.json;
import static org.pelita.lrs.http.StatementFixtures.posted;
import static org.pelita.lrs.testing.XapiClient.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pelita.lrs.store.CredentialStore;
import org.pelita.lrs.testing.TestLrs;
import org.pelita.lrs.testing.XapiClient;

/**
 * Who may do what with statements (xAPI 1.0.3 Communication §4, HTTP Basic; scopes as in §4.2): no or wrong
 * credentials get 401 with a Basic challenge, credentials without the scope 403 and change nothing;
 * statements/read/mine reads only what it stored; a write-only key bound to an activity prefix writes only
 * statements about activities under it and reads nothing (docs/lrs.md, "Write-only keys for content packages").
 */
class StatementsAuthTest {
    private static final String PREFIX = "https://pelita.example.org/modules/cyber-resilience/";
    private static final StatementServers SERVERS = new StatementServers(Map.of(), lrs -> lrs
            .credential("reader", "statements/read")
            .credential("writer", "statements/write")
            .credential("mine", "statements/write statements/read/mine")
            .credential("other-mine", "statements/write statements/read/mine")
            .credential("all-read", "all/read")
            .credential("package", "statements/write", PREFIX)
            .credential("module-key", "statements/write", "urn:pelita:module:tour")
            .credential("documents", "state profile define"));

    @AfterAll
    static void stop() {
        SERVERS.close();
    }

    private static XapiClient as(String database, String key) {
        return SERVERS.on(database).client(key, "2.0.0");
    }

    private static XapiClient admin(String database) {
        return SERVERS.on(database).admin();
    }

    private static void assertNotStored(String database, UUID id) {
        assertThat(admin(database).get(byId(id)).status()).isEqualTo(404);
    }

    /** A statement about an activity under the package's prefix. */
    private static ObjectNode packageStatement(StatementFixtures f, String activity) {
        ObjectNode statement = f.statement();
        ((ObjectNode) statement.get("object")).put("id", PREFIX + f.tag() + "/" + activity);
        return statement;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void withoutCredentialsEveryStatementsRequestGets401WithABasicChallenge(String database) {
        StatementFixtures f = new StatementFixtures();
        UUID id = UUID.randomUUID();
        XapiClient nobody = SERVERS.on(database).client(null, "2.0.0");

        List<XapiClient.Response> responses = List.of(nobody.get("/statements"), nobody.put(byId(id), json(f.statement())),
                nobody.post("/statements", json(f.statementWithId(id))));

        for (XapiClient.Response response : responses) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
            assertThat(response.json().get("message").asText()).contains("Basic");
        }
        assertNotStored(database, id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aWrongSecretAnUnknownKeyOrAMalformedHeaderGets401(String database) {
        StatementFixtures f = new StatementFixtures();
        UUID id = UUID.randomUUID();
        String wrongSecret = "Basic " + Base64.getEncoder().encodeToString("writer:not-the-secret".getBytes(StandardCharsets.UTF_8));
        String unknownKey = "Basic " + Base64.getEncoder().encodeToString("nobody:nobody-secret".getBytes(StandardCharsets.UTF_8));

        for (String authorization : List.of(wrongSecret, unknownKey, "Basic not-base64!", "Bearer abc")) {
            XapiClient.Response post = admin(database).with("Authorization", authorization).post("/statements", json(f.statementWithId(id)));
            assertThat(post.status()).as(authorization).isEqualTo(401);
            assertThat(post.header("WWW-Authenticate")).startsWith("Basic");
        }
        assertNotStored(database, id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aRevokedCredentialGets401(String database) {
        TestLrs lrs = SERVERS.on(database);
        String key = "revoked-" + UUID.randomUUID();
        lrs.credential(key, "all");
        assertThat(new CredentialStore(lrs.lrs().database()).revoke(key)).isTrue();

        XapiClient.Response get = lrs.client(key, "2.0.0").get("/statements");

        assertThat(get.status()).isEqualTo(401);
        assertThat(get.header("WWW-Authenticate")).startsWith("Basic");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void statementsReadCannotWrite(String database) {
        StatementFixtures f = new StatementFixtures();
        UUID posted = UUID.randomUUID();
        UUID put = UUID.randomUUID();

        XapiClient.Response post = as(database, "reader").post("/statements", json(f.statementWithId(posted)));
        XapiClient.Response putResponse = as(database, "reader").put(byId(put), json(f.statement()));

        assertThat(post.status()).isEqualTo(403);
        assertThat(post.json().get("message").asText()).contains("statements/write");
        assertThat(putResponse.status()).isEqualTo(403);
        assertNotStored(database, posted);
        assertNotStored(database, put);
        assertThat(as(database, "reader").get(byId(posted)).status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void statementsWriteCannotRead(String database) {
        StatementFixtures f = new StatementFixtures();
        XapiClient.Response post = as(database, "writer").post("/statements", json(f.statement()));
        assertThat(post.status()).isEqualTo(200);
        String id = posted(post).get(0);

        assertThat(as(database, "writer").get(byId(id)).status()).isEqualTo(403);
        assertThat(as(database, "writer").get("/statements").status()).isEqualTo(403);
        assertThat(as(database, "writer").head("/statements").status()).isEqualTo(403);
        assertThat(admin(database).get(byId(id)).status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void statementsReadMineSeesOnlyTheStatementsItStored(String database) {
        StatementFixtures f = new StatementFixtures();
        String own = posted(as(database, "mine").post("/statements", json(f.statement()))).get(0);
        String others = posted(as(database, "other-mine").post("/statements", json(f.statement()))).get(0);
        String admins = posted(admin(database).post("/statements", json(f.statement()))).get(0);
        String learner = f.agentParameter("learner");

        assertThat(StatementFixtures.ids(as(database, "mine").get("/statements?" + learner))).containsExactly(own);
        assertThat(StatementFixtures.ids(as(database, "other-mine").get("/statements?" + learner))).containsExactly(others);
        assertThat(as(database, "mine").get(byId(own)).status()).isEqualTo(200);
        assertThat(as(database, "mine").get(byId(others)).status()).isEqualTo(404);
        assertThat(as(database, "mine").get(byId(admins)).status()).isEqualTo(404);
        assertThat(StatementFixtures.ids(admin(database).get("/statements?" + learner))).containsExactlyInAnyOrder(own, others, admins);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void allReadReadsEverythingButCannotWrite(String database) {
        StatementFixtures f = new StatementFixtures();
        String mine = posted(as(database, "mine").post("/statements", json(f.statement()))).get(0);
        UUID id = UUID.randomUUID();

        assertThat(as(database, "all-read").get(byId(mine)).status()).isEqualTo(200);
        assertThat(StatementFixtures.ids(as(database, "all-read").get("/statements?" + f.agentParameter("learner")))).containsExactly(mine);
        assertThat(as(database, "all-read").post("/statements", json(f.statementWithId(id))).status()).isEqualTo(403);
        assertThat(as(database, "all-read").put(byId(id), json(f.statement())).status()).isEqualTo(403);
        assertNotStored(database, id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aPackageKeyWritesStatementsAboutActivitiesUnderItsPrefix(String database) {
        StatementFixtures f = new StatementFixtures();
        UUID put = UUID.randomUUID();

        XapiClient.Response post = as(database, "package").post("/statements", json(packageStatement(f, "lesson-1")));
        XapiClient.Response putResponse = as(database, "package").put(byId(put), json(packageStatement(f, "lesson-2")));

        assertThat(post.status()).isEqualTo(200);
        assertThat(putResponse.status()).isEqualTo(204);
        assertThat(admin(database).get(byId(posted(post).get(0))).status()).isEqualTo(200);
        assertThat(admin(database).get(byId(put)).status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aPackageKeyCannotWriteAboutOtherActivitiesOrNonActivityObjects(String database) {
        StatementFixtures f = new StatementFixtures();
        String stored = posted(admin(database).post("/statements", json(f.statement()))).get(0);
        ObjectNode otherActivity = f.statement();
        ObjectNode agentObject = f.statement();
        agentObject.set("object", f.agent("colleague"));
        ObjectNode subStatement = f.statement();
        subStatement.set("object", packageStatement(f, "lesson").put("objectType", "SubStatement"));
        ObjectNode reference = f.referring(UUID.fromString(stored), "liked");
        ObjectNode voiding = f.voiding(UUID.fromString(stored));
        ObjectNode lookalike = f.statement();
        ((ObjectNode) lookalike.get("object")).put("id", "https://pelita.example.org/modules/other/" + f.tag());

        for (ObjectNode statement : List.of(otherActivity, agentObject, subStatement, reference, voiding, lookalike)) {
            UUID id = UUID.randomUUID();
            XapiClient.Response post = as(database, "package").post("/statements", json(statement.put("id", id.toString())));
            assertThat(post.status()).as(statement.toString()).isEqualTo(403);
            assertThat(post.json().get("message").asText()).contains(PREFIX);
            assertThat(as(database, "package").put(byId(id), json(statement)).status()).isEqualTo(403);
            assertNotStored(database, id);
        }
        assertThat(admin(database).get(byId(stored)).status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aPackageKeyPrefixEndsAtAnIriBoundarySoAModuleKeyCannotWriteForAModuleWithALongerId(String database) {
        StatementFixtures f = new StatementFixtures();
        XapiClient key = as(database, "module-key");

        for (String mine : List.of("urn:pelita:module:tour", "urn:pelita:module:tour/pages/l1/p1", "urn:pelita:module:tour#intro")) {
            ObjectNode statement = f.statement();
            ((ObjectNode) statement.get("object")).put("id", mine);
            assertThat(key.post("/statements", json(statement)).status()).as(mine).isEqualTo(200);
        }
        for (String other : List.of("urn:pelita:module:tour-2", "urn:pelita:module:tours/pages/l1/p1")) {
            ObjectNode statement = f.statement();
            ((ObjectNode) statement.get("object")).put("id", other);
            assertThat(key.post("/statements", json(statement)).status()).as(other).isEqualTo(403);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aPackageKeysListWithOneStatementOutsideItsPrefixGets403AndStoresNone(String database) {
        StatementFixtures f = new StatementFixtures();
        UUID inside = UUID.randomUUID();
        UUID outside = UUID.randomUUID();

        XapiClient.Response post = as(database, "package").post("/statements",
                array(packageStatement(f, "lesson").put("id", inside.toString()), f.statementWithId(outside)));

        assertThat(post.status()).isEqualTo(403);
        assertThat(post.json().get("message").asText()).contains("$[1]");
        assertNotStored(database, inside);
        assertNotStored(database, outside);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void aPackageKeyCannotReadStatementsOrTouchDocuments(String database) {
        StatementFixtures f = new StatementFixtures();
        String id = posted(as(database, "package").post("/statements", json(packageStatement(f, "lesson")))).get(0);
        String state = "/activities/state?" + query("activityId", PREFIX + f.tag() + "/lesson") + "&" + f.agentParameter("learner")
                + "&stateId=bookmark";
        String profile = "/activities/profile?" + query("activityId", PREFIX + f.tag() + "/lesson") + "&profileId=p";

        assertThat(as(database, "package").get(byId(id)).status()).isEqualTo(403);
        assertThat(as(database, "package").get("/statements").status()).isEqualTo(403);
        assertThat(as(database, "package").get(state).status()).isEqualTo(403);
        assertThat(as(database, "package").put(state, "{\"page\":3}").status()).isEqualTo(403);
        assertThat(as(database, "package").post(state, "{\"page\":3}").status()).isEqualTo(403);
        assertThat(as(database, "package").delete(state).status()).isEqualTo(403);
        assertThat(as(database, "package").get(profile).status()).isEqualTo(403);
        assertThat(as(database, "package").put(profile, "{}").status()).isEqualTo(403);
        assertThat(admin(database).get(state).status()).isEqualTo(404);
        assertThat(admin(database).get(profile).status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(StatementServers.DATABASES)
    void theDocumentAndDefinitionScopesGiveNoAccessToStatements(String database) {
        StatementFixtures f = new StatementFixtures();
        String id = posted(admin(database).post("/statements", json(f.statement()))).get(0);
        UUID attempted = UUID.randomUUID();

        assertThat(as(database, "documents").get(byId(id)).status()).isEqualTo(403);
        assertThat(as(database, "documents").get("/statements").status()).isEqualTo(403);
        assertThat(as(database, "documents").put(byId(attempted), json(f.statement())).status()).isEqualTo(403);
        assertNotStored(database, attempted);
    }
}
