package org.pelita.lrs.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the LRS sets on a statement it stores (xAPI 1.0.3 Data §2.4.1, §2.4.6.2, §2.4.7–2.4.10). */
class StatementNormalizerTest {
    private static final JsonNode AUTHORITY = Json.parse("{\"objectType\":\"Agent\",\"account\":{\"homePage\":\"urn:lrs\",\"name\":\"k\"}}", "a");
    private static final UUID ID = UUID.fromString("9f0c4b2e-6a1d-4c3b-8e2f-1a2b3c4d5e6f");

    private static JsonNode normalize(String json, XapiVersion version) {
        return StatementNormalizer.normalize(Json.parse(json, "s"), ID, "2026-11-27T10:00:00.000Z", AUTHORITY, version);
    }

    @Test
    void idStoredTimestampAuthorityAndVersionAreSet() {
        JsonNode s = normalize("{\"actor\":{\"mbox\":\"mailto:a@e.org\"},\"verb\":{\"id\":\"http://e.org/v\"},\"object\":{\"id\":\"http://e.org/a\"},"
                + "\"authority\":{\"mbox\":\"mailto:forged@e.org\"}}", XapiVersion.V1_0_3);
        assertThat(s.get("id").asText()).isEqualTo(ID.toString());
        assertThat(s.get("stored").asText()).isEqualTo("2026-11-27T10:00:00.000Z");
        assertThat(s.get("timestamp").asText()).isEqualTo("2026-11-27T10:00:00.000Z");
        assertThat(s.get("authority")).isEqualTo(AUTHORITY);
        assertThat(s.get("version").asText()).isEqualTo("1.0.0");
        assertThat(normalize("{}", XapiVersion.V2_0_0).get("version").asText()).isEqualTo("2.0.0");
    }

    @Test
    void aGivenVersionIsKeptAndTheTimestampBecomesTheSameInstantInUtc() {
        JsonNode s = normalize("{\"timestamp\":\"2025-01-01T12:00:00+07:00\",\"version\":\"1.0.3\"}", XapiVersion.V1_0_3);
        assertThat(s.get("timestamp").asText()).isEqualTo("2025-01-01T05:00:00.000Z");
        assertThat(s.get("version").asText()).isEqualTo("1.0.3");
    }

    @Test
    void timestampsKeepTheirPrecisionAndSubStatementTimestampsAreInUtcToo() {
        JsonNode s = normalize("{\"timestamp\":\"20250101T120000.123456-0130\",\"object\":{\"objectType\":\"SubStatement\","
                + "\"timestamp\":\"2025-01-01T12:00:00.5+01:00\"}}", XapiVersion.V2_0_0);
        assertThat(s.get("timestamp").asText()).isEqualTo("2025-01-01T13:30:00.123456Z");
        assertThat(s.at("/object/timestamp").asText()).isEqualTo("2025-01-01T11:00:00.500Z");
    }

    @Test
    void aSingleContextActivityBecomesAnArrayOfOne() {
        JsonNode s = normalize("{\"context\":{\"contextActivities\":{\"parent\":{\"id\":\"http://e.org/p\"},\"grouping\":[{\"id\":\"http://e.org/g\"}]}},"
                + "\"object\":{\"objectType\":\"SubStatement\",\"context\":{\"contextActivities\":{\"other\":{\"id\":\"http://e.org/o\"}}}}}", XapiVersion.V2_0_0);
        assertThat(s.at("/context/contextActivities/parent").isArray()).isTrue();
        assertThat(s.at("/context/contextActivities/parent/0/id").asText()).isEqualTo("http://e.org/p");
        assertThat(s.at("/context/contextActivities/grouping/0/id").asText()).isEqualTo("http://e.org/g");
        assertThat(s.at("/object/context/contextActivities/other").isArray()).isTrue();
    }
}
