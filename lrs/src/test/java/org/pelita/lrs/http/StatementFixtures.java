package org.pelita.lrs.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.pelita.lrs.testing.XapiClient;
import org.pelita.lrs.xapi.Json;

/**
 * Statements for one test, with names no other test uses: every activity, verb and agent carries a fresh tag, so
 * tests sharing an LRS never see each other's statements through a filter.
 */
final class StatementFixtures {
    static final String VOIDED = "http://adlnet.gov/expapi/verbs/voided";

    private final String tag = UUID.randomUUID().toString().substring(0, 13);

    String tag() {
        return tag;
    }

    String activity(String name) {
        return "https://example.org/pelita-test/" + tag + "/activities/" + name;
    }

    String verb(String name) {
        return "https://example.org/pelita-test/" + tag + "/verbs/" + name;
    }

    String mbox(String name) {
        return "mailto:" + name + "-" + tag + "@example.org";
    }

    ObjectNode agent(String name) {
        ObjectNode agent = Json.MAPPER.createObjectNode();
        agent.put("objectType", "Agent");
        agent.put("mbox", mbox(name));
        return agent;
    }

    /** The agent as the JSON text of an agent query parameter (URL-encoded, with its name). */
    String agentParameter(String name) {
        return XapiClient.query("agent", Json.write(agent(name)));
    }

    /** A statement: actor {@code actor} (an Agent by mbox), verb {@code verb}, an Activity object {@code activity}. */
    ObjectNode statement(String actor, String verb, String activity) {
        ObjectNode statement = Json.MAPPER.createObjectNode();
        statement.set("actor", agent(actor));
        statement.putObject("verb").put("id", verb(verb)).putObject("display").put("en-US", verb);
        statement.putObject("object").put("objectType", "Activity").put("id", activity(activity));
        return statement;
    }

    /** The default statement of this fixture: a learner attempted the course. */
    ObjectNode statement() {
        return statement("learner", "attempted", "course");
    }

    ObjectNode statementWithId(UUID id) {
        ObjectNode statement = statement();
        statement.put("id", id.toString());
        return statement;
    }

    /** A statement voiding {@code target} (Data §2.3.2: verb voided, a StatementRef object). */
    ObjectNode voiding(UUID target) {
        ObjectNode statement = Json.MAPPER.createObjectNode();
        statement.set("actor", agent("admin"));
        statement.putObject("verb").put("id", VOIDED).putObject("display").put("en-US", "voided");
        statement.putObject("object").put("objectType", "StatementRef").put("id", target.toString());
        return statement;
    }

    /** A statement about {@code target}: an ordinary StatementRef, not voiding. */
    ObjectNode referring(UUID target, String verb) {
        ObjectNode statement = Json.MAPPER.createObjectNode();
        statement.set("actor", agent("reviewer"));
        statement.putObject("verb").put("id", verb(verb));
        statement.putObject("object").put("objectType", "StatementRef").put("id", target.toString());
        return statement;
    }

    /** A fixture file under src/test/resources/http/statements/, with {tag} replaced by this fixture's tag. */
    ObjectNode file(String name) {
        try (InputStream in = StatementFixtures.class.getResourceAsStream("/http/statements/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return (ObjectNode) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{tag}", tag), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String json(JsonNode node) {
        return Json.write(node);
    }

    static String array(JsonNode... statements) {
        return "[" + String.join(",", List.of(statements).stream().map(Json::write).toList()) + "]";
    }

    /** The ids of a StatementResult's statements, in the order returned. */
    static List<String> ids(XapiClient.Response result) {
        List<String> ids = new ArrayList<>();
        result.json().get("statements").forEach(s -> ids.add(s.get("id").asText()));
        return ids;
    }

    /** The ids a POST returned. */
    static List<String> posted(XapiClient.Response response) {
        List<String> ids = new ArrayList<>();
        response.json().forEach(id -> ids.add(id.asText()));
        return ids;
    }

    static String byId(Object id) {
        return "/statements?statementId=" + id;
    }

    static String byVoidedId(Object id) {
        return "/statements?voidedStatementId=" + id;
    }
}
