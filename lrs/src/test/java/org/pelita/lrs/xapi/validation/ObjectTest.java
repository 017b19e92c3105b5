package org.pelita.lrs.xapi.validation;

import static org.pelita.lrs.xapi.validation.Statements.activityWithDefinition;
import static org.pelita.lrs.xapi.validation.Statements.statementWith;
import static org.pelita.lrs.xapi.validation.Statements.subStatementWith;
import static org.pelita.lrs.xapi.validation.Verdicts.accepts;
import static org.pelita.lrs.xapi.validation.Verdicts.rejects;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pelita.lrs.xapi.XapiVersion;

/** Object (xAPI 1.0.3 Data §2.4.4; xAPI 2.0 §4.2.2.3): Activity, Agent or Group, StatementRef, SubStatement. */
class ObjectTest {

    @ParameterizedTest
    @ValueSource(strings = {"activity", "agent", "group", "statementref", "substatement", "Statement"})
    void theObjectTypeIsOneOfFiveMatchingCase(String type) {
        for (XapiVersion v : XapiVersion.values()) {
            rejects(statementWith("object", "{'objectType': '" + type + "', 'id': 'http://example.com/a'}"), v)
                    .at("$.object.objectType").breaking(Rule.OBJECT_TYPE);
        }
    }

    @Nested
    class AnActivity {
        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void isTheObjectWhenObjectTypeIsAbsent(XapiVersion v) {
            accepts(statementWith("object", "{'id': 'http://example.com/a'}"), v);
            accepts(statementWith("object", "{'objectType': 'Activity', 'id': 'http://example.com/a'}"), v);
        }

        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void hasAnId(XapiVersion v) {
            rejects(statementWith("object", "{'objectType': 'Activity'}"), v)
                    .at("$.object.id").breaking(Rule.ACTIVITY_ID).saying("id is missing");
        }

        @ParameterizedTest
        @ValueSource(strings = {"www.example.com/meetings/34534", "ab=c://should.fail.com", "http://exa mple.com",
            "http://example.com/<a>", "http://example.com/%zz", "http://example.com/a#b#c"})
        void whoseIdIsNotAnIriIsRejected(String id) {
            for (XapiVersion v : XapiVersion.values()) {
                rejects(statementWith("object", "{'id': '" + id + "'}"), v)
                        .at("$.object.id").breaking(Rule.ACTIVITY_ID);
            }
        }

        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void hasNoOtherProperties(XapiVersion v) {
            rejects(statementWith("object", "{'id': 'http://example.com/a', 'name': {'en': 'A'}}"), v)
                    .at("$.object.name").breaking(Rule.UNKNOWN_PROPERTY);
        }
    }

    @Nested
    class AnActivityDefinition {
        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void mayUseNameDescriptionTypeMoreInfoAndExtensions(XapiVersion v) {
            accepts(activityWithDefinition("{}"), v);
            accepts(activityWithDefinition("{'name': {'en-GB': 'example meeting'}, 'description': {'en-US': 'A meeting'},"
                    + " 'type': 'http://adlnet.gov/expapi/activities/meeting', 'moreInfo': 'http://virtualmeeting.example.com/345256',"
                    + " 'extensions': {'http://example.com/ext/location': 'X:\\\\meetings\\\\minutes'}}"), v);
        }

        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void isAnObject(XapiVersion v) {
            rejects(statementWith("object", "{'id': 'http://example.com/a', 'definition': 'should error'}"), v)
                    .at("$.object.definition").breaking(Rule.WRONG_TYPE);
        }

        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void nameAndDescriptionAreLanguageMaps(XapiVersion v) {
            rejects(activityWithDefinition("{'name': 1234}"), v)
                    .at("$.object.definition.name").breaking(Rule.WRONG_TYPE);
            rejects(activityWithDefinition("{'description': {'a12345': 'x'}}"), v)
                    .at("$.object.definition.description.a12345").breaking(Rule.LANGUAGE_MAP_KEY);
        }

        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void typeIsAnIri(XapiVersion v) {
            rejects(activityWithDefinition("{'type': 'adlnet.gov/expapi/activities/meeting'}"), v)
                    .at("$.object.definition.type").breaking(Rule.ACTIVITY_TYPE);
        }

        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void moreInfoIsAnIrl(XapiVersion v) {
            rejects(activityWithDefinition("{'moreInfo': 'virtualmeeting.example.com/345256'}"), v)
                    .at("$.object.definition.moreInfo").breaking(Rule.ACTIVITY_MORE_INFO);
        }

        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void hasNoOtherProperties(XapiVersion v) {
            rejects(activityWithDefinition("{'Type': 'http://example.com/t'}"), v)
                    .at("$.object.definition.Type").breaking(Rule.UNKNOWN_PROPERTY).saying("did you mean \"type\"?");
        }
    }

