package org.pelita.lrs.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The format parameter of GET statements (xAPI 1.0.3 Communication §2.1.3) and Accept-Language filtering. */
class StatementFormatTest {
    private static final JsonNode STATEMENT = Json.parse("""
            {"actor":{"objectType":"Agent","name":"Ana","mbox":"mailto:ana@example.org"},
             "verb":{"id":"http://example.org/v","display":{"en":"did","id":"melakukan"}},
             "object":{"objectType":"Activity","id":"http://example.org/act","definition":{"name":{"en":"Act","th":"กิจกรรม"}}},
             "context":{"contextActivities":{"parent":[{"id":"http://example.org/parent","definition":{"name":{"en":"Parent"}}}]}}}""", "s");

    @Test
    void idsKeepOnlyWhatIdentifies() {
        JsonNode ids = StatementFormat.ids(STATEMENT);
        assertThat(ids.get("actor").toString()).isEqualTo("{\"objectType\":\"Agent\",\"mbox\":\"mailto:ana@example.org\"}");
        assertThat(ids.get("verb").toString()).isEqualTo("{\"id\":\"http://example.org/v\"}");
        assertThat(ids.get("object").toString()).isEqualTo("{\"id\":\"http://example.org/act\"}");
        assertThat(ids.at("/context/contextActivities/parent/0").toString()).isEqualTo("{\"id\":\"http://example.org/parent\"}");
    }

    @Test
    void canonicalUsesTheLrsDefinitionInTheMostPreferredLanguage() {
        JsonNode canonical = Json.parse("{\"objectType\":\"Activity\",\"id\":\"http://example.org/act\","
                + "\"definition\":{\"name\":{\"en\":\"Canonical act\",\"th\":\"กิจกรรมหลัก\"},\"description\":{\"en\":\"d\"}}}", "a");
        JsonNode result = StatementFormat.canonical(STATEMENT, Map.of("http://example.org/act", canonical), List.of("th", "en"));
        assertThat(result.at("/object/definition/name").toString()).isEqualTo("{\"th\":\"กิจกรรมหลัก\"}");
        assertThat(result.at("/verb/display").toString()).isEqualTo("{\"en\":\"did\"}");
        assertThat(result.get("actor")).isEqualTo(STATEMENT.get("actor"));
    }

    @Test
    void acceptLanguageIsOrderedByQuality() {
        assertThat(StatementFormat.acceptedLanguages("en;q=0.5, th, id;q=0.8, fr;q=0")).containsExactly("th", "id", "en");
    }

    @Test
    void aLanguageRangeMatchesItsSubtags() {
        assertThat(StatementFormat.oneLanguage(Json.parse("{\"en-US\":\"a\",\"th-TH\":\"b\"}", "m"), List.of("th")).toString())
                .isEqualTo("{\"th-TH\":\"b\"}");
    }

    @Test
    void unknownFormatsAreRefused() {
        assertThat(StatementFormat.parse("compact")).isEmpty();
        assertThat(StatementFormat.parse("canonical")).contains(StatementFormat.CANONICAL);
    }
}
