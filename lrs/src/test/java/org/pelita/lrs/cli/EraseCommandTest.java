package org.pelita.lrs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pelita.lrs.cli.CommandLineRun.run;
import static org.pelita.lrs.testing.XapiClient.query;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pelita.lrs.cli.CommandLineRun.Result;
import org.pelita.lrs.testing.TestLrs;
import org.pelita.lrs.testing.XapiClient;

/**
 * {@code pelita-lrs erase --agent …} (docs/research-data.md "Erasing a learner"), run in-process against the database of
 * a running test LRS: exactly the learner's records go (statements naming them in any role, those referring to those,
 * their keys, references, attachments no other statement uses, state and agent profile documents), everything else
 * stays; the counts printed are the rows removed; --dry-run prints the same and changes nothing.
 */
class EraseCommandTest {
    private static final Map<String, TestLrs> SERVERS = new ConcurrentHashMap<>();
    private static final String EXPERIENCED = "http://adlnet.gov/expapi/verbs/experienced";
    private static final String BOUNDARY = "erase-test-boundary";

    static Stream<String> databases() {
        return TestLrs.databases().stream();
    }

    static TestLrs lrs(String database) {
        return SERVERS.computeIfAbsent(database, d -> TestLrs.on(d, Map.of()).credential("researcher", "research"));
    }

    @AfterAll
    static void stop() {
        SERVERS.values().forEach(TestLrs::close);
    }

    /** The learners and records of one test: names unique to it, so tests sharing an LRS stay apart. */
    static final class Records {
        final String tag = UUID.randomUUID().toString().substring(0, 8);
        final String ana = "{\"mbox\":\"mailto:ana-" + tag + "@example.org\"}";
        final String bob = "{\"mbox\":\"mailto:bob-" + tag + "@example.org\"}";
        final String activity = "https://pelita.example.org/erase-test/" + tag;
        final List<String> anasStatements = new ArrayList<>();
        final List<String> bobsStatements = new ArrayList<>();
        final byte[] onlyAnas = ("ana's note " + tag).getBytes(StandardCharsets.UTF_8);
        final byte[] shared = ("shared note " + tag).getBytes(StandardCharsets.UTF_8);

        String statement(String actor, String extra) {
            return "{\"id\":\"" + UUID.randomUUID() + "\",\"actor\":" + actor + ",\"verb\":{\"id\":\"" + EXPERIENCED + "\"},"
                    + "\"object\":{\"id\":\"" + activity + "\"}" + extra + "}";
        }

        String reference(String actor, String verb, String target) {
            return "{\"actor\":" + actor + ",\"verb\":{\"id\":\"" + verb + "\"},\"object\":{\"objectType\":\"StatementRef\",\"id\":\"" + target + "\"}}";
        }
    }

    private static String post(TestLrs lrs, String statement) {
        XapiClient.Response response = lrs.admin().post("/statements", statement);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get(0).asText();
    }

    private static String postWithAttachment(TestLrs lrs, String actor, Records r, byte[] content) throws Exception {
        String sha2 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        String statement = r.statement(actor, ",\"attachments\":[{\"usageType\":\"http://id.tincanapi.com/attachment/supporting_media\","
                + "\"display\":{\"en\":\"note\"},\"contentType\":\"text/plain\",\"length\":" + content.length + ",\"sha2\":\"" + sha2 + "\"}]");
        String body = "--" + BOUNDARY + "\r\nContent-Type: application/json\r\n\r\n" + statement + "\r\n--" + BOUNDARY
                + "\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: binary\r\nX-Experience-API-Hash: " + sha2 + "\r\n\r\n"
                + new String(content, StandardCharsets.UTF_8) + "\r\n--" + BOUNDARY + "--\r\n";
        XapiClient.Response response = lrs.admin().send("POST", "/statements", body.getBytes(StandardCharsets.UTF_8),
                "multipart/mixed; boundary=" + BOUNDARY);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get(0).asText();
    }

    private static String state(String agent, String activity) {
        return "/activities/state?" + query("activityId", activity) + "&" + query("agent", agent) + "&stateId=bookmark";
    }

