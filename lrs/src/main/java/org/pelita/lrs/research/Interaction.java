package org.pelita.lrs.research;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.pelita.lrs.store.ReportStore;
import org.pelita.lrs.xapi.Json;

/**
 * A question as its canonical cmi.interaction definition describes it (xAPI 1.0.3 Data §2.4.4.1, "Interaction
 * Activities"): its type, its components' descriptions and its correct response, to count and label the responses given.
 */
record Interaction(String type, Map<String, JsonNode> components, Set<String> correctResponses) {

    static Interaction of(String activityJson) {
        if (activityJson == null) {
            return new Interaction(null, Map.of(), Set.of());
        }
        JsonNode definition = Json.parse(activityJson, "activity definition").path("definition");
        Map<String, JsonNode> components = new HashMap<>();
        for (String list : List.of("choices", "scale", "source", "target", "steps")) {
            for (JsonNode component : definition.path(list)) {
                if (component.hasNonNull("id")) {
                    components.put(component.get("id").asText(), component.path("description"));
                }
            }
        }
        Set<String> correct = new TreeSet<>();
        definition.path("correctResponsesPattern").forEach(p -> correct.add(p.asText()));
        return new Interaction(definition.path("interactionType").asText(null), components, correct);
    }

    /**
     * How often each response was given, most frequent first. A choice question's response counts once for each choice it
     * names (distractor frequencies); other types count whole responses. A response is correct when it matches the correct
     * pattern (a choice: when the pattern names it); without a pattern, when the answers that gave it were judged right.
     */
    List<ResponseCountBuilder> tally(Collection<ReportStore.Answer> answers) {
        Map<String, ResponseCountBuilder> counts = new LinkedHashMap<>();
        boolean choice = "choice".equals(type);
        Set<String> correctChoices = new TreeSet<>();
        if (choice) {
            correctResponses.forEach(p -> correctChoices.addAll(List.of(p.split("\\[,\\]", -1))));
        }
        for (ReportStore.Answer answer : answers) {
            String response = answer.response() == null ? "" : answer.response();
            List<String> parts = choice && !response.isEmpty() ? List.of(response.split("\\[,\\]", -1)) : List.of(response);
            for (String part : parts) {
                ResponseCountBuilder count = counts.computeIfAbsent(part, p -> new ResponseCountBuilder(p));
                count.count++;
                count.judgedRight &= Boolean.TRUE.equals(answer.success());
            }
        }
        for (ResponseCountBuilder count : counts.values()) {
            if (choice && !correctChoices.isEmpty()) {
                count.correct = correctChoices.contains(count.response);
            } else if (!correctResponses.isEmpty() && !"fill-in".equals(type) && !"long-fill-in".equals(type)) {
                count.correct = correctResponses.contains(count.response);
            } else {
                count.correct = count.judgedRight; // fill-in: case rules and several accepted answers; the content judged it
            }
        }
        List<ResponseCountBuilder> sorted = new ArrayList<>(counts.values());
        sorted.sort((a, b) -> a.count != b.count ? Integer.compare(b.count, a.count) : a.response.compareTo(b.response));
        return sorted;
    }

    List<Reports.ResponseCount> count(Collection<ReportStore.Answer> answers) {
        return tally(answers).stream().map(c -> new Reports.ResponseCount(c.response, label(c.response), c.count, c.correct)).toList();
    }

    /** The description of a choice (or a whole response's, for single-component responses), or null. */
    JsonNode label(String response) {
        JsonNode description = components.get(response);
        return description == null || !description.isObject() ? null : description;
    }

    static final class ResponseCountBuilder {
        final String response;
        int count;
        boolean judgedRight = true;
        boolean correct;

        ResponseCountBuilder(String response) {
            this.response = response;
        }
    }
}
