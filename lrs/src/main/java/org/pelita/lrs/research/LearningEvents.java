package org.pelita.lrs.research;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.pelita.lrs.store.Keys;
import org.pelita.lrs.store.LearningEvent;
import org.pelita.lrs.xapi.Agents;

/**
 * Reads the research facts of a statement as Pelita's packages send them (docs/xapi-profile.md): which module, lesson,
 * quiz or question it is about, in which version and language, and its result. Statements of other content, and those
 * Pelita's reports do not read, give nothing.
 */
public final class LearningEvents {
    public static final String MODULE_VERSION = "urn:pelita:xapi:extension:module-version";
    public static final String QUIZ_KIND = "urn:pelita:xapi:extension:quiz-kind";
    public static final String ORGANISATION = "urn:pelita:xapi:extension:organisation";
    public static final String COUNTRY = "urn:pelita:xapi:extension:country";
    private static final String ADL_VERBS = "http://adlnet.gov/expapi/verbs/";
    private static final Set<String> VERBS = Set.of("launched", "initialized", "experienced", "answered", "completed", "passed",
            "failed", "terminated");
    /** Responses are kept for the distractor counts: Pelita's longest (a fill-in) is 80 characters. */
    private static final int MAX_RESPONSE = 256;

    private LearningEvents() {
    }

    /** The event of a stored statement (with its id, stored time and timestamp), if Pelita's reports read it. */
    public static Optional<LearningEvent> of(JsonNode statement) {
        String verbId = statement.path("verb").path("id").asText("");
        if (!verbId.startsWith(ADL_VERBS) || !VERBS.contains(verbId.substring(ADL_VERBS.length()))) {
            return Optional.empty();
        }
        String verb = verbId.substring(ADL_VERBS.length());
        JsonNode context = statement.path("context");
        JsonNode extensions = context.path("extensions");
        // launched is the LMS's (cmi5): it carries no module version, but says that the learner reached the module.
        if (!extensions.hasNonNull(MODULE_VERSION) && !"launched".equals(verb)) {
            return Optional.empty();
        }
        JsonNode actor = statement.path("actor");
        Optional<String> learner = Agents.isGroup(actor) ? Optional.empty() : Agents.identifier(actor);
        JsonNode object = statement.path("object");
        if (learner.isEmpty() || !"Activity".equals(object.path("objectType").asText("Activity")) || !object.hasNonNull("id")) {
            return Optional.empty();
        }
        String objectId = object.get("id").asText();
        Optional<Located> located = locate(objectId, context);
        if (located.isEmpty()) {
            return Optional.empty();
        }
        JsonNode result = statement.path("result");
        JsonNode score = result.path("score");
        String response = result.hasNonNull("response") ? result.get("response").asText() : null;
        if (response != null && response.length() > MAX_RESPONSE) {
            response = response.substring(0, MAX_RESPONSE);
        }
        UUID registration = null;
        if (context.hasNonNull("registration")) {
            registration = UUID.fromString(context.get("registration").asText());
        }
        return Optional.of(new LearningEvent(
                OffsetDateTime.parse(statement.path("timestamp").asText()),
                Keys.of(learner.get()),
                verb,
                located.get().module(),
                text(extensions, MODULE_VERSION, 64),
                context.hasNonNull("language") ? truncate(context.get("language").asText(), 35) : null,
                registration,
                text(extensions, ORGANISATION, 255),
                text(extensions, COUNTRY, 64),
                located.get().kind(),
                objectId,
                located.get().parent(),
                text(extensions, QUIZ_KIND, 12),
                result.path("success").isBoolean() ? result.get("success").asBoolean() : null,
                score.path("scaled").isNumber() ? score.get("scaled").asDouble() : null,
                response,
                result.hasNonNull("duration") ? millis(result.get("duration").asText()) : null));
    }

    /** Where an activity sits in a module, from Pelita's IRI scheme (docs/xapi-profile.md, "Activity IRIs"). */
    record Located(String module, String kind, String parent) {
    }

    static Optional<Located> locate(String id, JsonNode context) {
        for (String kind : new String[] {"lessons", "pages", "quizzes", "questions", "units"}) {
            int at = id.lastIndexOf("/" + kind + "/");
            if (at > 0) {
                String module = id.substring(0, at);
                String rest = id.substring(at + kind.length() + 2);
                return Optional.of(switch (kind) {
                    case "lessons" -> new Located(module, "lesson", null);
                    case "pages" -> new Located(module, "page", parent(module + "/lessons/", rest));
                    case "quizzes" -> new Located(module, "quiz", null);
                    case "questions" -> new Located(module, "question", parent(module + "/quizzes/", rest));
                    default -> new Located(module, "unit", null);
                });
            }
        }
        // The module itself, or a cmi5 AU (an id the LMS made) whose publisher id is in the grouping.
        for (JsonNode grouping : context.path("contextActivities").path("grouping")) {
            String groupingId = grouping.path("id").asText("");
            int at = groupingId.lastIndexOf("/units/");
            if (at > 0) {
                return Optional.of(new Located(groupingId.substring(0, at), "unit", null));
            }
        }
        return Optional.of(new Located(id, "module", null));
    }

    /** The lesson of a page (lesson/page) or the quiz of a question (quiz/question). */
    private static String parent(String prefix, String rest) {
        int slash = rest.indexOf('/');
        return slash > 0 ? prefix + rest.substring(0, slash) : null;
    }

    private static String text(JsonNode extensions, String iri, int max) {
        JsonNode value = extensions.get(iri);
        return value == null || value.isNull() || value.isContainerNode() ? null : truncate(value.asText(), max);
    }

    private static String truncate(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }

    /** ISO 8601 durations as xAPI uses them (PT12M3.45S, P1DT2H); years, months and weeks are not a time on task. */
    static Long millis(String duration) {
        try {
            return Duration.parse(duration).toMillis();
        } catch (DateTimeParseException | ArithmeticException e) {
            return null;
        }
    }
}
