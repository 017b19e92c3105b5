package org.pelita.packager.model;

/** What a lesson is made of, in order: pages and check quizzes. */
public sealed interface LessonStep {
    record PageStep(Page page) implements LessonStep {
    }

    record CheckStep(Quiz quiz) implements LessonStep {
    }
}