    @Nested
    class AnInteractionActivity {
        @ParameterizedTest
        @ValueSource(strings = {"true-false", "choice", "fill-in", "long-fill-in", "matching", "performance",
            "sequencing", "likert", "numeric", "other"})
        void usesOneOfTheTenInteractionTypes(String type) {
            for (XapiVersion v : XapiVersion.values()) {
                accepts(activityWithDefinition("{'interactionType': '" + type + "'}"), v);
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"true-faLse", "Choice", "fill_in", "http://example.com/choice", ""})
        void withAnyOtherInteractionTypeIsRejected(String type) {
            for (XapiVersion v : XapiVersion.values()) {
                rejects(activityWithDefinition("{'interactionType': '" + type + "'}"), v)
                        .at("$.object.definition.interactionType").breaking(Rule.INTERACTION_TYPE);
            }
        }

        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void interactionTypeIsAString(XapiVersion v) {
            rejects(activityWithDefinition("{'interactionType': 12345}"), v)
                    .at("$.object.definition.interactionType").breaking(Rule.INTERACTION_TYPE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"'correctResponsesPattern': ['true']", "'choices': [{'id': 'golf'}]",
            "'scale': [{'id': 'likert_0'}]", "'source': [{'id': 'ben'}]", "'target': [{'id': '1'}]",
            "'steps': [{'id': 'pong'}]"})
        void usingAnyInteractionPropertyNeedsAnInteractionType(String property) {
            for (XapiVersion v : XapiVersion.values()) {
                rejects(activityWithDefinition("{" + property + "}"), v)
                        .at("$.object.definition.interactionType").breaking(Rule.INTERACTION_TYPE_REQUIRED);
            }
        }

        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void listsCorrectResponsesAsStrings(XapiVersion v) {
            accepts(activityWithDefinition("{'interactionType': 'numeric', 'correctResponsesPattern': ['4[:]']}"), v);
            rejects(activityWithDefinition("{'interactionType': 'numeric', 'correctResponsesPattern': [4]}"), v)
                    .at("$.object.definition.correctResponsesPattern[0]").breaking(Rule.WRONG_TYPE);
            rejects(activityWithDefinition("{'interactionType': 'numeric', 'correctResponsesPattern': '4[:]'}"), v)
                    .at("$.object.definition.correctResponsesPattern").breaking(Rule.WRONG_TYPE);
        }

        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void componentsHaveAnIdAndAnOptionalDescription(XapiVersion v) {
            accepts(activityWithDefinition("{'interactionType': 'matching',"
                    + " 'source': [{'id': 'ben', 'description': {'en-US': 'Ben'}}],"
                    + " 'target': [{'id': '1', 'description': {'sr-Latn-RS': 'Jedan'}}]}"), v);
            rejects(activityWithDefinition("{'interactionType': 'likert', 'scale': [{'description': {'en': 'OK'}}]}"), v)
                    .at("$.object.definition.scale[0].id").breaking(Rule.INTERACTION_COMPONENT_ID);
            rejects(activityWithDefinition("{'interactionType': 'likert', 'scale': [{'id': 0}]}"), v)
                    .at("$.object.definition.scale[0].id").breaking(Rule.INTERACTION_COMPONENT_ID);
            rejects(activityWithDefinition("{'interactionType': 'likert', 'scale': [{'id': 'a', 'value': 1}]}"), v)
                    .at("$.object.definition.scale[0].value").breaking(Rule.UNKNOWN_PROPERTY);
        }

        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void componentListsAreNotPairedWithTheInteractionType(XapiVersion v) {
            // Both versions leave that check to the LRS ("MAY validate"); real content mixes them.
            accepts(activityWithDefinition("{'interactionType': 'likert', 'choices': [{'id': 'a'}]}"), v);
        }

        @org.junit.jupiter.api.Test
        void in103ComponentIdsAreDistinctWithinAList() {
            rejects(activityWithDefinition("{'interactionType': 'choice', 'choices': [{'id': 'a'}, {'id': 'b'}, {'id': 'a'}]}"),
                    XapiVersion.V1_0_3)
                    .at("$.object.definition.choices[2].id").breaking(Rule.INTERACTION_COMPONENT_DISTINCT)
                    .saying("also the id of item 0");
        }

        @org.junit.jupiter.api.Test
        void in20DuplicateComponentIdsAreNotRejected() {
            accepts(activityWithDefinition("{'interactionType': 'choice', 'choices': [{'id': 'a'}, {'id': 'a'}]}"),
                    XapiVersion.V2_0_0);
        }
    }

