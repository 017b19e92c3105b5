package org.pelita.packager.content.view;

import java.util.List;

/** One step as the template lays it out; {@code htmlId} is unique across languages ("th:page:passwords/why"). */
public sealed interface StepView {
    String key();

    String htmlId();

    String title();

    /** The module's title page. */
    record IntroView(String key, String htmlId, String title, String description, List<String> lessons,
                     List<UnitView.LanguageOption> languageChoice) implements StepView {
        public IntroView {
            lessons = List.copyOf(lessons);
            languageChoice = List.copyOf(languageChoice);
        }
    }

    /** A Markdown page; {@code bodyHtml} was rendered and checked by the definition loader. */
    record ContentView(String key, String htmlId, String context, String title, String bodyHtml) implements StepView {
    }

    record QuizView(String key, String htmlId, String quizId, String kind, String context, String title, String intro,
                    boolean test, List<QuestionView> questions) implements StepView {
        public QuizView {
            questions = List.copyOf(questions);
        }
    }

    record SummaryView(String key, String htmlId, String title) implements StepView {
    }
}
