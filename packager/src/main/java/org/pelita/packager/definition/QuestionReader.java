package org.pelita.packager.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pelita.packager.definition.yaml.YamlNode;
import org.pelita.packager.model.Choice;
import org.pelita.packager.model.Feedback;
import org.pelita.packager.model.LocalizedText;
import org.pelita.packager.model.MatchPair;
import org.pelita.packager.model.Question;

/**
 * Reads one question of a quiz. Limits follow SCORM 1.2, whose responses name choices, matching targets and
 * ordered items by single characters a-z and matching sources by digits 0-9 (RTE 3.4.2.6.3).
 */
final class QuestionReader {
    static final List<String> TYPES = List.of("single-choice", "multiple-choice", "true-false", "fill-in", "matching", "ordering");
    static final int MAX_CHOICES = 26;
    static final int MAX_PAIRS = 10;
    static final int MAX_TARGETS = 26;
    static final int MAX_ITEMS = 26;

    private final Texts texts;
    private final Values values;
    private final Problems problems;

    QuestionReader(Texts texts, Problems problems) {
        this.texts = texts;
        this.values = new Values(problems);
        this.problems = problems;
    }

    Optional<Question> read(Fields fields, String id) {
        String what = "question '" + id + "'";
        fields.describeAs(what);
        Optional<String> type = fields.required("type", "type: single-choice").flatMap(n -> values.text(n, what + " type"));
        Optional<LocalizedText> prompt = fields.required("prompt", "prompt: " + example())
                .flatMap(n -> texts.read(n, what + " prompt"));
        Feedback feedback = fields.optional("feedback").map(n -> feedback(n, what)).orElse(Feedback.none());
        if (type.isEmpty()) {
            fields.acceptAll();
            return Optional.empty();
        }
        Optional<? extends Question> question;
        switch (type.get()) {
            case "single-choice": {
                Optional<List<Choice>> choices = choices(fields, what, true);
                question = both(prompt, choices).map(p -> new Question.SingleChoice(id, prompt.get(), choices.get(), feedback));
                break;
            }
            case "multiple-choice": {
                Optional<List<Choice>> choices = choices(fields, what, false);
                question = both(prompt, choices).map(p -> new Question.MultipleChoice(id, prompt.get(), choices.get(), feedback));
                break;
            }
            case "true-false": {
                Optional<Boolean> answer = fields.required("answer", "answer: true").flatMap(n -> values.bool(n, what + " answer"));
                question = both(prompt, answer).map(p -> new Question.TrueFalse(id, prompt.get(), answer.get(), feedback));
                break;
            }
            case "fill-in": {
                Optional<Map<String, List<String>>> accepted = fields.required("accept", "accept: { "
                        + texts.languages().get(0) + ": [answer] }").flatMap(n -> texts.readLists(n, what + " accepted answers"));
                boolean caseSensitive = fields.optional("caseSensitive").flatMap(n -> values.bool(n, what + " caseSensitive")).orElse(false);
                question = both(prompt, accepted).map(p -> new Question.FillIn(id, prompt.get(), accepted.get(), caseSensitive, feedback));
                break;
            }
            case "matching": {
                Optional<List<MatchPair>> pairs = pairs(fields, what);
                List<LocalizedText> distractors = fields.optional("distractors")
                        .map(n -> textList(n, what + " distractor", 1)).orElse(Optional.of(List.of())).orElse(List.of());
                if (pairs.isPresent() && pairs.get().size() + distractors.size() > MAX_TARGETS) {
                    problems.error(fields.location(), what + " has " + (pairs.get().size() + distractors.size())
                            + " answers to match; SCORM 1.2 allows " + MAX_TARGETS, "remove some distractors or pairs");
                }
                question = both(prompt, pairs).map(p -> new Question.Matching(id, prompt.get(), pairs.get(), distractors, feedback));
                break;
            }
            case "ordering": {
                Optional<List<LocalizedText>> items = fields.required("items", "items: [first, second, third]")
                        .flatMap(n -> textList(n, what + " item", 2));
                if (items.isPresent() && items.get().size() > MAX_ITEMS) {
                    problems.error(fields.location(), what + " has " + items.get().size() + " items; SCORM 1.2 allows "
                            + MAX_ITEMS, "split the question in two");
                }
                question = both(prompt, items).map(p -> new Question.Ordering(id, prompt.get(), items.get(), feedback));
                break;
            }
            default:
                String guess = Fields.closest(type.get(), new java.util.LinkedHashSet<>(TYPES));
                problems.error(fields.optional("type").get().location(), what + " has the unknown type '" + type.get() + "'",
                        (guess != null ? "did you mean '" + guess + "'? " : "") + "the types are: " + String.join(", ", TYPES));
                fields.acceptAll();
                question = Optional.empty();
        }
        fields.rejectUnknown();
        return question.map(q -> (Question) q);
    }

