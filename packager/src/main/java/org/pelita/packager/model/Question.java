package org.pelita.packager.model;

import java.util.List;
import java.util.Map;

/**
 * A question of a quiz. The six kinds map onto the SCORM 1.2 interaction types
 * (RTE 3.4.2.6.3): choice, true-false, fill-in, matching and sequencing.
 */
public sealed interface Question {
    String id();

    LocalizedText prompt();

    Feedback feedback();

    /** The SCORM 1.2 / xAPI interaction type of this question. */
    String interactionType();

    record SingleChoice(String id, LocalizedText prompt, List<Choice> choices, Feedback feedback) implements Question {
        public SingleChoice {
            choices = List.copyOf(choices);
        }

        public String interactionType() {
            return "choice";
        }
    }

    record MultipleChoice(String id, LocalizedText prompt, List<Choice> choices, Feedback feedback) implements Question {
        public MultipleChoice {
            choices = List.copyOf(choices);
        }

        public String interactionType() {
            return "choice";
        }
    }

    record TrueFalse(String id, LocalizedText prompt, boolean answer, Feedback feedback) implements Question {
        public String interactionType() {
            return "true-false";
        }
    }

    /** Accepted answers per language, compared after trimming and collapsing spaces, case-insensitively unless asked. */
    record FillIn(String id, LocalizedText prompt, Map<String, List<String>> accepted, boolean caseSensitive,
                  Feedback feedback) implements Question {
        public FillIn {
            accepted = Map.copyOf(accepted);
        }

        public String interactionType() {
            return "fill-in";
        }
    }

    /** Every pair must be matched; distractors are extra right-hand options that match nothing. */
    record Matching(String id, LocalizedText prompt, List<MatchPair> pairs, List<LocalizedText> distractors,
                    Feedback feedback) implements Question {
        public Matching {
            pairs = List.copyOf(pairs);
            distractors = List.copyOf(distractors);
        }

        public String interactionType() {
            return "matching";
        }
    }

    /** Items listed in their correct order; learners see them shuffled. */
    record Ordering(String id, LocalizedText prompt, List<LocalizedText> items, Feedback feedback) implements Question {
        public Ordering {
            items = List.copyOf(items);
        }

        public String interactionType() {
            return "sequencing";
        }
    }
}
