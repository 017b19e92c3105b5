package org.pelita.packager.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.pelita.packager.model.Choice;
import org.pelita.packager.model.LocalizedText;
import org.pelita.packager.model.Module;
import org.pelita.packager.model.Question;
import org.pelita.packager.model.Quiz;

/**
 * The xAPI activities of a module (docs/xapi-profile.md): every IRI is the module's activity IRI plus a path made
 * of definition ids only, so it is the same on every build and in every language. Question definitions follow
 * the xAPI cmi.interaction format (xAPI 1.0.3, Data, "Interaction Activities").
 */
public final class XapiActivities {
    public static final String COURSE = "http://adlnet.gov/expapi/activities/course";
    public static final String MODULE = "http://adlnet.gov/expapi/activities/module";
    public static final String ASSESSMENT = "http://adlnet.gov/expapi/activities/assessment";
    public static final String INTERACTION = "http://adlnet.gov/expapi/activities/cmi.interaction";
    public static final String PAGE = "http://activitystrea.ms/schema/1.0/page";

    private XapiActivities() {
    }

    /** The activity base when the build names none: module IRIs are then URNs (valid IRIs), unique per module id. */
    public static final String DEFAULT_BASE = "urn:pelita:module:";

    /** The module's activity IRI: the base (e.g. "https://lrs.example.org/modules/") followed by the module id. */
    public static String moduleIri(Module module, String activityBase) {
        return activityBase + module.id();
    }

    public static String lessonPath(String lessonId) {
        return "/lessons/" + lessonId;
    }

    public static String pagePath(String lessonId, String pageId) {
        return "/pages/" + lessonId + "/" + pageId;
    }

    public static String quizPath(Quiz quiz) {
        return "/quizzes/" + quiz.id();
    }

    /**
     * Per quiz and revision: the same question in the pre- and post-test is two activities (compare them by the
     * question id, the segment before the revision), and a question whose meaning changed is a new activity.
     */
    public static String questionPath(Quiz quiz, Question question, String sourceLanguage) {
        return "/questions/" + quiz.id() + "/" + question.id() + "/" + QuestionRevisions.of(question, sourceLanguage);
    }

    /** A language map with the package's languages. */
    public static Map<String, String> languageMap(LocalizedText text, List<String> languages) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String language : languages) {
            map.put(language, text.in(language));
        }
        return map;
    }

    /**
     * The activity definition of a question: interactionType, correctResponsesPattern in xAPI syntax ("[,]" between
     * items, "[.]" inside matching pairs), and the components the responses name. Component ids are the ones the
     * runtime records (choices a, b, c…; matching sources 1, 2, 3…).
     */
    public static Map<String, Object> questionDefinition(Question question, List<String> languages) {
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("type", INTERACTION);
        definition.put("name", languageMap(question.prompt(), languages));
        definition.put("description", languageMap(question.prompt(), languages));
        definition.put("interactionType", question.interactionType());
        definition.put("correctResponsesPattern", correctPatterns(question, languages));
        if (question instanceof Question.SingleChoice q) {
            definition.put("choices", choices(q.choices(), languages));
        } else if (question instanceof Question.MultipleChoice q) {
            definition.put("choices", choices(q.choices(), languages));
        } else if (question instanceof Question.Matching q) {
            List<Map<String, Object>> sources = new ArrayList<>();
            List<LocalizedText> targets = new ArrayList<>();
            for (int i = 0; i < q.pairs().size(); i++) {
                sources.add(component(Interactions.digit(i), q.pairs().get(i).source(), languages));
                targets.add(q.pairs().get(i).target());
            }
            targets.addAll(q.distractors());
            definition.put("source", sources);
            definition.put("target", IntStream.range(0, targets.size())
                    .mapToObj(i -> component(Interactions.letter(i), targets.get(i), languages)).toList());
        } else if (question instanceof Question.Ordering q) {
            definition.put("choices", IntStream.range(0, q.items().size())
                    .mapToObj(i -> component(Interactions.letter(i), q.items().get(i), languages)).toList());
        }
        return definition;
    }

    /** SCORM 1.2 patterns rewritten in xAPI syntax; fill-in keeps one pattern per accepted answer. */
    static List<String> correctPatterns(Question question, List<String> languages) {
        List<String> scorm = Interactions.correctPatterns(question, languages);
        if (question instanceof Question.TrueFalse q) {
            return List.of(q.answer() ? "true" : "false");
        }
        if (question instanceof Question.FillIn q) {
            // xAPI 1.0.3 Data, Interaction Activities: case_matters defaults to false, which is how Pelita compares unless told.
            return q.caseSensitive() ? scorm.stream().map(p -> "{case_matters=true}" + p).toList() : scorm;
        }
        return scorm.stream().map(p -> p.replace(".", "[.]").replace(",", "[,]")).collect(Collectors.toList());
    }

    private static List<Map<String, Object>> choices(List<Choice> choices, List<String> languages) {
        return IntStream.range(0, choices.size())
                .mapToObj(i -> component(Interactions.letter(i), choices.get(i).text(), languages)).toList();
    }

    private static Map<String, Object> component(String id, LocalizedText text, List<String> languages) {
        Map<String, Object> component = new LinkedHashMap<>();
        component.put("id", id);
        component.put("description", languageMap(text, languages));
        return component;
    }
}