    private String example() {
        return texts.languages().size() == 1 ? "What makes a password strong?"
                : "{ " + texts.languages().get(0) + ": What makes a password strong?, ... }";
    }

    private Optional<List<Choice>> choices(Fields fields, String what, boolean single) {
        Optional<List<YamlNode>> nodes = fields.required("choices", "choices:").flatMap(n -> values.list(n, what + " choices", 2));
        if (nodes.isEmpty()) {
            return Optional.empty();
        }
        if (nodes.get().size() > MAX_CHOICES) {
            problems.error(fields.location(), what + " has " + nodes.get().size() + " choices; SCORM 1.2 allows " + MAX_CHOICES,
                    "remove some choices");
        }
        List<Choice> choices = new ArrayList<>();
        boolean complete = true;
        for (int i = 0; i < nodes.get().size(); i++) {
            String choiceWhat = "choice " + (i + 1) + " of " + what;
            Optional<Fields> choice = Fields.of(nodes.get().get(i), choiceWhat, problems);
            if (choice.isEmpty()) {
                complete = false;
                continue;
            }
            Optional<LocalizedText> text = choice.get().required("text", "text: ...").flatMap(n -> texts.read(n, choiceWhat));
            boolean correct = choice.get().optional("correct").flatMap(n -> values.bool(n, choiceWhat + " correct")).orElse(false);
            Optional<LocalizedText> feedback = choice.get().optional("feedback").flatMap(n -> texts.read(n, choiceWhat + " feedback"));
            choice.get().rejectUnknown();
            if (text.isPresent()) {
                choices.add(new Choice(text.get(), correct, feedback));
            } else {
                complete = false;
            }
        }
        long correct = choices.stream().filter(Choice::correct).count();
        if (complete && correct == 0) {
            problems.error(fields.location(), what + " has no correct answer",
                    "mark the right choice with `correct: true`");
            return Optional.empty();
        }
        if (complete && single && correct > 1) {
            problems.error(fields.location(), what + " is single-choice but marks " + correct + " choices correct",
                    "keep `correct: true` on one choice, or change the type to multiple-choice");
            return Optional.empty();
        }
        return complete ? Optional.of(choices) : Optional.empty();
    }

    private Optional<List<MatchPair>> pairs(Fields fields, String what) {
        Optional<List<YamlNode>> nodes = fields.required("pairs", "pairs:").flatMap(n -> values.list(n, what + " pairs", 2));
        if (nodes.isEmpty()) {
            return Optional.empty();
        }
        if (nodes.get().size() > MAX_PAIRS) {
            problems.error(fields.location(), what + " has " + nodes.get().size() + " pairs; SCORM 1.2 allows " + MAX_PAIRS,
                    "split the question in two");
        }
        List<MatchPair> pairs = new ArrayList<>();
        for (int i = 0; i < nodes.get().size(); i++) {
            String pairWhat = "pair " + (i + 1) + " of " + what;
            Optional<Fields> pair = Fields.of(nodes.get().get(i), pairWhat, problems);
            if (pair.isEmpty()) {
                continue;
            }
            Optional<LocalizedText> source = pair.get().required("source", "source: ...").flatMap(n -> texts.read(n, pairWhat + " source"));
            Optional<LocalizedText> target = pair.get().required("target", "target: ...").flatMap(n -> texts.read(n, pairWhat + " target"));
            pair.get().rejectUnknown();
            if (source.isPresent() && target.isPresent()) {
                pairs.add(new MatchPair(source.get(), target.get()));
            }
        }
        return pairs.size() == nodes.get().size() ? Optional.of(pairs) : Optional.empty();
    }

    private Optional<List<LocalizedText>> textList(YamlNode node, String what, int minItems) {
        Optional<List<YamlNode>> nodes = values.list(node, what + "s", minItems);
        if (nodes.isEmpty()) {
            return Optional.empty();
        }
        List<LocalizedText> result = new ArrayList<>();
        for (int i = 0; i < nodes.get().size(); i++) {
            texts.read(nodes.get().get(i), what + " " + (i + 1)).ifPresent(result::add);
        }
        return result.size() == nodes.get().size() ? Optional.of(result) : Optional.empty();
    }

    private Feedback feedback(YamlNode node, String what) {
        Optional<Fields> fields = Fields.of(node, what + " feedback", problems);
        if (fields.isEmpty()) {
            return Feedback.none();
        }
        Optional<LocalizedText> correct = fields.get().optional("correct").flatMap(n -> texts.read(n, what + " feedback when correct"));
        Optional<LocalizedText> incorrect = fields.get().optional("incorrect").flatMap(n -> texts.read(n, what + " feedback when incorrect"));
        fields.get().rejectUnknown();
        return new Feedback(correct, incorrect);
    }

    private static <T> Optional<Boolean> both(Optional<?> a, Optional<T> b) {
        return a.isPresent() && b.isPresent() ? Optional.of(true) : Optional.empty();
    }
}
