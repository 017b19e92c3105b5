package org.pelita.lrs.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Statements as a Pelita package sends them (docs/xapi-profile.md) for one learner's visit of a small module: initialized,
 * pages experienced, a pre-test (each question answered, then the quiz completed), a post-test (answered, then passed
 * or failed), the module completed and passed (or failed), terminated with the visit's duration.
 */
final class PelitaStatements {
    static final String MODULE = "https://pelita.example.org/modules/feature-tour";
    static final String PRE_TEST = MODULE + "/quizzes/pre";
    static final String POST_TEST = MODULE + "/quizzes/post";
    static final String VERSION = "1.0.0";
    private static final String VERBS = "http://adlnet.gov/expapi/verbs/";
    private static final String EXTENSION = "urn:pelita:xapi:extension:";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The three questions of each test: id, type, correct response, choices (id → English and Indonesian text). */
    private record Question(String id, String type, String correct, Map<String, List<String>> choices, String textEn, String textId) {
    }

    private static final List<Question> QUESTIONS = List.of(
            new Question("passphrase", "choice", "b", choices("a", "Your birthday", "Tanggal lahir", "b", "A long passphrase", "Frasa sandi panjang",
                    "c", "password123", "password123"), "Which password is strongest?", "Kata sandi mana yang paling kuat?"),
            new Question("two-factor", "true-false", "true", Map.of(), "Two-factor authentication helps against stolen passwords.",
                    "Autentikasi dua faktor membantu melawan kata sandi yang dicuri."),
            new Question("phishing", "choice", "a", choices("a", "Check the sender's address", "Periksa alamat pengirim",
                    "b", "Click the link to see", "Klik tautannya", "c", "Reply and ask", "Balas dan tanya"),
                    "What do you do with an unexpected link?", "Apa yang Anda lakukan dengan tautan tak terduga?"));

    private final String name;
    private final String language;
    private final String registration = UUID.randomUUID().toString();
    private final Map<String, Object> extensions = new LinkedHashMap<>();
    private final List<Object> statements = new ArrayList<>();
    private Instant clock;

    /** A learner (an account name: Pelita sends pseudonyms) reading in one language, from an organisation in a country. */
    PelitaStatements(String name, String language, String organisation, String country, Instant start) {
        this.name = name;
        this.language = language;
        this.clock = start;
        extensions.put(EXTENSION + "module-version", VERSION);
        extensions.put(EXTENSION + "organisation", organisation);
        extensions.put(EXTENSION + "country", country);
    }

