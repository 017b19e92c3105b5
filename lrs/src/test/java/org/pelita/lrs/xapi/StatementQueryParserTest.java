package org.pelita.lrs.xapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The query parameters of GET statements (xAPI 1.0.3 Communication §2.1.3). */
class StatementQueryParserTest {
    private final StatementQueryParser parser = new StatementQueryParser(100, 500, (agent, path, version) -> { });

    private StatementQuery parse(String... pairs) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            parameters.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        return parser.parse(parameters, XapiVersion.V2_0_0);
    }

    @Test
    void everyFilterIsRead() {
        StatementQuery q = parse("agent", "{\"mbox\":\"mailto:a@e.org\"}", "verb", "http://e.org/v", "activity", "http://e.org/a",
                "registration", "0e4d6c5b-0000-4000-8000-000000000001", "related_activities", "true", "related_agents", "false",
                "since", "2026-01-01T00:00:00Z", "until", "2026-02-01T00:00:00+07:00", "limit", "10", "format", "ids",
                "attachments", "true", "ascending", "true");
        assertThat(q.agent()).isPresent();
        assertThat(q.verb()).contains("http://e.org/v");
        assertThat(q.registration()).contains(UUID.fromString("0e4d6c5b-0000-4000-8000-000000000001"));
        assertThat(q.relatedActivities()).isTrue();
        assertThat(q.until().get().toString()).isEqualTo("2026-01-31T17:00Z");
        assertThat(q.limit()).isEqualTo(10);
        assertThat(q.format()).isEqualTo(StatementFormat.IDS);
        assertThat(q.attachments()).isTrue();
        assertThat(q.ascending()).isTrue();
    }

    @Test
    void limitDefaultsAndZeroMeansTheMaximum() {
        assertThat(parse().limit()).isEqualTo(100);
        assertThat(parse("limit", "0").limit()).isEqualTo(500);
        assertThat(parse("limit", "9999").limit()).isEqualTo(500);
    }

    @Test
    void unknownAndRepeatedParametersAreRefusedByName() {
        assertThatThrownBy(() -> parse("actor", "x")).isInstanceOf(InvalidRequestException.class).hasMessageContaining("unknown parameter 'actor'");
        assertThatThrownBy(() -> parse("verb", "http://e.org/a", "verb", "http://e.org/b")).hasMessageContaining("more than once");
    }

    @Test
    void statementIdExcludesFiltersButNotFormatOrAttachments() {
        assertThat(parse("statementId", "0e4d6c5b-0000-4000-8000-000000000001", "format", "exact", "attachments", "false").single()).isTrue();
        assertThatThrownBy(() -> parse("statementId", "0e4d6c5b-0000-4000-8000-000000000001", "verb", "http://e.org/v"))
                .hasMessageContaining("cannot be used with statementId");
        assertThatThrownBy(() -> parse("statementId", "0e4d6c5b-0000-4000-8000-000000000001",
                "voidedStatementId", "0e4d6c5b-0000-4000-8000-000000000002")).hasMessageContaining("not both");
    }

    @Test
    void malformedValuesNameTheirParameter() {
        assertThatThrownBy(() -> parse("since", "yesterday")).hasMessageContaining("since");
        assertThatThrownBy(() -> parse("limit", "-1")).hasMessageContaining("limit");
        assertThatThrownBy(() -> parse("registration", "abc")).hasMessageContaining("registration");
        assertThatThrownBy(() -> parse("verb", "not an iri")).hasMessageContaining("verb");
        assertThatThrownBy(() -> parse("format", "compact")).hasMessageContaining("format");
        assertThatThrownBy(() -> parse("ascending", "yes")).hasMessageContaining("ascending");
        assertThatThrownBy(() -> parse("agent", "{\"name\":\"no identifier\"}")).hasMessageContaining("agent");
        assertThatThrownBy(() -> parse("agent", "{not json")).hasMessageContaining("not valid JSON");
    }
}
