package org.pelita.packager.content;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.pelita.packager.model.Question;
import org.pelita.packager.model.Quiz;

/**
 * How questions and answers are named in tracking data. SCORM 1.2 responses name choices, targets and
 * items by single characters a-z and matching sources by digits (RTE 3.4.2.6.3 and 3.4.2.6.7); interaction ids
 * use only letters, digits and '_' because older Moodle versions accept only \w in CMIIdentifier.
 */
public final class Interactions {
    private Interactions() {
    }

    /** Unique per quiz and question: the same question asked in the pre- and post-test gives two ids. */
    public static String id(Quiz quiz, Question question) {
        return (quiz.id() + "__" + question.id()).replace('-', '_');
    }

    public static String letter(int index) {
        return String.valueOf((char) ('a' + index));
    }

    /** Matching sources: 1..9 then 0 for the tenth (at most ten pairs). */
    public static String digit(int index) {
        return String.valueOf((index + 1) % 10);
    }

    /** The correct response patterns, in SCORM 1.2 format; fill-in has one pattern per accepted answer. */
    public static List<String> correctPatterns(Question question, List<String> languages) {
        if (question instanceof Question.SingleChoice q) {
            return List.of(letters(IntStream.range(0, q.choices().size()).filter(i -> q.choices().get(i).correct())));
        }
        if (question instanceof Question.MultipleChoice q) {
            return List.of(letters(IntStream.range(0, q.choices().size()).filter(i -> q.choices().get(i).correct())));
        }
        if (question instanceof Question.TrueFalse q) {
            return List.of(q.answer() ? "t" : "f");
        }
        if (question instanceof Question.FillIn q) {
            List<String> patterns = new ArrayList<>();
            for (String language : languages) {
                for (String answer : q.accepted().get(language)) {
                    if (!patterns.contains(answer)) {
                        patterns.add(answer);
                    }
                }
            }
            return patterns;
        }
        if (question instanceof Question.Matching q) {
            return List.of(IntStream.range(0, q.pairs().size()).mapToObj(i -> digit(i) + "." + letter(i)).collect(Collectors.joining(",")));
        }
        Question.Ordering q = (Question.Ordering) question;
        return List.of(letters(IntStream.range(0, q.items().size())));
    }

    private static String letters(IntStream indexes) {
        return indexes.mapToObj(Interactions::letter).collect(Collectors.joining(","));
    }

    /**
     * A fixed shuffle of {@code size} positions for a question: the same on every build (Random's algorithm is
     * specified by its Javadoc), never the identity, so learners cannot just keep the given order.
     */
    public static List<Integer> shuffledOrder(String seed, int size) {
        List<Integer> order = new ArrayList<>(IntStream.range(0, size).boxed().toList());
        Collections.shuffle(order, new Random(seed.hashCode()));
        if (size > 1 && IntStream.range(0, size).allMatch(i -> order.get(i) == i)) {
            Collections.rotate(order, 1);
        }
        return order;
    }
}
