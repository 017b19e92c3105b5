package org.pelita.lrs.xapi.validation;

import static org.pelita.lrs.xapi.validation.Statements.contextWith;
import static org.pelita.lrs.xapi.validation.Statements.statementWith;
import static org.pelita.lrs.xapi.validation.Statements.subStatementWith;
import static org.pelita.lrs.xapi.validation.Verdicts.accepts;
import static org.pelita.lrs.xapi.validation.Verdicts.rejects;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pelita.lrs.xapi.XapiVersion;

/** Context (xAPI 1.0.3 Data §2.4.6; xAPI 2.0 §4.2.2.5), including the 2.0 contextAgents and contextGroups. */
class ContextTest {
    private static final String AGENT_OBJECT = "{'objectType': 'Agent', 'mbox': 'mailto:a@example.com'}";

    @ParameterizedTest
    @EnumSource(XapiVersion.class)
    void mayUseEveryProperty(XapiVersion v) {
        accepts(contextWith("{'registration': 'ec531277-b57b-4c15-8d91-d292c5b2b8f7',"
                + " 'instructor': {'name': 'Irene', 'mbox': 'mailto:irene@example.com'},"
                + " 'team': {'objectType': 'Group', 'name': 'Team', 'mbox': 'mailto:team@example.com'},"
                + " 'contextActivities': {'parent': [{'id': 'http://example.com/course'}]},"
                + " 'revision': 'rev_10_3_2', 'platform': 'Example virtual meeting software', 'language': 'tlh',"
                + " 'statement': {'objectType': 'StatementRef', 'id': '6690e6c9-3ef0-4ed3-8b37-7f3964730bee'},"
                + " 'extensions': {'http://example.com/ext/airspeed': '600mph'}}"), v);
    }

    @ParameterizedTest
    @EnumSource(XapiVersion.class)
    void hasNoOtherProperties(XapiVersion v) {
        rejects(contextWith("{'Registration': 'ec531277-b57b-4c15-8d91-d292c5b2b8f7'}"), v)
                .at("$.context.Registration").breaking(Rule.UNKNOWN_PROPERTY).saying("did you mean \"registration\"?");
    }

    @ParameterizedTest
    @ValueSource(strings = {"'should fail'", "{'id': 'x'}", "'AA97B177-9383-4934-8543-0F91A7A028368'"})
    void registrationIsAUuid(String registration) {
        for (XapiVersion v : XapiVersion.values()) {
            rejects(contextWith("{'registration': " + registration + "}"), v)
                    .at("$.context.registration").breaking(Rule.UUID);
        }
    }

    @ParameterizedTest
    @EnumSource(XapiVersion.class)
    void instructorIsAnAgentOrGroup(XapiVersion v) {
        accepts(contextWith("{'instructor': {'objectType': 'Group', 'member': [{'mbox': 'mailto:a@example.com'}]}}"), v);
        rejects(contextWith("{'instructor': 'should fail'}"), v).at("$.context.instructor").breaking(Rule.WRONG_TYPE);
        rejects(contextWith("{'instructor': {'key': 'value'}}"), v)
                .at("$.context.instructor.key").breaking(Rule.UNKNOWN_PROPERTY);
    }

    @ParameterizedTest
    @EnumSource(XapiVersion.class)
    void teamIsAGroup(XapiVersion v) {
        rejects(contextWith("{'team': " + AGENT_OBJECT + "}"), v)
                .at("$.context.team.objectType").breaking(Rule.GROUP_EXPECTED).saying("found \"Agent\"");
        rejects(contextWith("{'team': {'mbox': 'mailto:team@example.com'}}"), v)
                .at("$.context.team.objectType").breaking(Rule.GROUP_EXPECTED).saying("objectType is missing");
    }

