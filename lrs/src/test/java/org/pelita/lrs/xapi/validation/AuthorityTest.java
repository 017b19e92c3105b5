package org.pelita.lrs.xapi.validation;

import static org.pelita.lrs.xapi.validation.Statements.statementWith;
import static org.pelita.lrs.xapi.validation.Verdicts.accepts;
import static org.pelita.lrs.xapi.validation.Verdicts.rejects;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pelita.lrs.xapi.XapiVersion;

/**
 * A client may send an authority, which the LRS validates before deciding whether to keep it (xAPI 1.0.3 Data
 * §2.4.9; xAPI 2.0 §4.2.2, §4.2.4.2): an Agent, or for 3-legged OAuth an anonymous Group of exactly two Agents.
 */
class AuthorityTest {
    private static final String OAUTH_CONSUMER =
            "{'account': {'homePage': 'http://example.com/xAPI/OAuth/Token', 'name': 'oauth_consumer_x75db'}}";

    @ParameterizedTest
    @EnumSource(XapiVersion.class)
    void mayBeAnAgent(XapiVersion v) {
        accepts(statementWith("authority", "{'objectType': 'Agent', 'name': 'xAPI mbox', 'mbox': 'mailto:xapi@adlnet.gov'}"), v);
    }

    @ParameterizedTest
    @EnumSource(XapiVersion.class)
    void mayBeAnAnonymousGroupOfTwoAgents(XapiVersion v) {
        accepts(statementWith("authority", "{'objectType': 'Group', 'member': [" + OAUTH_CONSUMER
                + ", {'mbox': 'mailto:bob@example.com'}]}"), v);
    }

    @ParameterizedTest
    @EnumSource(XapiVersion.class)
    void aGroupOfOneOrThreeAgentsIsRejected(XapiVersion v) {
        rejects(statementWith("authority", "{'objectType': 'Group', 'member': [" + OAUTH_CONSUMER + "]}"), v)
                .at("$.authority.member").breaking(Rule.AUTHORITY).saying("found a Group of 1");
        rejects(statementWith("authority", "{'objectType': 'Group', 'member': [" + OAUTH_CONSUMER
                + ", {'mbox': 'mailto:bob@example.com'}, {'mbox': 'mailto:eve@example.com'}]}"), v)
                .at("$.authority.member").breaking(Rule.AUTHORITY).saying("found a Group of 3");
    }

    @ParameterizedTest
    @EnumSource(XapiVersion.class)
    void anIdentifiedGroupIsRejectedEvenWithTwoAgents(XapiVersion v) {
        rejects(statementWith("authority", "{'objectType': 'Group', 'name': 'xAPI Group', 'mbox': 'mailto:xapigroup@example.com',"
                + " 'member': [{'mbox': 'mailto:agentA@example.com'}, {'mbox': 'mailto:agentB@example.com'}]}"), v)
                .at("$.authority").breaking(Rule.AUTHORITY).saying("found an identified Group");
    }

    @ParameterizedTest
    @EnumSource(XapiVersion.class)
    void followsTheAgentRules(XapiVersion v) {
        rejects(statementWith("authority", "{'objectType': 'Agent'}"), v).at("$.authority").breaking(Rule.AGENT_IFI);
        rejects(statementWith("authority", "{'objectType': 'group', 'member': []}"), v)
                .at("$.authority.objectType").breaking(Rule.ACTOR_OBJECT_TYPE);
        rejects(statementWith("authority", "{'objectType': 'Group', 'member': [" + OAUTH_CONSUMER
                + ", {'objectType': 'Group', 'mbox': 'mailto:g@example.com'}]}"), v)
                .at("$.authority.member[1].objectType").breaking(Rule.GROUP_MEMBER_IS_GROUP);
    }
}