    private static Map<String, List<String>> choices(String... idEnId) {
        Map<String, List<String>> choices = new LinkedHashMap<>();
        for (int i = 0; i < idEnId.length; i += 3) {
            choices.put(idEnId[i], List.of(idEnId[i + 1], idEnId[i + 2]));
        }
        return choices;
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static Map<String, Object> names(String en, String id) {
        return map("en", en, "id", id);
    }

    private Map<String, Object> statement(String verb, Map<String, Object> object, Map<String, Object> result, List<String> parents,
                                          String quizKind, long seconds) {
        clock = clock.plusSeconds(seconds);
        Map<String, Object> contextActivities = new LinkedHashMap<>();
        if (!parents.isEmpty()) {
            contextActivities.put("parent", List.of(map("id", parents.get(0))));
            contextActivities.put("grouping", List.of(map("id", MODULE)));
        }
        Map<String, Object> context = map("registration", registration, "language", language, "platform", "Pelita");
        if (!contextActivities.isEmpty()) {
            context.put("contextActivities", contextActivities);
        }
        Map<String, Object> ext = new LinkedHashMap<>(extensions);
        if (quizKind != null) {
            ext.put(EXTENSION + "quiz-kind", quizKind);
        }
        context.put("extensions", ext);
        Map<String, Object> statement = map("id", UUID.randomUUID().toString(),
                "actor", map("objectType", "Agent", "account", map("homePage", "https://lms.example.org", "name", name)),
                "verb", map("id", VERBS + verb, "display", map("en-US", verb)),
                "object", object);
        if (result != null) {
            statement.put("result", result);
        }
        statement.put("context", context);
        statement.put("timestamp", clock.toString());
        return statement;
    }

    private static Map<String, Object> activity(String id, String type, Map<String, Object> name) {
        return map("objectType", "Activity", "id", id, "definition", map("type", "http://adlnet.gov/expapi/activities/" + type, "name", name));
    }

    private static Map<String, Object> moduleActivity() {
        return activity(MODULE, "course", names("Feature tour", "Tur fitur"));
    }

    private static Map<String, Object> score(int raw, int max) {
        return map("raw", raw, "min", 0, "max", max, "scaled", Math.round(raw * 10000.0 / max) / 10000.0);
    }

    PelitaStatements initialized() {
        statements.add(statement("initialized", moduleActivity(), null, List.of(), null, 1));
        return this;
    }

    PelitaStatements page(String lesson, String page, String title) {
        String lessonId = MODULE + "/lessons/" + lesson;
        statements.add(statement("experienced", activity(MODULE + "/pages/" + lesson + "/" + page, "module", names(title, title)), null,
                List.of(lessonId), null, 40));
        return this;
    }

    /** Answers every question of a test (true: right), then the quiz's own statement: completed (pre-test), passed or failed. */
    PelitaStatements test(String kind, boolean... right) {
        String quiz = "pre-test".equals(kind) ? PRE_TEST : POST_TEST;
        String quizName = "pre-test".equals(kind) ? "Before you start" : "Final check";
        int correct = 0;
        for (int i = 0; i < QUESTIONS.size(); i++) {
            Question q = QUESTIONS.get(i);
            String response = right[i] ? q.correct() : wrong(q);
            correct += right[i] ? 1 : 0;
            Map<String, Object> definition = map("type", "http://adlnet.gov/expapi/activities/cmi.interaction", "name", names(q.textEn(), q.textId()),
                    "description", names(q.textEn(), q.textId()), "interactionType", q.type(), "correctResponsesPattern", List.of(q.correct()));
            if (!q.choices().isEmpty()) {
                List<Object> choices = new ArrayList<>();
                q.choices().forEach((id, texts) -> choices.add(map("id", id, "description", names(texts.get(0), texts.get(1)))));
                definition.put("choices", choices);
            }
            Map<String, Object> object = map("objectType", "Activity", "id", MODULE + "/questions/" + quiz.substring(quiz.lastIndexOf('/') + 1)
                    + "/" + q.id(), "definition", definition);
            statements.add(statement("answered", object, map("response", response, "success", right[i], "score", score(right[i] ? 1 : 0, 1),
                    "duration", "PT20S"), List.of(quiz), kind, 20));
        }
        Map<String, Object> quizActivity = activity(quiz, "assessment", names(quizName, quizName));
        if ("pre-test".equals(kind)) {
            statements.add(statement("completed", quizActivity, map("score", score(correct, QUESTIONS.size()), "completion", true),
                    List.of(MODULE), kind, 2));
        } else {
            boolean passed = correct * 3 >= QUESTIONS.size() * 2;
            statements.add(statement(passed ? "passed" : "failed", quizActivity, map("score", score(correct, QUESTIONS.size()),
                    "success", passed, "completion", true), List.of(MODULE), kind, 2));
            statements.add(statement(passed ? "passed" : "failed", moduleActivity(), map("success", passed, "score",
                    score(Math.round(correct * 100f / QUESTIONS.size()), 100)), List.of(), null, 1));
            if (passed) {
                statements.add(statement("completed", moduleActivity(), map("completion", true), List.of(), null, 1));
            }
        }
        return this;
    }

    private static String wrong(Question q) {
        if ("true-false".equals(q.type())) {
            return "true".equals(q.correct()) ? "false" : "true";
        }
        return q.choices().keySet().stream().filter(id -> !id.equals(q.correct())).findFirst().orElseThrow();
    }

    PelitaStatements terminated(String duration) {
        statements.add(statement("terminated", moduleActivity(), map("duration", duration), List.of(), null, 5));
        return this;
    }

    /** The statements so far, as the JSON array a package POSTs. */
    String json() {
        try {
            return JSON.writeValueAsString(statements);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    int count() {
        return statements.size();
    }
}
