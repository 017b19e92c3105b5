package org.pelita.lrs.xapi.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.pelita.lrs.xapi.Json;

/**
 * Statement fixtures for the tests: a minimal valid Statement, and copies of it with properties replaced. JSON is
 * written with single quotes for readability ({@code {'mbox': 'mailto:a@example.com'}}); none of the fixtures
 * needs an apostrophe.
 */
final class Statements {
    static final String MINIMAL = "{'actor': {'mbox': 'mailto:learner@example.com'},"
            + " 'verb': {'id': 'http://adlnet.gov/expapi/verbs/attempted'},"
            + " 'object': {'id': 'http://example.com/activities/a1'}}";

    private Statements() {
    }

    static JsonNode json(String singleQuoted) {
        return Json.parse(singleQuoted.replace('\'', '"'), "fixture");
    }

    static ObjectNode statement() {
        return (ObjectNode) json(MINIMAL);
    }

    /** The minimal Statement with properties set (or replaced), given as name, JSON, name, JSON... */
    static ObjectNode statementWith(String... namesAndJson) {
        ObjectNode statement = statement();
        for (int i = 0; i < namesAndJson.length; i += 2) {
            statement.set(namesAndJson[i], json(namesAndJson[i + 1]));
        }
        return statement;
    }

    static ObjectNode statementWithout(String name) {
        ObjectNode statement = statement();
        statement.remove(name);
        return statement;
    }

    /** A Statement whose object is a SubStatement: the minimal one, with properties set as in statementWith. */
    static ObjectNode subStatementWith(String... namesAndJson) {
        ObjectNode sub = statementWith(namesAndJson);
        sub.put("objectType", "SubStatement");
        ObjectNode statement = statementWith("verb", "{'id': 'http://example.com/verbs/planned'}");
        statement.set("object", sub);
        return statement;
    }

    /** A Statement whose object is an Activity with the given definition. */
    static ObjectNode activityWithDefinition(String definition) {
        return statementWith("object", "{'id': 'http://example.com/activities/a1', 'definition': " + definition + "}");
    }

    /** A Statement with the given context (and the default Activity as object). */
    static ObjectNode contextWith(String context) {
        return statementWith("context", context);
    }
}
