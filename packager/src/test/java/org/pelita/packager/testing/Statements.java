package org.pelita.packager.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Reading statements fetched from the LRS in browser tests. */
public final class Statements {
    public static final String VERBS = "http://adlnet.gov/expapi/verbs/";

    private Statements() {
    }

    /** How many statements of each ADL verb (by its last segment), in name order. */
    public static Map<String, Long> verbCounts(List<JsonNode> statements) {
        return statements.stream().collect(Collectors.groupingBy(s -> s.at("/verb/id").asText().substring(VERBS.length()),
                TreeMap::new, Collectors.counting()));
    }

    /** The one statement with this ADL verb about this object; fails if there is none or more than one. */
    public static JsonNode one(List<JsonNode> statements, String verb, String object) {
        List<JsonNode> found = statements.stream()
                .filter(s -> s.at("/verb/id").asText().equals(VERBS + verb) && s.at("/object/id").asText().equals(object)).toList();
        assertThat(found).as(verb + " " + object).hasSize(1);
        return found.get(0);
    }
}