    @Nested
    class ContextActivities {
        @ParameterizedTest
        @ValueSource(strings = {"parent", "grouping", "category", "other"})
        void takeAnArrayOfActivitiesOrASingleActivity(String key) {
            for (XapiVersion v : XapiVersion.values()) {
                accepts(contextWith("{'contextActivities': {'" + key + "': [{'id': 'http://example.com/a'},"
                        + " {'objectType': 'Activity', 'id': 'http://example.com/b'}]}}"), v);
                accepts(contextWith("{'contextActivities': {'" + key + "': {'id': 'http://example.com/a'}}}"), v);
                accepts(contextWith("{'contextActivities': {'" + key + "': []}}"), v);
            }
        }

        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void haveOnlyTheFourKeys(XapiVersion v) {
            rejects(contextWith("{'contextActivities': {'consequences': [{'id': 'http://example.com/a'}]}}"), v)
                    .at("$.context.contextActivities.consequences").breaking(Rule.CONTEXT_ACTIVITIES_KEY);
            rejects(contextWith("{'contextActivities': {'Parent': [{'id': 'http://example.com/a'}]}}"), v)
                    .at("$.context.contextActivities.Parent").breaking(Rule.CONTEXT_ACTIVITIES_KEY);
        }

        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void holdOnlyActivities(XapiVersion v) {
            rejects(contextWith("{'contextActivities': {'other': [{'id': 'http://example.com/a'}, {'key': 'should fail'}]}}"), v)
                    .at("$.context.contextActivities.other[1].key").breaking(Rule.UNKNOWN_PROPERTY);
            rejects(contextWith("{'contextActivities': {'parent': [{'objectType': 'Agent', 'id': 'http://example.com/a'}]}}"), v)
                    .at("$.context.contextActivities.parent[0].objectType").breaking(Rule.CONTEXT_ACTIVITY);
            rejects(contextWith("{'contextActivities': {'parent': 'http://example.com/a'}}"), v)
                    .at("$.context.contextActivities.parent").breaking(Rule.CONTEXT_ACTIVITY);
            rejects(contextWith("{'contextActivities': {'parent': [{'id': 'example.com/a'}]}}"), v)
                    .at("$.context.contextActivities.parent[0].id").breaking(Rule.ACTIVITY_ID);
            rejects(contextWith("{'contextActivities': {'parent': [{'mbox': 'mailto:a@example.com'}]}}"), v)
                    .at("$.context.contextActivities.parent[0].mbox").breaking(Rule.UNKNOWN_PROPERTY);
        }

        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void isAnObject(XapiVersion v) {
            rejects(contextWith("{'contextActivities': 'should fail'}"), v)
                    .at("$.context.contextActivities").breaking(Rule.WRONG_TYPE);
        }
    }