    private static String agentProfile(String agent) {
        return "/agents/profile?" + query("agent", agent) + "&profileId=preferences";
    }

    /** Ana's and Bob's records: ana in every role, bob's own records, and a statement of bob's that refers to ana's. */
    private static Records records(TestLrs lrs) throws Exception {
        Records r = new Records();
        XapiClient admin = lrs.admin();
        r.anasStatements.add(post(lrs, r.statement(r.ana, "")));
        r.anasStatements.add(postWithAttachment(lrs, r.ana, r, r.onlyAnas));
        r.anasStatements.add(postWithAttachment(lrs, r.ana, r, r.shared));
        r.bobsStatements.add(postWithAttachment(lrs, r.bob, r, r.shared));
        // ana as bob's instructor, as a member of a group, and as the object of bob's statement
        r.anasStatements.add(post(lrs, r.statement(r.bob, ",\"context\":{\"instructor\":" + r.ana + "}")));
        r.anasStatements.add(post(lrs, r.statement("{\"objectType\":\"Group\",\"member\":[" + r.ana + "," + r.bob + "]}", "")));
        r.anasStatements.add(post(lrs, "{\"actor\":" + r.bob + ",\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/mentored\"},"
                + "\"object\":{\"objectType\":\"Agent\"," + r.ana.substring(1) + "}"));
        // bob comments on ana's first statement; the administrator voids ana's second
        r.anasStatements.add(post(lrs, r.reference(r.bob, "http://adlnet.gov/expapi/verbs/commented", r.anasStatements.get(0))));
        r.anasStatements.add(post(lrs, r.reference("{\"mbox\":\"mailto:admin@example.org\"}", "http://adlnet.gov/expapi/verbs/voided",
                r.anasStatements.get(1))));
        r.bobsStatements.add(post(lrs, r.statement(r.bob, "")));
        assertThat(admin.put(state(r.ana, r.activity), "{\"page\":3}").status()).isEqualTo(204);
        assertThat(admin.put(agentProfile(r.ana), "{\"lang\":\"id\"}").status()).isEqualTo(204);
        assertThat(admin.put(state(r.bob, r.activity), "{\"page\":1}").status()).isEqualTo(204);
        assertThat(admin.put(agentProfile(r.bob), "{\"lang\":\"en\"}").status()).isEqualTo(204);
        assertThat(admin.put("/activities/profile?" + query("activityId", r.activity) + "&profileId=p", "{\"v\":1}").status()).isEqualTo(204);
        return r;
    }

