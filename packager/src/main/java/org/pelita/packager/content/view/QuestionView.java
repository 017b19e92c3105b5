package org.pelita.packager.content.view;

import java.util.List;

/**
 * A question laid out for one language. {@code kind} selects the layout: single, multiple, true-false, fill-in,
 * matching or ordering. Option values are the SCORM response characters.
 */
public record QuestionView(String iid, String domId, String numberLabel, String kind, String prompt,
                           String instruction, List<Option> options, List<MatchRow> rows, List<Option> items,
                           int maxLength, List<FeedbackText> feedback) {
    public QuestionView {
        options = List.copyOf(options);
        rows = List.copyOf(rows);
        items = List.copyOf(items);
        feedback = List.copyOf(feedback);
    }

    public record Option(String value, String inputId, String label) {
    }

    /** One left-hand item of a matching question, with the right-hand answers to choose from (shuffled). */
    public record MatchRow(String value, String selectId, String label, List<Option> targets) {
        public MatchRow {
            targets = List.copyOf(targets);
        }
    }

    /** Feedback shown after answering: {@code when} is "correct", "incorrect" or a choice value. */
    public record FeedbackText(String when, String text) {
    }
}