    @Nested
    class RevisionAndPlatform {
        @ParameterizedTest
        @ValueSource(strings = {"revision", "platform"})
        void areStrings(String property) {
            for (XapiVersion v : XapiVersion.values()) {
                rejects(contextWith("{'" + property + "': 12345}"), v)
                        .at("$.context." + property).breaking(Rule.WRONG_TYPE);
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {AGENT_OBJECT, "{'objectType': 'Group', 'mbox': 'mailto:g@example.com'}",
            "{'objectType': 'StatementRef', 'id': '8f87ccde-bb56-4c2e-ab83-44982ef22df0'}"})
        void needTheObjectToBeAnActivity(String object) {
            for (XapiVersion v : XapiVersion.values()) {
                rejects(statementWith("object", object, "context", "{'revision': 'r1'}"), v)
                        .at("$.context.revision").breaking(Rule.REVISION_NEEDS_ACTIVITY);
                rejects(statementWith("object", object, "context", "{'platform': 'web'}"), v)
                        .at("$.context.platform").breaking(Rule.PLATFORM_NEEDS_ACTIVITY);
            }
        }

        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void followTheObjectOfTheirOwnSubStatement(XapiVersion v) {
            accepts(subStatementWith("context", "{'platform': 'web'}"), v);
            rejects(subStatementWith("object", AGENT_OBJECT, "context", "{'platform': 'web'}"), v)
                    .at("$.object.context.platform").breaking(Rule.PLATFORM_NEEDS_ACTIVITY);
            rejects(statementWith("object", "{'objectType': 'SubStatement', 'actor': " + AGENT_OBJECT + ","
                    + " 'verb': {'id': 'http://example.com/v'}, 'object': {'id': 'http://example.com/a'}}",
                    "context", "{'revision': 'r1'}"), v)
                    .at("$.context.revision").breaking(Rule.REVISION_NEEDS_ACTIVITY);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cmn", "fr-CA", "tlh", "zh-Hans-CN", "en"})
    void languageIsAnRfc5646Tag(String tag) {
        for (XapiVersion v : XapiVersion.values()) {
            accepts(contextWith("{'language': '" + tag + "'}"), v);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"'something'", "12345", "{'en': 'x'}", "''"})
    void languageThatIsNotATagIsRejected(String language) {
        for (XapiVersion v : XapiVersion.values()) {
            rejects(contextWith("{'language': " + language + "}"), v)
                    .at("$.context.language").breaking(Rule.CONTEXT_LANGUAGE);
        }
    }

    @ParameterizedTest
    @EnumSource(XapiVersion.class)
    void statementIsAStatementRef(XapiVersion v) {
        rejects(contextWith("{'statement': {'objectType': 'statementref', 'id': '6690e6c9-3ef0-4ed3-8b37-7f3964730bee'}}"), v)
                .at("$.context.statement.objectType").breaking(Rule.CONTEXT_STATEMENT);
        rejects(contextWith("{'statement': {'id': '6690e6c9-3ef0-4ed3-8b37-7f3964730bee'}}"), v)
                .at("$.context.statement.objectType").breaking(Rule.CONTEXT_STATEMENT).saying("objectType is missing");
        rejects(contextWith("{'statement': {'objectType': 'StatementRef', 'id': 'MA97B177-9383-4934-8543-0F91A7A02836'}}"), v)
                .at("$.context.statement.id").breaking(Rule.STATEMENT_REF);
    }

    @ParameterizedTest
    @EnumSource(XapiVersion.class)
    void extensionKeysAreIris(XapiVersion v) {
        rejects(contextWith("{'extensions': {'example.com/extension/wrong': 1234}}"), v)
                .at("$.context.extensions['example.com/extension/wrong']").breaking(Rule.EXTENSION_KEY);
    }

    @Nested
    class ContextAgentsAndGroups {
        private static final String CONTEXT_AGENTS = "{'contextAgents': [{'objectType': 'contextAgent',"
                + " 'agent': {'objectType': 'Agent', 'mbox': 'mailto:player-1@example.com'},"
                + " 'relevantTypes': ['https://example.com/xapi/activity-types/personnel/player']}]}";
        private static final String CONTEXT_GROUPS = "{'contextGroups': [{'objectType': 'contextGroup',"
                + " 'group': {'objectType': 'Group', 'mbox': 'mailto:team-1@example.com',"
                + " 'member': [{'mbox': 'mailto:player-1@example.com'}]}, 'relevantTypes': ['https://example.com/team/a']},"
                + " {'objectType': 'contextGroup', 'group': {'objectType': 'Group', 'member': [{'mbox': 'mailto:p3@example.com'}]}}]}";

        @Test
        void areAcceptedIn20() {
            accepts(contextWith(CONTEXT_AGENTS), XapiVersion.V2_0_0);
            accepts(contextWith(CONTEXT_GROUPS), XapiVersion.V2_0_0);
            accepts(subStatementWith("context", CONTEXT_AGENTS), XapiVersion.V2_0_0);
        }

        @Test
        void doNotExistIn103() {
            rejects(contextWith(CONTEXT_AGENTS), XapiVersion.V1_0_3)
                    .at("$.context.contextAgents").breaking(Rule.UNKNOWN_PROPERTY).saying("exists only in xAPI 2.0");
            rejects(contextWith(CONTEXT_GROUPS), XapiVersion.V1_0_3)
                    .at("$.context.contextGroups").breaking(Rule.UNKNOWN_PROPERTY);
        }

        @Test
        void aContextAgentHasTheObjectTypeContextAgent() {
            rejects(contextWith("{'contextAgents': [{'objectType': 'Should fail', 'agent': " + AGENT_OBJECT + "}]}"),
                    XapiVersion.V2_0_0)
                    .at("$.context.contextAgents[0].objectType").breaking(Rule.CONTEXT_AGENT);
            rejects(contextWith("{'contextAgents': [{'agent': " + AGENT_OBJECT + "}]}"), XapiVersion.V2_0_0)
                    .at("$.context.contextAgents[0].objectType").breaking(Rule.CONTEXT_AGENT);
        }

        @Test
        void aContextAgentHasAnAgent() {
            rejects(contextWith("{'contextAgents': [{'objectType': 'contextAgent', 'agent': {'key': 'Should fail'}}]}"),
                    XapiVersion.V2_0_0)
                    .at("$.context.contextAgents[0].agent.key").breaking(Rule.UNKNOWN_PROPERTY);
            rejects(contextWith("{'contextAgents': [{'objectType': 'contextAgent',"
                    + " 'agent': {'objectType': 'Group', 'mbox': 'mailto:g@example.com'}}]}"), XapiVersion.V2_0_0)
                    .at("$.context.contextAgents[0].agent.objectType").breaking(Rule.CONTEXT_AGENT);
            rejects(contextWith("{'contextAgents': [{'objectType': 'contextAgent'}]}"), XapiVersion.V2_0_0)
                    .at("$.context.contextAgents[0].agent").breaking(Rule.CONTEXT_AGENT).saying("agent is missing");
        }

        @Test
        void aContextGroupHasTheObjectTypeContextGroupAndAGroup() {
            rejects(contextWith("{'contextGroups': [{'objectType': 'contextAgent',"
                    + " 'group': {'objectType': 'Group', 'mbox': 'mailto:g@example.com'}}]}"), XapiVersion.V2_0_0)
                    .at("$.context.contextGroups[0].objectType").breaking(Rule.CONTEXT_GROUP);
            rejects(contextWith("{'contextGroups': [{'objectType': 'contextGroup', 'group': " + AGENT_OBJECT + "}]}"),
                    XapiVersion.V2_0_0)
                    .at("$.context.contextGroups[0].group.objectType").breaking(Rule.CONTEXT_GROUP);
        }

        @ParameterizedTest
        @ValueSource(strings = {"[]", "['abc']", "'https://example.com/type'", "[null]"})
        void relevantTypesAreOneOrMoreIris(String types) {
            String expectedPath = types.equals("['abc']") || types.equals("[null]")
                    ? "$.context.contextAgents[0].relevantTypes[0]" : "$.context.contextAgents[0].relevantTypes";
            var rejection = rejects(contextWith("{'contextAgents': [{'objectType': 'contextAgent', 'agent': "
                    + AGENT_OBJECT + ", 'relevantTypes': " + types + "}]}"), XapiVersion.V2_0_0).at(expectedPath);
            rejection.breaking(types.equals("[null]") ? Rule.NULL_VALUE : Rule.RELEVANT_TYPES);
            rejects(contextWith("{'contextGroups': [{'objectType': 'contextGroup',"
                    + " 'group': {'objectType': 'Group', 'mbox': 'mailto:g@example.com'}, 'relevantTypes': " + types + "}]}"),
                    XapiVersion.V2_0_0)
                    .at(expectedPath.replace("contextAgents", "contextGroups"));
        }

        @Test
        void areArrays() {
            rejects(contextWith("{'contextAgents': {'objectType': 'contextAgent', 'agent': " + AGENT_OBJECT + "}}"),
                    XapiVersion.V2_0_0)
                    .at("$.context.contextAgents").breaking(Rule.WRONG_TYPE);
        }
    }
}
