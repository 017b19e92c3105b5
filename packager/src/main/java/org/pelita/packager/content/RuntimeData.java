package org.pelita.packager.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pelita.packager.definition.UiTexts;
import org.pelita.packager.model.Lesson;
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
        return json(module, unit, languages, Optional.empty());
    }

    /** With an xAPI activity IRI, the data also carries the unit's activities (absent for SCORM 1.2 packages). */
    static String json(Module module, Unit unit, List<String> languages, Optional<String> xapiActivity) {
        return json(module, unit, languages, xapiActivity, Optional.empty());
    }

    /** With an LRS named at build time, the data also carries its endpoint, key and pseudonym key ("lrs"). */
    static String json(Module module, Unit unit, List<String> languages, Optional<String> xapiActivity,
                       Optional<LrsConnection> lrs) {
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
            ui.put(language, UiTexts.forModulePages(module.ui().get(language)));
        }
        data.put("ui", ui);
        xapiActivity.ifPresent(iri -> data.put("xapi", xapi(module, unit, languages, iri)));
        lrs.ifPresent(connection -> data.put("lrs", connection.runtimeData()));
        try {
            // Inside <script type="application/json"> only "</script" could end the element early: escape '<'.
            return JSON.writeValueAsString(data).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Names and paths of the unit's activities and its questions' definitions (docs/xapi-profile.md). */
    private static Map<String, Object> xapi(Module module, Unit unit, List<String> languages, String moduleIri) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("activity", moduleIri);
        x.put("name", XapiActivities.languageMap(module.title(), languages));
        x.put("unitName", XapiActivities.languageMap(unit.title(), languages));
        Map<String, Object> lessons = new LinkedHashMap<>();
        Map<String, Object> pages = new LinkedHashMap<>();
        Map<String, Object> quizzes = new LinkedHashMap<>();
        Map<String, Object> questions = new LinkedHashMap<>();
        for (Step step : unit.steps()) {
            Lesson lesson = null;
            if (step instanceof Step.PageStep page) {
                lesson = page.lesson();
                pages.put(step.key(), activity(XapiActivities.pagePath(lesson.id(), page.page().id()),
                        titles(page, languages), lesson.id()));
            } else if (step instanceof Step.QuizStep quizStep) {
                Quiz quiz = quizStep.quiz();
                lesson = quizStep.lesson();
                quizzes.put(quiz.id(), activity(XapiActivities.quizPath(quiz), XapiActivities.languageMap(quiz.title(), languages),
                        lesson == null ? null : lesson.id()));
                for (Question question : quiz.questions()) {
                    Map<String, Object> q = new LinkedHashMap<>();
                    q.put("path", XapiActivities.questionPath(quiz, question, module.languages().get(0)));
                    q.put("quiz", quiz.id());
                    q.put("definition", XapiActivities.questionDefinition(question, languages));
                    questions.put(Interactions.id(quiz, question), q);
                }
            }
            if (lesson != null) {
                lessons.put(lesson.id(), activity(XapiActivities.lessonPath(lesson.id()),
                        XapiActivities.languageMap(lesson.title(), languages), null));
            }
        }
        x.put("lessons", lessons);
        x.put("pages", pages);
        x.put("quizzes", quizzes);
        x.put("questions", questions);
        return x;
    }

    private static Map<String, String> titles(Step.PageStep page, List<String> languages) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String language : languages) {
            map.put(language, page.page().in(language).title());
        }
        return map;
    }

    private static Map<String, Object> activity(String path, Map<String, String> name, String lesson) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("path", path);
        a.put("name", name);
        if (lesson != null) {
            a.put("lesson", lesson);
        }
        return a;
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
