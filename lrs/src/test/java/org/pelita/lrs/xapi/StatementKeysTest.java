package org.pelita.lrs.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a statement can be found by (xAPI 1.0.3 Communication §2.1.3, agent / activity / related_* filters). */
class StatementKeysTest {
    private static Map<String, Boolean> keys(String json) {
        return StatementKeys.of(Json.parse(json, "statement"));
    }

    @Test
    void actorVerbObjectAndRegistrationAreDirectAndContextIsRelated() {
        Map<String, Boolean> keys = keys("""
                {"actor":{"mbox":"mailto:a@example.org"},"verb":{"id":"http://example.org/v"},
                 "object":{"id":"http://example.org/act"},
                 "context":{"registration":"0E4D6C5B-0000-4000-8000-000000000001","instructor":{"mbox":"mailto:i@example.org"},
                   "contextActivities":{"parent":{"id":"http://example.org/parent"},"grouping":[{"id":"http://example.org/g"}]}},
                 "authority":{"account":{"homePage":"urn:lrs","name":"key"}}}""");
        assertThat(keys).containsExactlyInAnyOrderEntriesOf(Map.of(
                "agent:mbox:mailto:a@example.org", true,
                "verb:http://example.org/v", true,
                "activity:http://example.org/act", true,
                "registration:0e4d6c5b-0000-4000-8000-000000000001", true,
                "agent:mbox:mailto:i@example.org", false,
                "activity:http://example.org/parent", false,
                "activity:http://example.org/g", false,
                "agent:account:urn:lrs key", false));
    }

    @Test
    void membersOfAGroupActorMatchTheAgentFilterDirectly() {
        Map<String, Boolean> keys = keys("""
                {"actor":{"objectType":"Group","member":[{"mbox":"mailto:m1@example.org"},{"openid":"http://example.org/m2"}]},
                 "verb":{"id":"http://example.org/v"},"object":{"id":"http://example.org/act"}}""");
        assertThat(keys).containsEntry("agent:mbox:mailto:m1@example.org", true).containsEntry("agent:openid:http://example.org/m2", true);
    }

    @Test
    void aSubStatementsContentsAreRelatedOnly() {
        Map<String, Boolean> keys = keys("""
                {"actor":{"mbox":"mailto:a@example.org"},"verb":{"id":"http://example.org/planned"},
                 "object":{"objectType":"SubStatement","actor":{"mbox":"mailto:b@example.org"},
                   "verb":{"id":"http://example.org/v"},"object":{"id":"http://example.org/sub"}}}""");
        assertThat(keys).containsEntry("agent:mbox:mailto:b@example.org", false).containsEntry("activity:http://example.org/sub", false)
                .containsEntry("verb:http://example.org/v", false).containsEntry("verb:http://example.org/planned", true);
    }

    @Test
    void anAgentAsObjectIsDirectAndDirectWinsOverRelated() {
        Map<String, Boolean> keys = keys("""
                {"actor":{"mbox":"mailto:a@example.org"},"verb":{"id":"http://example.org/v"},
                 "object":{"objectType":"Agent","mbox":"mailto:b@example.org"},
                 "context":{"instructor":{"mbox":"mailto:b@example.org"}}}""");
        assertThat(keys).containsEntry("agent:mbox:mailto:b@example.org", true);
    }

    @Test
    void contextAgentsAndGroupsOf2_0AreRelated() {
        Map<String, Boolean> keys = keys("""
                {"actor":{"mbox":"mailto:a@example.org"},"verb":{"id":"http://example.org/v"},"object":{"id":"http://example.org/act"},
                 "context":{"contextAgents":[{"objectType":"contextAgent","agent":{"mbox":"mailto:c@example.org"}}],
                   "contextGroups":[{"objectType":"contextGroup","group":{"objectType":"Group","mbox":"mailto:g@example.org"}}]}}""");
        assertThat(keys).containsEntry("agent:mbox:mailto:c@example.org", false).containsEntry("agent:mbox:mailto:g@example.org", false);
    }

    @Test
    void sha1sumsCompareWithoutCaseAndAccountsByHomePageAndName() {
        assertThat(keys("""
                {"actor":{"mbox_sha1sum":"ABCDEF0123456789ABCDEF0123456789ABCDEF01"},"verb":{"id":"http://e.org/v"},"object":{"id":"http://e.org/a"}}"""))
                .containsKey("agent:mbox_sha1sum:abcdef0123456789abcdef0123456789abcdef01");
    }
}