    private static List<String> statementIds(TestLrs lrs, String agent) {
        XapiClient.Response get = lrs.admin().get("/statements?related_agents=true&limit=500&" + query("agent", agent));
        assertThat(get.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        get.json().get("statements").forEach(s -> ids.add(s.get("id").asText()));
        return ids;
    }

    private static long count(TestLrs lrs, String sql) {
        return lrs.lrs().database().sql().fetchOne(sql).get(0, Long.class);
    }

    private static long rowsOf(TestLrs lrs, String table, String column, List<String> ids) {
        return count(lrs, "SELECT COUNT(*) FROM " + table + " WHERE " + column + " IN ('" + String.join("','", ids) + "')");
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theLearnersReportRowsGoWithTheirStatements(String database) throws Exception {
        TestLrs lrs = lrs(database);
        String name = "learner-" + UUID.randomUUID();
        org.pelita.lrs.testing.PilotStatements learner = new org.pelita.lrs.testing.PilotStatements("urn:pelita:module:erase", "1", "en",
                name, org.pelita.lrs.testing.PilotStatements.day(9)).initialized().quiz("pre-test", "pre", "a", "b");
        assertThat(lrs.admin().post("/statements", learner.json()).status()).isEqualTo(200);
        List<String> ids = learner.statements().stream().map(s -> s.get("id").asText()).toList();
        assertThat(rowsOf(lrs, "learning_event", "statement_id", ids)).isEqualTo(4);

        Result erase = run("erase", "--db", lrs.databaseUrl(), "--agent",
                "{\"account\":{\"homePage\":\"https://lms.example.org\",\"name\":\"" + name + "\"}}");

        assertThat(erase.exit()).as(erase.err()).isEqualTo(0);
        assertThat(erase.out()).containsPattern("report rows \\(learning_event\\) +4\\b");
        assertThat(rowsOf(lrs, "learning_event", "statement_id", ids)).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theLearnersRecordsGoAndEveryoneElsesStay(String database) throws Exception {
        TestLrs lrs = lrs(database);
        Records r = records(lrs);
        long keysBefore = rowsOf(lrs, "statement_key", "statement_id", r.anasStatements);
        long othersBefore = count(lrs, "SELECT COUNT(*) FROM statement") - r.anasStatements.size();

        Result erase = run("erase", "--db", lrs.databaseUrl(), "--agent", r.ana);

        assertThat(erase.exit()).as(erase.err()).isEqualTo(0);
        assertThat(erase.out()).contains("erased mbox:mailto:ana-" + r.tag + "@example.org (")
                .containsPattern("statements +8\\b").containsPattern("statement keys +" + keysBefore + "\\b")
                .containsPattern("statement references +2\\b").containsPattern("attachment links +2\\b")
                .containsPattern("attachments +1\\b").containsPattern("state documents +1\\b")
                .containsPattern("agent profile documents +1\\b");
        assertThat(r.anasStatements).hasSize(8);
        assertThat(statementIds(lrs, r.ana)).isEmpty();
        for (String id : r.anasStatements) {
            assertThat(lrs.admin().get("/statements?statementId=" + id).status()).isEqualTo(404);
            assertThat(lrs.admin().get("/statements?voidedStatementId=" + id).status()).isEqualTo(404);
        }
        assertThat(rowsOf(lrs, "statement_key", "statement_id", r.anasStatements)).isZero();
        assertThat(rowsOf(lrs, "statement_reference", "statement_id", r.anasStatements)).isZero();
        assertThat(rowsOf(lrs, "statement_reference", "target_id", r.anasStatements)).isZero();
        assertThat(rowsOf(lrs, "statement_attachment", "statement_id", r.anasStatements)).isZero();
        assertThat(count(lrs, "SELECT COUNT(*) FROM attachment WHERE sha2 = '" + sha256(r.onlyAnas) + "'")).isZero();
        assertThat(count(lrs, "SELECT COUNT(*) FROM attachment WHERE sha2 = '" + sha256(r.shared) + "'")).isEqualTo(1);
        assertThat(lrs.admin().get(state(r.ana, r.activity)).status()).isEqualTo(404);
        assertThat(lrs.admin().get(agentProfile(r.ana)).status()).isEqualTo(404);
        // bob's own records stay whole, his attachment included
        assertThat(statementIds(lrs, r.bob)).containsExactlyInAnyOrderElementsOf(r.bobsStatements);
        assertThat(lrs.admin().get("/statements?attachments=true&statementId=" + r.bobsStatements.get(0)).text()).contains("shared note");
        assertThat(lrs.admin().get(state(r.bob, r.activity)).text()).isEqualTo("{\"page\":1}");
        assertThat(lrs.admin().get(agentProfile(r.bob)).text()).isEqualTo("{\"lang\":\"en\"}");
        assertThat(lrs.admin().get("/activities/profile?" + query("activityId", r.activity) + "&profileId=p").status()).isEqualTo(200);
        assertThat(count(lrs, "SELECT COUNT(*) FROM statement")).isEqualTo(othersBefore);
        // Running it again finds nothing.
        Result again = run("erase", "--db", lrs.databaseUrl(), "--agent", r.ana);
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("no records of mbox:mailto:ana-" + r.tag + "@example.org");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aDryRunPrintsTheSameCountsAndChangesNothing(String database) throws Exception {
        TestLrs lrs = lrs(database);
        Records r = records(lrs);
        long statements = count(lrs, "SELECT COUNT(*) FROM statement");
        long keys = count(lrs, "SELECT COUNT(*) FROM statement_key");
        long attachments = count(lrs, "SELECT COUNT(*) FROM attachment");
        long documents = count(lrs, "SELECT COUNT(*) FROM document");

        Result dry = run("erase", "--db", lrs.databaseUrl(), "--agent", r.ana, "--dry-run");

        assertThat(dry.exit()).as(dry.err()).isEqualTo(0);
        assertThat(dry.out()).contains("would erase mbox:mailto:ana-" + r.tag).containsPattern("statements +8\\b")
                .containsPattern("attachments +1\\b").containsPattern("state documents +1\\b").contains("dry run: nothing was changed");
        assertThat(count(lrs, "SELECT COUNT(*) FROM statement")).isEqualTo(statements);
        assertThat(count(lrs, "SELECT COUNT(*) FROM statement_key")).isEqualTo(keys);
        assertThat(count(lrs, "SELECT COUNT(*) FROM attachment")).isEqualTo(attachments);
        assertThat(count(lrs, "SELECT COUNT(*) FROM document")).isEqualTo(documents);
        assertThat(statementIds(lrs, r.ana)).hasSize(7); // all but the voided one, which xAPI queries leave out

        Result erase = run("erase", "--db", lrs.databaseUrl(), "--agent", r.ana);
        assertThat(erase.out().replace("erased", "would erase")).isEqualTo(dry.out().replace("dry run: nothing was changed" + System.lineSeparator(), ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theLearnersPseudonymIsPrintedSoThatHoldersOfExportsCanFindTheirRows(String database) throws Exception {
        TestLrs lrs = lrs(database);
        Records r = records(lrs);
        XapiClient researcher = lrs.anonymous().with("Authorization", "Basic "
                + Base64.getEncoder().encodeToString("researcher:researcher-secret".getBytes(StandardCharsets.UTF_8)));
        String csv = researcher.get("/api/exports/statements.csv?" + query("registration", UUID.randomUUID().toString())).text();
        assertThat(csv).startsWith("id,"); // the first export made the database's secret
        String ndjson = researcher.get("/api/exports/statements.ndjson?" + query("verb", EXPERIENCED)).text();

        Result dry = run("erase", "--db", lrs.databaseUrl(), "--agent", r.ana, "--dry-run");

        String pseudonym = dry.out().replaceAll("(?s).*\\(pseudonym ([a-z2-7]{20})\\).*", "$1");
        assertThat(pseudonym).matches("[a-z2-7]{20}");
        assertThat(ndjson).contains("\"name\":\"" + pseudonym + "\"");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anAgentWithNoRecordsIsReportedAndNothingChanges(String database) {
        TestLrs lrs = lrs(database);
        String nobody = "{\"account\":{\"homePage\":\"https://lms.example.org\",\"name\":\"nobody-" + UUID.randomUUID() + "\"}}";

        Result erase = run("erase", "--db", lrs.databaseUrl(), "--agent", nobody);

        assertThat(erase.exit()).isEqualTo(1);
        assertThat(erase.err()).contains("no records of account:https://lms.example.org nobody-").contains("nothing was changed");
        assertThat(erase.out()).isEmpty();
    }

    @Test
    void anAgentThatIsNotOneIdentifiedLearnerIsRefused() {
        String url = lrs("h2").databaseUrl();

        Result notJson = run("erase", "--db", url, "--agent", "ana@example.org");
        Result noIdentifier = run("erase", "--db", url, "--agent", "{\"name\":\"Ana\"}");
        Result group = run("erase", "--db", url, "--agent", "{\"objectType\":\"Group\",\"mbox\":\"mailto:team@example.org\"}");
        Result credential = run("erase", "--db", url, "--agent", "{\"account\":{\"homePage\":\"urn:pelita:lrs\",\"name\":\"test-admin\"}}");
        Result missing = run("erase", "--db", url);

        assertThat(notJson.exit()).isEqualTo(2);
        assertThat(notJson.err()).contains("--agent value is not valid JSON");
        assertThat(noIdentifier.exit()).isEqualTo(2);
        assertThat(group.exit()).isEqualTo(2);
        assertThat(group.err()).contains("not a Group");
        assertThat(credential.exit()).isEqualTo(2);
        assertThat(credential.err()).contains("names an LRS credential");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("--agent");
    }
}
