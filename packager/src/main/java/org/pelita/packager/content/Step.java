package org.pelita.packager.content;

import org.pelita.packager.model.Lesson;
import org.pelita.packager.model.Page;
import org.pelita.packager.model.Quiz;

/**
 * One screen of a unit. {@link #key()} names it independently of language: it is what the runtime stores in
 * {@code cmi.core.lesson_location} and what links between pages point to.
 */
public sealed interface Step {
    String key();

    /** The module's title page: description, lessons, and the language choice in multilingual packages. */
    record Intro() implements Step {
        public String key() {
            return "intro";
        }
    }

    record PageStep(Lesson lesson, Page page) implements Step {
        public String key() {
            return "page:" + lesson.id() + "/" + page.id();
        }
    }

    /** A pre-test, a check inside a lesson ({@code lesson} set) or the post-test. */
    record QuizStep(Quiz quiz, Lesson lesson) implements Step {
        public String key() {
            return "quiz:" + quiz.id();
        }
    }

    /** The closing screen: result and whether everything is done. */
    record Summary() implements Step {
        public String key() {
            return "summary";
        }
    }
}
