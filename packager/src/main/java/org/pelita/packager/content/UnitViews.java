package org.pelita.packager.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pelita.packager.content.view.QuestionView;
import org.pelita.packager.content.view.StepView;
import org.pelita.packager.content.view.UnitView;
import org.pelita.packager.model.Choice;
import org.pelita.packager.model.Feedback;
import org.pelita.packager.model.LocalizedText;
import org.pelita.packager.model.Module;
import org.pelita.packager.model.Question;
import org.pelita.packager.model.Quiz;
import org.pelita.packager.model.QuizKind;

/** Resolves a unit into the texts and identifiers its template lays out, for one or several languages. */
final class UnitViews {
    /** Fill-in answers are short; the cap keeps saved state within SCORM 1.2's 4,096 characters. */
    static final int FILL_IN_MAX_LENGTH = 80;
    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "fa", "he", "ur", "ps", "sd", "yi", "dv");

    private final Module module;
    private final Unit unit;
    private final List<String> languages;

    UnitViews(Module module, Unit unit, List<String> languages) {
        this.module = module;
        this.unit = unit;
        this.languages = List.copyOf(languages);
    }

    UnitView build(RenderOptions options, String dataJson) {
        String first = languages.get(0);

        List<UnitView.LanguageSection> sections = new ArrayList<>();
        for (String language : languages) {
            sections.add(new UnitView.LanguageSection(language, dir(language), module.ui().get(language), toc(language),
                    steps(language)));
        }
        String title = unit.title().in(first);
        String documentTitle = unit.steps().get(0) instanceof Step.Intro || title.equals(module.title().in(first))
                ? module.title().in(first) : title + " – " + module.title().in(first);
        return new UnitView(first, dir(first), documentTitle, module.title().in(first), options.contentSecurityPolicy(),
                RuntimeFiles.DIR, options.scripts().stream().map(s -> RuntimeFiles.DIR + "/" + s).toList(),
                dataJson, module.quickExitUrl().toString(), module.ui().get(first), languages.size() > 1, languageOptions("intro"), sections,
                unit.steps().size());
    }

    static String dir(String language) {
        String primary = language.contains("-") ? language.substring(0, language.indexOf('-')) : language;
        return RIGHT_TO_LEFT.contains(primary) ? "rtl" : "ltr";
    }

    /** The language's name in itself, from the JDK's CLDR data (e.g. "ไทย" for th). */
    static String autonym(String language) {
        Locale locale = Locale.forLanguageTag(language);
        String name = locale.getDisplayName(locale);
        if (name.isEmpty() || name.equals(language)) {
            return language;
        }
        return name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }

    private List<UnitView.LanguageOption> languageOptions(String stepKey) {
        if (languages.size() < 2) {
            return List.of();
        }
        return languages.stream().map(l -> new UnitView.LanguageOption(l, autonym(l), "#" + l + ":" + stepKey)).toList();
    }

    private static String htmlId(String language, Step step) {
        return language + ":" + step.key();
    }

    private List<UnitView.TocEntry> toc(String language) {
        List<UnitView.TocEntry> entries = new ArrayList<>();
        for (Step step : unit.steps()) {
            entries.add(new UnitView.TocEntry(step.key(), "#" + htmlId(language, step), stepTitle(step, language)));
        }
        return entries;
    }

    private String stepTitle(Step step, String language) {
        if (step instanceof Step.Intro) {
            return module.title().in(language);
        }
        if (step instanceof Step.PageStep page) {
            return page.page().in(language).title();
        }
        if (step instanceof Step.QuizStep quiz) {
            return quiz.quiz().title().in(language);
        }
        return module.ui().get(language).get("summaryTitle");
    }

    private List<StepView> steps(String language) {
        List<StepView> views = new ArrayList<>();
        Map<String, String> ui = module.ui().get(language);
        for (Step step : unit.steps()) {
            String id = htmlId(language, step);
            String title = stepTitle(step, language);
            if (step instanceof Step.Intro) {
                views.add(new StepView.IntroView(step.key(), id, title, module.description().in(language),
                        module.lessons().stream().map(l -> l.title().in(language)).toList(), languageOptions("intro")));
            } else if (step instanceof Step.PageStep page) {
                views.add(new StepView.ContentView(step.key(), id, page.lesson().title().in(language), title,
                        page.page().in(language).html()));
            } else if (step instanceof Step.QuizStep quizStep) {
                Quiz quiz = quizStep.quiz();
                String context = quizStep.lesson() != null ? quizStep.lesson().title().in(language)
                        : ui.get(quiz.kind() == QuizKind.PRE_TEST ? "preTest" : "postTest");
                views.add(new StepView.QuizView(step.key(), id, quiz.id(), quiz.kind().keyword(), context, title,
                        quizIntro(quiz, language, ui), quiz.isTest(), questions(quiz, language, ui)));
            } else {
                views.add(new StepView.SummaryView(step.key(), id, title));
            }
        }
        return views;
    }

    private String quizIntro(Quiz quiz, String language, Map<String, String> ui) {
        if (quiz.intro().isPresent()) {
            return quiz.intro().get().in(language);
        }
        return switch (quiz.kind()) {
            case PRE_TEST -> ui.get("preTestIntro");
            case POST_TEST -> module.masteryScore().isPresent()
                    ? ui.get("postTestIntro").replace("{mastery}", String.valueOf(module.masteryScore().getAsInt()))
                    : ui.get("postTestIntroNoMastery");
            case CHECK -> "";
        };
    }

    private List<QuestionView> questions(Quiz quiz, String language, Map<String, String> ui) {
        List<QuestionView> views = new ArrayList<>();
        int total = quiz.questions().size();
        for (int n = 0; n < total; n++) {
            views.add(question(quiz, quiz.questions().get(n), n + 1, total, language, ui));
        }
        return views;
    }

    private QuestionView question(Quiz quiz, Question question, int number, int total, String language, Map<String, String> ui) {
        String iid = Interactions.id(quiz, question);
        String domId = language + "-" + iid;
        String prompt = question.prompt().in(language);
        List<QuestionView.FeedbackText> feedback = new ArrayList<>();
        List<QuestionView.Option> options = new ArrayList<>();
        List<QuestionView.MatchRow> rows = new ArrayList<>();
        List<QuestionView.Option> items = new ArrayList<>();
        String kind;
        String instruction = "";
        if (question instanceof Question.SingleChoice q) {
            kind = "single";
            choices(q.choices(), domId, language, options, feedback);
        } else if (question instanceof Question.MultipleChoice q) {
            kind = "multiple";
            instruction = ui.get("selectAll");
            choices(q.choices(), domId, language, options, feedback);
        } else if (question instanceof Question.TrueFalse) {
            kind = "true-false";
            options.add(new QuestionView.Option("t", domId + "-t", ui.get("trueLabel")));
            options.add(new QuestionView.Option("f", domId + "-f", ui.get("falseLabel")));
        } else if (question instanceof Question.FillIn) {
            kind = "fill-in";
        } else if (question instanceof Question.Matching q) {
            kind = "matching";
            instruction = ui.get("matchInstruction");
            List<LocalizedText> targets = new ArrayList<>();
            q.pairs().forEach(p -> targets.add(p.target()));
            targets.addAll(q.distractors());
            List<QuestionView.Option> shuffled = new ArrayList<>();
            for (int index : Interactions.shuffledOrder(iid, targets.size())) {
                shuffled.add(new QuestionView.Option(Interactions.letter(index), null, targets.get(index).in(language)));
            }
            for (int i = 0; i < q.pairs().size(); i++) {
                String value = Interactions.digit(i);
                rows.add(new QuestionView.MatchRow(value, domId + "-" + value, q.pairs().get(i).source().in(language), shuffled));
            }
        } else {
            Question.Ordering q = (Question.Ordering) question;
            kind = "ordering";
            instruction = ui.get("orderInstruction");
            for (int index : Interactions.shuffledOrder(iid, q.items().size())) {
                items.add(new QuestionView.Option(Interactions.letter(index), null, q.items().get(index).in(language)));
            }
        }
        Feedback general = question.feedback();
        general.correct().ifPresent(t -> feedback.add(new QuestionView.FeedbackText("correct", t.in(language))));
        general.incorrect().ifPresent(t -> feedback.add(new QuestionView.FeedbackText("incorrect", t.in(language))));
        String numberLabel = ui.get("questionN").replace("{n}", String.valueOf(number)).replace("{total}", String.valueOf(total));
        return new QuestionView(iid, domId, numberLabel, kind, prompt, instruction, options, rows, items,
                FILL_IN_MAX_LENGTH, feedback);
    }

    private static void choices(List<Choice> choices, String domId, String language, List<QuestionView.Option> options,
                                List<QuestionView.FeedbackText> feedback) {
        for (int i = 0; i < choices.size(); i++) {
            String value = Interactions.letter(i);
            Choice choice = choices.get(i);
            options.add(new QuestionView.Option(value, domId + "-" + value, choice.text().in(language)));
            Optional<LocalizedText> text = choice.feedback();
            text.ifPresent(t -> feedback.add(new QuestionView.FeedbackText(value, t.in(language))));
        }
    }
}
