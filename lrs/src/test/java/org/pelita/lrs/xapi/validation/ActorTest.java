package org.pelita.lrs.xapi.validation;

import static org.pelita.lrs.xapi.validation.Statements.statementWith;
import static org.pelita.lrs.xapi.validation.Verdicts.accepts;
import static org.pelita.lrs.xapi.validation.Verdicts.rejects;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pelita.lrs.xapi.XapiVersion;

/** Actor: Agents and Groups (xAPI 1.0.3 Data §2.4.2; xAPI 2.0 §4.2.2.1). Every rule holds in both versions. */
class ActorTest {

    @Nested
    class AnAgent {
        @ParameterizedTest
        @ValueSource(strings = {
            "{'mbox': 'mailto:ana@example.com'}",
            "{'objectType': 'Agent', 'name': 'Ana', 'mbox': 'mailto:ana@example.com'}",
            "{'mbox_sha1sum': 'cd9b00a5611f94eaa7b1661edab976068e364975'}",
            "{'openid': 'http://openid.example.org/12345'}",
            "{'account': {'homePage': 'http://www.example.com', 'name': 'ana-42'}}"})
        void isIdentifiedByExactlyOneInverseFunctionalIdentifier(String agent) {
            for (XapiVersion v : XapiVersion.values()) {
                accepts(statementWith("actor", agent), v);
            }
        }

        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void withoutAnyIdentifierIsRejected(XapiVersion v) {
            rejects(statementWith("actor", "{'objectType': 'Agent', 'name': 'Ana'}"), v)
                    .at("$.actor").breaking(Rule.AGENT_IFI).saying("found none");
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "{'mbox': 'mailto:ana@example.com', 'openid': 'http://openid.example.org/1'}",
            "{'mbox_sha1sum': 'cd9b00a5611f94eaa7b1661edab976068e364975', 'mbox': 'mailto:ana@example.com'}",
            "{'account': {'homePage': 'http://example.com', 'name': 'a'}, 'openid': 'http://openid.example.org/1'}"})
        void withTwoIdentifiersIsRejected(String agent) {
            for (XapiVersion v : XapiVersion.values()) {
                rejects(statementWith("actor", agent), v).at("$.actor").breaking(Rule.AGENT_IFI).saying(" and ");
            }
        }

        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void hasNoMembers(XapiVersion v) {
            rejects(statementWith("actor", "{'mbox': 'mailto:ana@example.com', 'member': []}"), v)
                    .at("$.actor.member").breaking(Rule.UNKNOWN_PROPERTY);
        }

        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void nameIsAString(XapiVersion v) {
            rejects(statementWith("actor", "{'name': 123, 'mbox': 'mailto:ana@example.com'}"), v)
                    .at("$.actor.name").breaking(Rule.WRONG_TYPE).saying("expected a String but found the number 123");
        }
    }

    @Nested
    class TheObjectType {
        @ParameterizedTest
        @ValueSource(strings = {"agent", "group", "Person", "AGENT"})
        void isAgentOrGroupMatchingCase(String type) {
            for (XapiVersion v : XapiVersion.values()) {
                rejects(statementWith("actor", "{'objectType': '" + type + "', 'mbox': 'mailto:a@example.com'}"), v)
                        .at("$.actor.objectType").breaking(Rule.ACTOR_OBJECT_TYPE);
            }
        }

        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void isAString(XapiVersion v) {
            rejects(statementWith("actor", "{'objectType': {'a': 1}, 'mbox': 'mailto:a@example.com'}"), v)
                    .at("$.actor.objectType").breaking(Rule.WRONG_TYPE);
        }
    }

    @Nested
    class AGroup {
        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void anonymousListsItsMembers(XapiVersion v) {
            accepts(statementWith("actor", "{'objectType': 'Group', 'name': 'Team',"
                    + " 'member': [{'mbox': 'mailto:a@example.com'}, {'objectType': 'Agent', 'openid': 'http://id.example.com/b'}]}"), v);
        }

        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void anonymousWithoutMembersIsRejected(XapiVersion v) {
            rejects(statementWith("actor", "{'objectType': 'Group', 'name': 'Team'}"), v)
                    .at("$.actor.member").breaking(Rule.ANONYMOUS_GROUP_MEMBERS).saying("member is missing");
        }

        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void anonymousWithAnEmptyMemberListIsRejected(XapiVersion v) {
            rejects(statementWith("actor", "{'objectType': 'Group', 'member': []}"), v)
                    .at("$.actor.member").breaking(Rule.ANONYMOUS_GROUP_MEMBERS).saying("member is empty");
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "{'objectType': 'Group', 'mbox': 'mailto:team@example.com'}",
            "{'objectType': 'Group', 'mbox_sha1sum': 'cd9b00a5611f94eaa7b1661edab976068e364975', 'member': []}",
            "{'objectType': 'Group', 'openid': 'http://openid.example.org/team', 'member': [{'mbox': 'mailto:a@example.com'}]}",
            "{'objectType': 'Group', 'account': {'homePage': 'http://example.com', 'name': 'team'}}"})
        void identifiedHasOneIdentifierAndOptionalMembers(String group) {
            for (XapiVersion v : XapiVersion.values()) {
                accepts(statementWith("actor", group), v);
            }
        }

        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void identifiedWithTwoIdentifiersIsRejected(XapiVersion v) {
            rejects(statementWith("actor", "{'objectType': 'Group', 'mbox': 'mailto:team@example.com',"
                    + " 'openid': 'http://openid.example.org/team'}"), v)
                    .at("$.actor").breaking(Rule.GROUP_IFI).saying("found mbox and openid");
        }

        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void membersAreAgentsNotGroups(XapiVersion v) {
            rejects(statementWith("actor", "{'objectType': 'Group', 'member': [{'mbox': 'mailto:a@example.com'},"
                    + " {'objectType': 'Group', 'mbox': 'mailto:inner@example.com'}]}"), v)
                    .at("$.actor.member[1].objectType").breaking(Rule.GROUP_MEMBER_IS_GROUP);
        }

        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void membersFollowTheAgentRules(XapiVersion v) {
            rejects(statementWith("actor", "{'objectType': 'Group', 'member': [{'name': 'nobody'}]}"), v)
                    .at("$.actor.member[0]").breaking(Rule.AGENT_IFI);
        }

        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void memberIsAnArray(XapiVersion v) {
            rejects(statementWith("actor", "{'objectType': 'Group', 'member': {'mbox': 'mailto:a@example.com'}}"), v)
                    .at("$.actor.member").breaking(Rule.WRONG_TYPE).saying("expected an array of Agents");
        }
    }

    @Nested
    class InverseFunctionalIdentifiers {
        @ParameterizedTest
        @ValueSource(strings = {"http://should.fail.com", "mailto:should.fail.com", "ana@example.com", "mailto:",
            "mailto:@example.com", "mailto:ana@", "MAILTO:ana@example.com", "mailto:ana @example.com"})
        void mboxIsAMailtoIri(String mbox) {
            for (XapiVersion v : XapiVersion.values()) {
                rejects(statementWith("actor", "{'mbox': '" + mbox + "'}"), v).at("$.actor.mbox").breaking(Rule.MBOX);
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"cd9b00a5611f94eaa7b1661edab976068e36497", "cd9b00a5611f94eaa7b1661edab976068e3649750",
            "zd9b00a5611f94eaa7b1661edab976068e364975", ""})
        void mboxSha1sumIsFortyHexDigits(String sum) {
            for (XapiVersion v : XapiVersion.values()) {
                rejects(statementWith("actor", "{'mbox_sha1sum': '" + sum + "'}"), v)
                        .at("$.actor.mbox_sha1sum").breaking(Rule.MBOX_SHA1SUM);
            }
        }

        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void mboxSha1sumIsAString(XapiVersion v) {
            rejects(statementWith("actor", "{'mbox_sha1sum': {'sha1': 'x'}}"), v)
                    .at("$.actor.mbox_sha1sum").breaking(Rule.MBOX_SHA1SUM).saying("found an object");
        }

        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void mboxSha1sumAcceptsUpperCaseHex(XapiVersion v) {
            accepts(statementWith("actor", "{'mbox_sha1sum': 'CD9B00A5611F94EAA7B1661EDAB976068E364975'}"), v);
        }

        @ParameterizedTest
        @ValueSource(strings = {"ab=c://should.fail.com", "open.id.com/testUser", ""})
        void openidIsAUri(String openid) {
            for (XapiVersion v : XapiVersion.values()) {
                rejects(statementWith("actor", "{'openid': '" + openid + "'}"), v)
                        .at("$.actor.openid").breaking(Rule.OPENID);
            }
        }

        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void accountHasAHomePageThatIsAnIrl(XapiVersion v) {
            rejects(statementWith("actor", "{'account': {'name': 'ana'}}"), v)
                    .at("$.actor.account.homePage").breaking(Rule.ACCOUNT_HOME_PAGE).saying("homePage is missing");
            rejects(statementWith("actor", "{'account': {'homePage': 'homePage.com/ana', 'name': 'ana'}}"), v)
                    .at("$.actor.account.homePage").breaking(Rule.ACCOUNT_HOME_PAGE);
        }

        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void accountHasANameThatIsAString(XapiVersion v) {
            rejects(statementWith("actor", "{'account': {'homePage': 'http://example.com'}}"), v)
                    .at("$.actor.account.name").breaking(Rule.ACCOUNT_NAME).saying("name is missing");
            rejects(statementWith("actor", "{'account': {'homePage': 'http://example.com', 'name': {'key': 'value'}}}"), v)
                    .at("$.actor.account.name").breaking(Rule.ACCOUNT_NAME).saying("found an object");
        }

        @ParameterizedTest
        @EnumSource(XapiVersion.class)
        void accountHasNoOtherProperties(XapiVersion v) {
            rejects(statementWith("actor", "{'account': {'homePage': 'http://example.com', 'name': 'a', 'Name': 'b'}}"), v)
                    .at("$.actor.account.Name").breaking(Rule.UNKNOWN_PROPERTY);
        }
    }
}
