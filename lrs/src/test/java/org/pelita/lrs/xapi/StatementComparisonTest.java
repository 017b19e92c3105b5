package org.pelita.lrs.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** xAPI 1.0.3 Data §2.3.1 "Statement Comparison Requirements": which differences make another statement. */
class StatementComparisonTest {
    private static final String BASE = """
            {"id":"9f0c4b2e-6a1d-4c3b-8e2f-1a2b3c4d5e6f","actor":{"objectType":"Group","member":[{"mbox":"mailto:a@example.org"},{"mbox":"mailto:b@example.org"}]},
             "verb":{"id":"http://example.org/v","display":{"en":"did"}},
             "object":{"id":"http://example.org/act","definition":{"name":{"en":"Act"}}},
             "result":{"duration":"PT1M"}}""";

    private static String hash(String json) {
        return StatementComparison.hash(Json.parse(json, "statement"));
    }

    @Test
    void propertiesTheLrsSetsAreIgnored() {
        String withLrsFields = BASE.replaceFirst("\\{", "{\"stored\":\"2026-01-01T00:00:00.000Z\",\"timestamp\":\"2026-01-01T00:00:00.000Z\","
                + "\"version\":\"1.0.0\",\"authority\":{\"mbox\":\"mailto:lrs@example.org\"},");
        assertThat(hash(withLrsFields)).isEqualTo(hash(BASE));
    }

    @Test
    void definitionsDisplaysMemberOrderAndEmailCaseAreIgnored() {
        String other = BASE.replace("\"display\":{\"en\":\"did\"}", "\"display\":{\"fr\":\"a fait\"}")
                .replace("\"name\":{\"en\":\"Act\"}", "\"name\":{\"en\":\"Another name\"}")
                .replace("{\"mbox\":\"mailto:a@example.org\"},{\"mbox\":\"mailto:b@example.org\"}",
                        "{\"mbox\":\"mailto:B@Example.org\"},{\"mbox\":\"mailto:a@example.org\"}");
        assertThat(hash(other)).isEqualTo(hash(BASE));
    }

    @Test
    void aDifferentResultIsAnotherStatementEvenAnEquivalentDuration() {
        assertThat(hash(BASE.replace("PT1M", "PT60S"))).isNotEqualTo(hash(BASE));
    }

    @Test
    void aDifferentVerbIsAnotherStatement() {
        assertThat(hash(BASE.replace("http://example.org/v", "http://example.org/w"))).isNotEqualTo(hash(BASE));
    }

    @Test
    void keyOrderDoesNotMatter() {
        String reordered = """
                {"result":{"duration":"PT1M"},"object":{"definition":{"name":{"en":"Act"}},"id":"http://example.org/act"},
                 "verb":{"display":{"en":"did"},"id":"http://example.org/v"},
                 "actor":{"member":[{"mbox":"mailto:a@example.org"},{"mbox":"mailto:b@example.org"}],"objectType":"Group"},
                 "id":"9f0c4b2e-6a1d-4c3b-8e2f-1a2b3c4d5e6f"}""";
        assertThat(hash(reordered)).isEqualTo(hash(BASE));
    }
}
