package org.pelita.lrs.research;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.pelita.lrs.xapi.Json;

/** The pseudonym rules (docs/research-data.md "Pseudonyms"): the keyed hash, its rendering, and what a statement keeps. */
class PseudonymsTest {
    private static final byte[] SECRET = new byte[32];

    static {
        for (int i = 0; i < SECRET.length; i++) {
            SECRET[i] = (byte) i;
        }
    }

    private final Pseudonyms pseudonyms = new Pseudonyms(() -> SECRET.clone());

    @Test
    void aPseudonymIsTheFirst100BitsOfTheHmacInLowerCaseBase32() {
        // Expected values computed independently: base64.b32encode(hmac.new(key, id, sha256).digest()).lower()[:20] (Python).
        assertThat(pseudonyms.name("mbox:mailto:ana@example.org")).isEqualTo("ahif4rgtfpbzwfecx4ld");
        assertThat(pseudonyms.name("account:https://lms.example.org 42")).isEqualTo("qyfnxev4yjw7zos5hvei");
    }

    @Test
    void theSameAgentAlwaysGetsTheSamePseudonymAndAnotherSecretGivesAnother() {
        String ana = "mbox:mailto:ana@example.org";
        Pseudonyms otherDatabase = new Pseudonyms(() -> new byte[32]);

        assertThat(pseudonyms.name(ana)).isEqualTo(new Pseudonyms(() -> SECRET.clone()).name(ana)).matches("[a-z2-7]{20}");
        assertThat(otherDatabase.name(ana)).isNotEqualTo(pseudonyms.name(ana));
        assertThat(pseudonyms.name("mbox:mailto:bob@example.org")).isNotEqualTo(pseudonyms.name(ana));
        assertThat(Json.write(pseudonyms.agent(ana))).isEqualTo(
                "{\"objectType\":\"Agent\",\"account\":{\"homePage\":\"urn:pelita:pseudonym\",\"name\":\"ahif4rgtfpbzwfecx4ld\"}}");
    }

    @Test
    void theSecretIsAskedForOnceAndOnlyWhenAPseudonymIsNeeded() {
        AtomicInteger asked = new AtomicInteger();
        Pseudonyms lazy = new Pseudonyms(() -> {
            asked.incrementAndGet();
            return SECRET.clone();
        });
        assertThat(asked).hasValue(0);

        lazy.name("mbox:mailto:ana@example.org");
        lazy.name("mbox:mailto:bob@example.org");

        assertThat(asked).hasValue(1);
    }

    @Test
    void everyAgentAndGroupThatCanNameALearnerIsReplacedAndTheAuthorityKept() {
        JsonNode statement = Json.parse("""
                {"id":"6690e6c9-3ef0-4ed3-8b37-7f3964730bee",
                 "actor":{"objectType":"Agent","name":"Ana Lima","mbox":"mailto:ana@example.org"},
                 "verb":{"id":"http://adlnet.gov/expapi/verbs/asked"},
                 "object":{"objectType":"SubStatement",
                   "actor":{"account":{"homePage":"https://lms.example.org","name":"42"}},
                   "verb":{"id":"http://adlnet.gov/expapi/verbs/mentored"},
                   "object":{"objectType":"Agent","mbox_sha1sum":"A9993E364706816ABA3E25717850C26C9CD0D89D"},
                   "context":{"instructor":{"openid":"https://id.example.org/tutor"}}},
                 "result":{"score":{"scaled":0.50}},
                 "context":{"team":{"objectType":"Group","name":"Team A","account":{"homePage":"https://lms.example.org","name":"team-a"},
                              "member":[{"mbox":"mailto:ana@example.org","name":"Ana"},{"mbox":"mailto:bob@example.org"}]},
                            "contextAgents":[{"objectType":"contextAgent","agent":{"mbox":"mailto:tutor@example.org"}}],
                            "contextGroups":[{"objectType":"contextGroup","group":{"objectType":"Group","member":[{"mbox":"mailto:bob@example.org"}]}}],
                            "extensions":{"urn:x":"kept"}},
                 "authority":{"objectType":"Agent","account":{"homePage":"urn:pelita:lrs","name":"pkg-key"}}}
                """, "statement");

        JsonNode hidden = pseudonyms.statement(statement);
        String text = Json.write(hidden);

        assertThat(hidden.get("actor")).isEqualTo(pseudonyms.agent("mbox:mailto:ana@example.org"));
        assertThat(hidden.at("/object/actor")).isEqualTo(pseudonyms.agent("account:https://lms.example.org 42"));
        assertThat(hidden.at("/object/object")).isEqualTo(pseudonyms.agent("mbox_sha1sum:a9993e364706816aba3e25717850c26c9cd0d89d"));
        assertThat(hidden.at("/object/context/instructor")).isEqualTo(pseudonyms.agent("openid:https://id.example.org/tutor"));
        assertThat(hidden.at("/context/team/objectType").asText()).isEqualTo("Group");
        assertThat(hidden.at("/context/team/account/name").asText()).isEqualTo(pseudonyms.name("account:https://lms.example.org team-a"));
        assertThat(hidden.at("/context/team/member/0")).isEqualTo(pseudonyms.agent("mbox:mailto:ana@example.org"));
        assertThat(hidden.at("/context/team/member/1")).isEqualTo(pseudonyms.agent("mbox:mailto:bob@example.org"));
        assertThat(hidden.at("/context/contextAgents/0/agent")).isEqualTo(pseudonyms.agent("mbox:mailto:tutor@example.org"));
        assertThat(hidden.at("/context/contextGroups/0/group/member/0")).isEqualTo(pseudonyms.agent("mbox:mailto:bob@example.org"));
        assertThat(hidden.at("/context/contextGroups/0/group").has("account")).isFalse();
        assertThat(hidden.get("authority")).isEqualTo(statement.get("authority"));
        assertThat(hidden.get("result")).isEqualTo(statement.get("result"));
        assertThat(hidden.at("/context/extensions")).isEqualTo(statement.at("/context/extensions"));
        assertThat(text).doesNotContain("ana@", "bob@", "tutor", "Ana", "Team A", "lms.example.org", "A9993E", "a9993e");
        assertThat(Json.write(statement)).contains("ana@example.org"); // the original is left as it was
    }
}
