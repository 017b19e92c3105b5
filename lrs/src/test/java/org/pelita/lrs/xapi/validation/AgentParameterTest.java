package org.pelita.lrs.xapi.validation;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.pelita.lrs.xapi.validation.Statements.json;
import static org.pelita.lrs.xapi.validation.Verdicts.rejection;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pelita.lrs.xapi.XapiVersion;

/**
 * The {@code agent} parameter of the State, Agents and Agent Profile resources is an Agent (xAPI 1.0.3
 * Communication §2.3-2.6; xAPI 2.0 §4.1.6), validated "to the same standards" as in Statements (Data §2.2).
 */
class AgentParameterTest {

    @ParameterizedTest
    @EnumSource(XapiVersion.class)
    void anAgentIsAccepted(XapiVersion v) {
        assertThatCode(() -> AgentValidator.validateAgent(
                json("{'objectType': 'Agent', 'account': {'homePage': 'http://example.com', 'name': 'a1'}}"), "agent", v))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @EnumSource(XapiVersion.class)
    void anAgentWithoutIdentifierIsRejected(XapiVersion v) {
        // The suite's Agents resource test: buildAgent() with its account deleted.
        rejection(() -> AgentValidator.validateAgent(json("{'objectType': 'Agent'}"), "agent", v), v)
                .at("agent").breaking(Rule.AGENT_IFI);
    }

    @ParameterizedTest
    @EnumSource(XapiVersion.class)
    void aJsonValueThatIsNotAnObjectIsRejected(XapiVersion v) {
        // The suite sends agent=true to the State and Agent Profile resources.
        rejection(() -> AgentValidator.validateAgent(json("true"), "agent", v), v)
                .at("agent").breaking(Rule.WRONG_TYPE).saying("found the Boolean true");
    }

    @ParameterizedTest
    @EnumSource(XapiVersion.class)
    void aMissingAgentIsRejected(XapiVersion v) {
        rejection(() -> AgentValidator.validateAgent(null, "agent", v), v)
                .at("agent").breaking(Rule.WRONG_TYPE).saying("found nothing");
    }

    @ParameterizedTest
    @EnumSource(XapiVersion.class)
    void aGroupIsNotAnAgent(XapiVersion v) {
        rejection(() -> AgentValidator.validateAgent(
                json("{'objectType': 'Group', 'mbox': 'mailto:team@example.com'}"), "agent", v), v)
                .at("agent.objectType").breaking(Rule.AGENT_EXPECTED);
    }

    @ParameterizedTest
    @EnumSource(XapiVersion.class)
    void anActorMayBeAGroup(XapiVersion v) {
        assertThatCode(() -> AgentValidator.validateActor(
                json("{'objectType': 'Group', 'mbox': 'mailto:team@example.com'}"), "agent", v))
                .doesNotThrowAnyException();
        rejection(() -> AgentValidator.validateActor(json("{'objectType': 'Group'}"), "agent", v), v)
                .at("agent.member").breaking(Rule.ANONYMOUS_GROUP_MEMBERS);
    }
}
