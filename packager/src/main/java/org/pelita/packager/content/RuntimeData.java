package org.pelita.packager.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pelita.packager.model.Module;
import org.pelita.packager.model.Question;
import org.pelita.packager.model.Quiz;

/**
 * The facts the runtime needs that are not visible on the page: step order, quiz answers in SCORM format,
 * the mastery score and the interface texts it fills in. Written as JSON into each unit's HTML.
 */
final class RuntimeData {
    /** Map keys sorted: the same module gives the same bytes whatever the hash order of this JVM. */
    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private RuntimeData() {
    }

    static String json(Module module, Unit unit, List<String> languages) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("module", module.id());
        data.put("version", module.version());
        data.put("unit", unit.id());
        data.put("mastery", unit.postTest().isPresent() && module.masteryScore().isPresent() ? module.masteryScore().getAsInt() : null);
        data.put("quickExit", module.quickExitUrl().toString());
        data.put("languages", languages);
        List<Map<String, Object>> steps = new ArrayList<>();
        for (Step step : unit.steps()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("key", step.key());
            s.put("kind", kind(step));
            steps.add(s);
        }
        data.put("steps", steps);
        Map<String, Object> quizzes = new LinkedHashMap<>();
        for (Quiz quiz : unit.quizzes()) {
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("kind", quiz.kind().keyword());
            List<Map<String, Object>> questions = new ArrayList<>();
            for (Question question : quiz.questions()) {
                questions.add(question(quiz, question, languages));
            }
            q.put("questions", questions);
            quizzes.put(quiz.id(), q);
        }
        data.put("quizzes", quizzes);
        Map<String, Object> ui = new LinkedHashMap<>();
        for (String language : languages) {
            ui.put(language, module.ui().get(language));
        }
        data.put("ui", ui);
        try {
            // Inside <script type="application/json"> only "</script" could end the element early: escape '<'.
            return JSON.writeValueAsString(data).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String kind(Step step) {
        if (step instanceof Step.QuizStep quiz) {
            return quiz.quiz().kind().keyword();
        }
        return step instanceof Step.PageStep ? "page" : step instanceof Step.Intro ? "intro" : "summary";
    }

    private static Map<String, Object> question(Quiz quiz, Question question, List<String> languages) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("id", Interactions.id(quiz, question));
        q.put("type", question.interactionType());
        q.put("correct", Interactions.correctPatterns(question, languages));
        if (question instanceof Question.MultipleChoice) {
            q.put("multiple", true);
        }
        if (question instanceof Question.FillIn fillIn) {
            q.put("caseSensitive", fillIn.caseSensitive());
        }
        return q;
    }
}
