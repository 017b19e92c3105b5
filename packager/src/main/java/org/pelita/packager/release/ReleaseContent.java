package org.pelita.packager.release;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pelita.packager.archive.Sha256;
import org.pelita.packager.content.QuestionRevisions;
import org.pelita.packager.model.Lesson;
import org.pelita.packager.model.LessonStep;
import org.pelita.packager.model.Module;
import org.pelita.packager.model.Page;
import org.pelita.packager.model.Question;
import org.pelita.packager.model.Quiz;

/**
 * What a release teaches and scores, for {@code diff}: a fingerprint of each page in each language, each question's
 * revision, the questions of each quiz, and the mastery score.
 *
 * <p>A question's revision is {@link QuestionRevisions}': it ends the question's activity IRI, so answers to different
 * revisions are never pooled.
 *
 * @param masteryScore null without one
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ReleaseContent(Integer masteryScore, Map<String, Map<String, String>> pages, Map<String, QuestionRevision> questions,
                             Map<String, List<String>> quizzes) {
    /** A question's interaction type and revision (12 hex digits of a SHA-256). */
    public record QuestionRevision(String type, String revision) {
    }

    public static ReleaseContent of(Module module) {
        Map<String, Map<String, String>> pages = new TreeMap<>();
        Map<String, QuestionRevision> questions = new TreeMap<>();
        Map<String, List<String>> quizzes = new TreeMap<>();
        String source = module.languages().get(0);
        List<Quiz> all = new ArrayList<>();
        module.preTest().ifPresent(all::add);
        for (Lesson lesson : module.lessons()) {
            for (LessonStep step : lesson.steps()) {
                if (step instanceof LessonStep.PageStep page) {
                    Map<String, String> languages = new TreeMap<>();
                    for (String language : module.languages()) {
                        Page.PageContent content = page.page().in(language);
                        languages.put(language, Sha256.of(content.title() + "\n" + content.html()));
                    }
                    pages.put(lesson.id() + "/" + page.page().id(), languages);
                } else if (step instanceof LessonStep.CheckStep check) {
                    all.add(check.quiz());
                }
            }
        }
        module.postTest().ifPresent(all::add);
        for (Quiz quiz : all) {
            quizzes.put(quiz.id(), quiz.questions().stream().map(Question::id).toList());
            for (Question question : quiz.questions()) {
                questions.put(question.id(), new QuestionRevision(question.interactionType(), QuestionRevisions.of(question, source)));
            }
        }
        return new ReleaseContent(module.masteryScore().isPresent() ? module.masteryScore().getAsInt() : null, pages, questions, quizzes);
    }
}