    @Nested
    class AnAgentOrGroupAsObject {
        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void statesItsObjectType(XapiVersion v) {
            accepts(statementWith("object", "{'objectType': 'Agent', 'mbox': 'mailto:a@example.com'}"), v);
            accepts(statementWith("object", "{'objectType': 'Group', 'member': [{'mbox': 'mailto:a@example.com'}]}"), v);
        }

        @ParameterizedTest
        @ValueSource(strings = {"{'name': 'xAPI mbox', 'mbox': 'mailto:xapi@adlnet.gov'}",
            "{'name': 'Group', 'member': [{'mbox': 'mailto:a@example.com'}]}"})
        void withoutObjectTypeIsRejected(String object) {
            for (XapiVersion v : XapiVersion.values()) {
                rejects(statementWith("object", object), v)
                        .at("$.object.objectType").breaking(Rule.OBJECT_AGENT_WITHOUT_TYPE);
            }
        }

        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void followsTheActorRules(XapiVersion v) {
            rejects(statementWith("object", "{'objectType': 'Agent', 'mbox': 'mailto:a@example.com', 'openid': 'http://a.example.com'}"), v)
                    .at("$.object").breaking(Rule.AGENT_IFI);
        }
    }

    @Nested
    class AStatementRef {
        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void hasTheUuidOfAStatement(XapiVersion v) {
            accepts(statementWith("object", "{'objectType': 'StatementRef', 'id': '8f87ccde-bb56-4c2e-ab83-44982ef22df0'}"), v);
            rejects(statementWith("object", "{'objectType': 'StatementRef'}"), v)
                    .at("$.object.id").breaking(Rule.STATEMENT_REF).saying("id is missing");
            rejects(statementWith("object", "{'objectType': 'StatementRef', 'id': 'should fail'}"), v)
                    .at("$.object.id").breaking(Rule.STATEMENT_REF);
        }

        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void hasNoOtherProperties(XapiVersion v) {
            rejects(statementWith("object", "{'objectType': 'StatementRef', 'id': '8f87ccde-bb56-4c2e-ab83-44982ef22df0',"
                    + " 'definition': {}}"), v)
                    .at("$.object.definition").breaking(Rule.UNKNOWN_PROPERTY);
        }
    }

    @Nested
    class ASubStatement {
        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void isValidatedAsAStatement(XapiVersion v) {
            accepts(subStatementWith("timestamp", "'2031-11-27T21:52:27.237Z'",
                    "result", "{'completion': true}",
                    "context", "{'platform': 'web', 'revision': 'r2'}",
                    "attachments", "[]"), v);
            rejects(subStatementWith("actor", "{'name': 'nobody'}"), v)
                    .at("$.object.actor").breaking(Rule.AGENT_IFI);
        }

        @ParameterizedTest
        @ValueSource(strings = {"actor", "verb", "object"})
        void requiresActorVerbAndObject(String property) {
            for (XapiVersion v : XapiVersion.values()) {
                var statement = subStatementWith();
                ((com.fasterxml.jackson.databind.node.ObjectNode) statement.get("object")).remove(property);
                rejects(statement, v).at("$.object." + property).breaking(Rule.STATEMENT_REQUIRED);
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"id:'fd41c918-b88b-4b20-a0a5-a4c32391aaa0'", "stored:'2013-05-18T05:32:34.804Z'",
            "version:'1.0.0'", "authority:{'mbox': 'mailto:a@example.com'}"})
        void hasNoIdStoredVersionOrAuthority(String property) {
            String name = property.substring(0, property.indexOf(':'));
            String value = property.substring(property.indexOf(':') + 1);
            for (XapiVersion v : XapiVersion.values()) {
                rejects(subStatementWith(name, value), v)
                        .at("$.object." + name).breaking(Rule.SUB_STATEMENT_PROPERTY);
            }
        }

        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void doesNotContainASubStatement(XapiVersion v) {
            rejects(subStatementWith("object", "{'objectType': 'SubStatement', 'actor': {'mbox': 'mailto:a@example.com'},"
                    + " 'verb': {'id': 'http://example.com/v'}, 'object': {'id': 'http://example.com/a'}}"), v)
                    .at("$.object.object.objectType").breaking(Rule.SUB_STATEMENT_NESTED);
        }

        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void mayHaveAStatementRefAgentOrGroupObject(XapiVersion v) {
            accepts(subStatementWith("object", "{'objectType': 'StatementRef', 'id': '8f87ccde-bb56-4c2e-ab83-44982ef22df0'}"), v);
            accepts(subStatementWith("object", "{'objectType': 'Group', 'name': 'G', 'mbox': 'mailto:xapi@adlnet.gov'}"), v);
        }

        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void usesTheVoidedVerbWithoutVoidingAnything(XapiVersion v) {
            accepts(subStatementWith("verb", "{'id': 'http://adlnet.gov/expapi/verbs/voided'}"), v);
        }
    }
}
