package org.pelita.packager.content;

import java.util.List;
import java.util.Optional;
import org.pelita.packager.model.LocalizedText;
import org.pelita.packager.model.Quiz;
import org.pelita.packager.model.QuizKind;

/**
 * What one launch shows: a sequence of steps in one HTML file. A SCORM package has one unit per SCO:
 * the whole module, or (per-lesson layout) the pre-test, each lesson and the post-test.
 *
 * @param id   stable identifier (used in manifest identifiers)
 * @param file the HTML file at the package root that launches it
 */
public record Unit(String id, String file, LocalizedText title, List<Step> steps) {
    public Unit {
        steps = List.copyOf(steps);
    }

    /** The post-test in this unit, if any: only such a unit reports a score and a mastery score. */
    public Optional<Quiz> postTest() {
        return quizzes().stream().filter(q -> q.kind() == QuizKind.POST_TEST).findFirst();
    }

    public List<Quiz> quizzes() {
        return steps.stream().filter(s -> s instanceof Step.QuizStep).map(s -> ((Step.QuizStep) s).quiz()).toList();
    }
}
