package org.pelita.packager.content;

import java.util.List;
import org.pelita.packager.model.Module;
import org.pelita.packager.model.Question;
import org.pelita.packager.model.Quiz;
import org.pelita.packager.model.QuizKind;

/**
 * The longest saved state (bookmark, answers, results) the runtime can write for a unit, computed from the
 * format in pelita.js: {@code {"v":1,"m":version,"l":lang,"p":visited,"a":{id:response},"c":{id:1},"t":{quiz:{"s":score,"n":tries}}}}.
 * SCORM 1.2 stores at most 4,096 characters in cmi.suspend_data, and Moodle's strict mode enforces it.
 */
public final class SavedStateBudget {
    private SavedStateBudget() {
    }

    public static int worstCase(Module module, Unit unit, List<String> languages) {
        int longestLanguage = languages.stream().mapToInt(String::length).max().orElse(0);
        int length = ("{\"v\":1,\"m\":\"" + module.version() + "\",\"l\":\"").length() + longestLanguage
                + "\",\"p\":\"".length() + unit.steps().size() + "\",\"a\":{},\"c\":{},\"t\":{}}".length();
        for (Quiz quiz : unit.quizzes()) {
            for (Question question : quiz.questions()) {
                String id = Interactions.id(quiz, question);
                length += ("\"" + id + "\":\"\",").length() + longestResponse(question);
                if (quiz.kind() == QuizKind.CHECK) {
                    length += ("\"" + id + "\":1,").length();
                }
            }
            if (quiz.isTest()) {
                length += ("\"" + quiz.id() + "\":{\"s\":66.67,\"n\":99},").length();
            }
        }
        return length;
    }

    private static int longestResponse(Question question) {
        if (question instanceof Question.SingleChoice || question instanceof Question.TrueFalse) {
            return 1;
        }
        if (question instanceof Question.MultipleChoice q) {
            return 2 * q.choices().size() - 1;
        }
        if (question instanceof Question.FillIn) {
            return 2 * UnitViews.FILL_IN_MAX_LENGTH; // JSON doubles '"' and '\'; control characters are stripped
        }
        if (question instanceof Question.Matching q) {
            return 4 * q.pairs().size() - 1;
        }
        return 2 * ((Question.Ordering) question).items().size() - 1;
    }
}
